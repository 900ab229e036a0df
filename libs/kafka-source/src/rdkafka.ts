// The librdkafka-style API of @confluentinc/kafka-javascript, reached through the CommonJS
// module's default export, with promises around the callbacks this library uses.
import kafka from '@confluentinc/kafka-javascript';

import type { CommitPosition } from './offset-tracker.js';
import type { RawMessage } from './source-message.js';

export const { KafkaConsumer, Producer, AdminClient } = kafka;

/** Consumer methods the binding has but its type declarations leave out. */
interface RebalanceMethods {
  incrementalAssign(partitions: kafka.TopicPartition[]): void;
  incrementalUnassign(partitions: kafka.TopicPartition[]): void;
  /** Inside a revoke: true when the partitions already belong to another member. */
  assignmentLost(): boolean;
  rebalanceProtocol(): 'NONE' | 'EAGER' | 'COOPERATIVE';
}

export type RdKafkaConsumer = InstanceType<typeof kafka.KafkaConsumer> & RebalanceMethods;
export type TopicPartition = kafka.TopicPartition;
export type LibrdKafkaError = kafka.LibrdKafkaError;
export type RdKafkaProducer = InstanceType<typeof kafka.Producer>;
export type RdKafkaClient = RdKafkaConsumer | RdKafkaProducer;

export const ERROR_CODES = kafka.CODES.ERRORS;

/** Connects a client, failing after `timeoutMs` when no broker answers the metadata request. */
export function connectClient(client: RdKafkaClient, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    client.connect({ timeout: timeoutMs }, (error) => (error ? reject(error) : resolve()));
  });
}

/** Disconnects a client; librdkafka closes the consumer's group membership on the way. */
export function disconnectClient(client: RdKafkaClient): Promise<void> {
  return new Promise((resolve) => {
    if (!client.isConnected()) {
      resolve();
      return;
    }
    client.disconnect(() => resolve());
  });
}

/**
 * Fetches up to `size` messages, waiting at most the consumer's default consume timeout when
 * none is ready. Rebalance and commit callbacks are served during this call.
 */
export function consumeBatch(consumer: RdKafkaConsumer, size: number): Promise<RawMessage[]> {
  return new Promise((resolve, reject) => {
    consumer.consume(size, (error, messages) => (error ? reject(error) : resolve(messages ?? [])));
  });
}

/** Commits positions and waits for the coordinator's answer. */
export function commitPositionsSync(consumer: RdKafkaConsumer, positions: CommitPosition[]): void {
  if (positions.length === 0) return;
  consumer.commitSync(
    positions.map(({ topic, partition, offset }) => ({ topic, partition, offset })),
  );
}
