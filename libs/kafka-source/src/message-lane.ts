import { partitionKey } from './offset-tracker.js';
import type { RawMessage } from './source-message.js';

/**
 * The lane a message is kept in order with: its key within its partition. Kafka orders only
 * within a partition, and a key always goes to the same partition, so this is the order the
 * producer of one key gave. A message without a key (null, absent or empty) has no lane:
 * librdkafka's default partitioner spreads such messages over partitions at random, so their
 * producer cannot have relied on their order.
 */
export function messageLane(raw: RawMessage): string | undefined {
  if (raw.key === null || raw.key === undefined || raw.key.length === 0) return undefined;

  // One character per byte, so keys that differ in any byte never share a lane.
  const key = typeof raw.key === 'string' ? Buffer.from(raw.key) : raw.key;
  return `${partitionKey(raw)}\u0000${key.toString('latin1')}`;
}
