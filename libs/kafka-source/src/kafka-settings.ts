import { KafkaConfigError } from './errors.js';

/** librdkafka settings as written in the `[kafka]` section: any property librdkafka knows. */
export type KafkaSettings = Record<string, string | number | boolean>;

const SECRET_SETTING = /password|secret|token|jaas|oauthbearer\.config|\.pem$|ssl_key/i;
const REDACTED = '[redacted]';

// Group and fetch properties that librdkafka warns about when a producer is given them; the
// one [kafka] section serves both the consumer and the retry-topic producer.
const CONSUMER_ONLY_SETTING =
  /^(group\.|enable\.auto\.|auto\.offset\.reset$|auto\.commit\.|session\.timeout|heartbeat\.|max\.poll\.|partition\.assignment|fetch\.|isolation\.level$|enable\.partition\.eof$|check\.crcs$|queued\.|coordinator\.query)/;

/** A copy safe to log: passwords, secrets, tokens and inline keys are replaced. */
export function redactKafkaSettings(settings: KafkaSettings): KafkaSettings {
  return Object.fromEntries(
    Object.entries(settings).map(([key, value]) => [
      key,
      SECRET_SETTING.test(key) ? REDACTED : value,
    ]),
  );
}

function isTrue(value: string | number | boolean | undefined): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}

function requireSetting(settings: KafkaSettings, keys: string[]): void {
  if (keys.some((key) => settings[key] !== undefined && settings[key] !== '')) return;
  throw new KafkaConfigError(`The [kafka] setting "${keys[0]}" is required.`, {
    setting: keys[0],
  });
}

/** Bootstrap servers must be named for any client. */
export function checkClientSettings(settings: KafkaSettings): void {
  requireSetting(settings, ['bootstrap.servers', 'metadata.broker.list']);
}

/**
 * The settings of the at-least-once consumer: the user's, with offsets committed only by the
 * source. `auto.offset.reset` defaults to `earliest` so that a new group misses no event.
 */
export function buildConsumerSettings(settings: KafkaSettings): KafkaSettings {
  checkClientSettings(settings);
  requireSetting(settings, ['group.id']);
  for (const key of ['enable.auto.commit', 'enable.auto.offset.store']) {
    if (isTrue(settings[key])) {
      throw new KafkaConfigError(
        `The [kafka] setting "${key}" must be false (or left out): offsets are committed only ` +
          'once every earlier event of the partition is done.',
        { setting: key },
      );
    }
  }

  return {
    'auto.offset.reset': 'earliest',
    ...settings,
    'enable.auto.commit': false,
    'enable.auto.offset.store': false,
  };
}

/** The settings of a producer or admin client: the user's, less the consumer-only ones. */
export function buildProducerSettings(settings: KafkaSettings): KafkaSettings {
  checkClientSettings(settings);
  return Object.fromEntries(
    Object.entries(settings).filter(([key]) => !CONSUMER_ONLY_SETTING.test(key)),
  );
}
