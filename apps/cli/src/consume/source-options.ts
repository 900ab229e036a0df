import { KafkaConfigError, KafkaSource, type KafkaSourceOptions } from '@piddi/kafka-source';

import { findSource, type ConfigIssue, type PiddiConfig } from '../config/index.js';

/** What a run adds to the configured consumer: where messages go and who hears of it. */
export type SourceHooks = Pick<KafkaSourceOptions, 'handler' | 'logger' | 'onAssigned'>;

/** What of the run changes how the consumer joins Kafka. */
export interface SourceMode {
  /** `--dry-run`: consume under a group of its own. */
  dryRun: boolean;
}

/** Appended to `group.id` for a dry run. */
export const DRY_RUN_GROUP_SUFFIX = '.dry-run';

/**
 * The consumer group a run commits its offsets under. A dry run registers nothing, so it
 * must not move the real group on: a later real run would skip what the dry run read.
 */
export function consumerGroupFor(config: PiddiConfig, mode: SourceMode): string {
  const group = String(config.kafka['group.id'] ?? '');
  return mode.dryRun && group !== '' ? `${group}${DRY_RUN_GROUP_SUFFIX}` : group;
}

/** The options of the Kafka consumer that `consume` starts, from the configuration. */
export function sourceOptionsFor(
  config: PiddiConfig,
  hooks: SourceHooks,
  mode: SourceMode = { dryRun: false },
): KafkaSourceOptions {
  const group = consumerGroupFor(config, mode);
  return {
    kafka: group === '' ? config.kafka : { ...config.kafka, 'group.id': group },
    topic: config.consumer.topic,
    retryTopic: config.consumer.retry_topic || undefined,
    maxInFlight: config.consumer.max_in_flight,
    drainTimeoutMs: drainTimeoutOf(config),
    ...hooks,
  };
}

// The source takes "no limit" as Infinity, which TOML cannot write; the configuration says -1.
function drainTimeoutOf(config: PiddiConfig): number {
  const timeout = config.consumer.drain_timeout_ms;
  return timeout === -1 ? Infinity : timeout;
}

/**
 * What `consume` would refuse in the Kafka settings, found as it finds it (the consumer checks
 * its options and has librdkafka read every setting when it is created) but without
 * connecting; `config validate` reports it.
 */
export function checkConsumerSettings(
  config: PiddiConfig,
  sources: ReadonlyMap<string, string>,
): ConfigIssue[] {
  try {
    void new KafkaSource(sourceOptionsFor(config, { handler: async () => {} }));
    return [];
  } catch (error) {
    if (!(error instanceof KafkaConfigError)) throw error;
    return [describeRefusal(error, sources)];
  }
}

function describeRefusal(error: KafkaConfigError, sources: ReadonlyMap<string, string>) {
  const key = error.setting === undefined ? undefined : `kafka.${error.setting}`;
  const source = key !== undefined && sources.get(key);
  if (key === undefined || !source) {
    const sectionSources = sourcesOfSection(sources, 'kafka');
    const message = `[kafka] (from ${sectionSources}) is refused by the consumer: ${error.message}`;
    return { code: 'CONFIG_INVALID' as const, key: 'kafka', source: sectionSources, message };
  }
  const message = `${key} (from ${source}) is refused by the consumer: ${error.message}`;
  return { code: 'CONFIG_INVALID' as const, key, source, message };
}

// A setting the consumer names but no source set (one it requires, say) is not in a file:
// every source of the section is named, so that the operator knows which files to look at.
function sourcesOfSection(sources: ReadonlyMap<string, string>, section: string): string {
  const found = [...sources].filter(([key]) => key.startsWith(`${section}.`));
  const names = new Set(found.map(([, source]) => source));
  return names.size > 0 ? [...names].join(', ') : findSource(sources, section);
}
