import { describeRefusedSettings } from './check-kafka-settings.js';
import type { KafkaSettings } from './kafka-settings.js';
import type { KafkaLogger } from './logger.js';
import {
  KafkaConsumer,
  type LibrdKafkaError,
  type RdKafkaConsumer,
  type TopicPartition,
} from './rdkafka.js';

/** What the consumer reports back to its owner. */
export interface ConsumerCallbacks {
  /** Partitions assigned (ERR__ASSIGN_PARTITIONS) or revoked (ERR__REVOKE_PARTITIONS). */
  onRebalance(event: LibrdKafkaError, partitions: TopicPartition[]): void;
  onCommitResult(error: LibrdKafkaError | undefined, offsets: TopicPartition[]): void;
  onClientError(error: LibrdKafkaError): void;
}

/**
 * A librdkafka consumer that leaves assignment and commits to its owner: the rebalance
 * callback must assign or unassign, and `consume(n)` serves callbacks while it fetches.
 */
export function createConsumer(
  settings: KafkaSettings,
  pollTimeoutMs: number,
  callbacks: ConsumerCallbacks,
  log: KafkaLogger,
): RdKafkaConsumer {
  let consumer: RdKafkaConsumer;
  try {
    // No separate topic configuration: given one, even empty, the binding drops topic-level
    // properties of the global settings, such as auto.offset.reset.
    consumer = new KafkaConsumer({
      ...settings,
      rebalance_cb: (event: LibrdKafkaError, partitions: TopicPartition[]) =>
        callbacks.onRebalance(event, partitions),
      offset_commit_cb: (error: LibrdKafkaError | undefined, offsets: TopicPartition[]) =>
        callbacks.onCommitResult(error, offsets),
    }) as RdKafkaConsumer;
  } catch (error) {
    throw describeRefusedSettings(error);
  }

  consumer.setDefaultConsumeTimeout(pollTimeoutMs);
  consumer.on('event.error', (error) => callbacks.onClientError(error));
  consumer.on('event.log', (entry: { fac?: string; message?: string }) =>
    log.debug('librdkafka', { facility: entry.fac, message: entry.message }),
  );
  return consumer;
}
