import { describeKafkaError, KafkaConfigError } from './errors.js';
import { buildConsumerSettings, type KafkaSettings } from './kafka-settings.js';
import { KafkaConsumer } from './rdkafka.js';

// librdkafka names the property in its refusals: `No such configuration property: "x"`,
// `Invalid value for configuration property "x"`,
// `Invalid value "v" for configuration property "x"`.
const REFUSED_PROPERTY = /configuration property:? "([^"]+)"/i;

/**
 * Checks `[kafka]` settings as a `KafkaSource` consumes with them, without contacting a broker:
 * the source's own rules (bootstrap servers, group id, no automatic commits) and the name and
 * value of every property as librdkafka reads them. What librdkafka looks at only when it
 * connects (files such as `ssl.ca.location`, settings that contradict each other) is not
 * checked here.
 * @throws KafkaConfigError (`KAFKA_CONFIG_INVALID`); `setting` names the property at fault.
 */
export function checkKafkaSettings(settings: KafkaSettings): void {
  checkWithLibrdkafka(buildConsumerSettings(settings));
}

/**
 * Has librdkafka read the settings. Building a consumer checks every property; it starts no
 * thread and opens no connection until `connect()`, so the unused consumer is simply dropped.
 */
export function checkWithLibrdkafka(settings: KafkaSettings): void {
  try {
    void new KafkaConsumer(settings);
  } catch (error) {
    throw describeRefusedSettings(error);
  }
}

/** The error for settings a librdkafka client refused when it was built. */
export function describeRefusedSettings(error: unknown): KafkaConfigError {
  const reason = describeKafkaError(error);
  const setting = REFUSED_PROPERTY.exec(reason)?.[1];
  const fix = setting
    ? `Fix or remove "${setting}" (librdkafka's CONFIGURATION.md lists every property)`
    : "Check them against librdkafka's CONFIGURATION.md";
  return new KafkaConfigError(`librdkafka refused the [kafka] settings: ${reason}. ${fix}.`, {
    setting,
  });
}
