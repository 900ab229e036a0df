import { KafkaConfigError } from './errors.js';
import type { KafkaSettings } from './kafka-settings.js';
import { SILENT_LOGGER, type KafkaLogger } from './logger.js';
import type { PartitionRef } from './offset-tracker.js';
import type { MessageHandler } from './source-message.js';

/** How to consume: the `[kafka]` settings, the topics and the handler. */
export interface KafkaSourceOptions {
  /** Any librdkafka setting; `bootstrap.servers` and `group.id` are required. */
  kafka: KafkaSettings;
  /** The topic of STAC item events. */
  topic: string;
  /** A second topic, consumed the same way, where failed events are sent back for a retry. */
  retryTopic?: string;
  /** Called for every message; must resolve once the event is done, and reject only when the pipeline cannot go on. */
  handler: MessageHandler;
  /** Messages handled at once. @default 16 */
  maxInFlight?: number;
  /** Commit what is done at least this often. @default 1000 */
  commitIntervalMs?: number;
  /** Also commit as soon as this many messages are done since the last commit. @default 500 */
  commitEveryMessages?: number;
  /**
   * How long `stop()` (and a failure) waits for handlers in flight before it commits what is
   * done and disconnects. When some are still running then, `run()` rejects with
   * `DrainTimeoutError` (`DRAIN_TIMEOUT`). `0` waits not at all; `Infinity` waits for as long
   * as the handlers take. @default 30000
   */
  drainTimeoutMs?: number;
  /** How long a rebalance waits for messages in flight of revoked partitions. @default 10000 */
  revokeTimeoutMs?: number;
  /** How long connecting waits for the cluster's metadata. @default 30000 */
  connectTimeoutMs?: number;
  /** How long one fetch waits for new messages; bounds how fast `stop()` is noticed. @default 100 */
  pollTimeoutMs?: number;
  /** Told of every assignment, e.g. to know when the consumer has joined its group. */
  onAssigned?: (partitions: PartitionRef[]) => void;
  logger?: KafkaLogger;
}

export type ResolvedSourceOptions = Required<
  Omit<KafkaSourceOptions, 'retryTopic' | 'onAssigned'>
> &
  Pick<KafkaSourceOptions, 'retryTopic' | 'onAssigned'>;

const DEFAULTS = {
  maxInFlight: 16,
  commitIntervalMs: 1000,
  commitEveryMessages: 500,
  drainTimeoutMs: 30_000,
  revokeTimeoutMs: 10_000,
  connectTimeoutMs: 30_000,
  pollTimeoutMs: 100,
};

function checkWhole(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new KafkaConfigError(
      `${name} must be a whole number of at least ${minimum}, not ${value}.`,
    );
  }
}

/** Applies the defaults and rejects options the source cannot work with. */
export function resolveSourceOptions(options: KafkaSourceOptions): ResolvedSourceOptions {
  if (!options.topic) throw new KafkaConfigError('The topic to consume is required.');
  if (options.retryTopic === options.topic) {
    throw new KafkaConfigError(`The retry topic must differ from the topic "${options.topic}".`);
  }

  const resolved = { ...DEFAULTS, logger: SILENT_LOGGER, ...options };
  checkWhole('maxInFlight', resolved.maxInFlight, 1);
  checkWhole('commitEveryMessages', resolved.commitEveryMessages, 1);
  checkWhole('commitIntervalMs', resolved.commitIntervalMs, 1);
  checkWhole('pollTimeoutMs', resolved.pollTimeoutMs, 1);
  checkWhole('revokeTimeoutMs', resolved.revokeTimeoutMs, 0);
  checkWhole('connectTimeoutMs', resolved.connectTimeoutMs, 0);
  if (resolved.drainTimeoutMs !== Infinity)
    checkWhole('drainTimeoutMs', resolved.drainTimeoutMs, 0);
  return resolved;
}
