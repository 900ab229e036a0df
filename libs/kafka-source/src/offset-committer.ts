import { describeKafkaError, KafkaCommitError } from './errors.js';
import type { KafkaLogger } from './logger.js';
import {
  partitionKey,
  type CommitPosition,
  type OffsetTracker,
  type PartitionRef,
} from './offset-tracker.js';
import {
  commitPositionsSync,
  ERROR_CODES,
  type LibrdKafkaError,
  type RdKafkaConsumer,
  type TopicPartition,
} from './rdkafka.js';

function describePositions(positions: readonly CommitPosition[]): string[] {
  return positions.map((position) => `${partitionKey(position)}@${position.offset}`);
}

/**
 * Commits the tracker's positions: asynchronously while consuming (a failed commit is sent
 * again with the next one), synchronously when partitions are revoked and at the end.
 */
export class OffsetCommitter {
  #completedSinceCommit = 0;
  #closed = false;

  constructor(
    private readonly consumer: RdKafkaConsumer,
    private readonly tracker: OffsetTracker,
    private readonly log: KafkaLogger,
    private readonly everyMessages: number,
  ) {}

  /** Counts a finished message and commits once enough have finished. */
  noteCompleted(): void {
    this.#completedSinceCommit += 1;
    if (this.#completedSinceCommit >= this.everyMessages) this.commitProgress();
  }

  /** Sends the positions that moved since the last commit; the answer comes to `onCommitResult`. */
  commitProgress(): void {
    this.#completedSinceCommit = 0;
    if (this.#closed) return;
    const positions = this.tracker.commitPositions();
    if (positions.length === 0) return;

    try {
      this.consumer.commit(
        positions.map(({ topic, partition, offset }) => ({ topic, partition, offset })),
      );
      this.tracker.markCommitted(positions);
      this.log.debug('Committing offsets', { positions: describePositions(positions) });
    } catch (error) {
      this.log.warn('Could not commit offsets; trying again later', {
        error: describeKafkaError(error),
      });
    }
  }

  /** librdkafka's answer to an asynchronous commit; failed partitions are committed again later. */
  onCommitResult(error: LibrdKafkaError | undefined, offsets: readonly TopicPartition[]): void {
    if (error && error.code !== ERROR_CODES.ERR__NO_OFFSET) {
      this.log.warn('Committing offsets failed; trying again', {
        error: describeKafkaError(error),
      });
      this.tracker.markUncommitted(offsets);
      return;
    }
    const failed = offsets.filter((offset) => offset.error);
    if (failed.length > 0) {
      this.log.warn('Committing some offsets failed; trying again', {
        partitions: failed.map(partitionKey),
      });
      this.tracker.markUncommitted(failed);
    }
  }

  /** Commits what is done in partitions about to be revoked; a failure only means duplicates later. */
  commitRevoked(partitions: readonly PartitionRef[]): void {
    const positions = this.tracker.commitPositions({ refs: partitions, all: true });
    try {
      commitPositionsSync(this.consumer, positions);
      this.log.info('Committed offsets of revoked partitions', {
        positions: describePositions(positions),
      });
    } catch (error) {
      this.log.warn(
        'Could not commit the offsets of revoked partitions; their new owner will repeat some events',
        {
          error: describeKafkaError(error),
        },
      );
    }
  }

  /**
   * After the final commit: messages that finish later are not committed, as the source has
   * reported them unfinished and the consumer is about to leave its group.
   */
  close(): void {
    this.#closed = true;
  }

  /** Commits every position before disconnecting; throws KafkaCommitError when that fails. */
  commitFinal(): void {
    const positions = this.tracker.commitPositions({ all: true });
    try {
      commitPositionsSync(this.consumer, positions);
      this.tracker.markCommitted(positions);
      this.log.info('Committed final offsets', { positions: describePositions(positions) });
    } catch (error) {
      throw new KafkaCommitError(
        `Could not commit the final offsets (${describePositions(positions).join(', ')}): ` +
          `${describeKafkaError(error)}. Events after the last committed offsets will be consumed again.`,
        { cause: error },
      );
    }
  }
}
