import type { ChangeSignal } from './change-signal.js';
import { describeKafkaError } from './errors.js';
import type { KafkaLogger } from './logger.js';
import type { MessageIntake } from './message-intake.js';
import type { OffsetCommitter } from './offset-committer.js';
import { partitionKey, type OffsetTracker, type PartitionRef } from './offset-tracker.js';
import {
  ERROR_CODES,
  type LibrdKafkaError,
  type RdKafkaConsumer,
  type TopicPartition,
} from './rdkafka.js';

/** What the rebalancer works on; the consumer and committer exist once the source runs. */
export interface RebalanceParts {
  tracker: OffsetTracker;
  intake: MessageIntake;
  changed: ChangeSignal;
  log: KafkaLogger;
  revokeTimeoutMs: number;
  onError(error: unknown): void;
  onAssigned?(partitions: PartitionRef[]): void;
}

function describePartitions(partitions: readonly TopicPartition[]): string[] {
  return partitions.map(partitionKey);
}

/**
 * Applies the group's assignments. Revoked partitions get a bounded wait for their messages
 * in flight, a commit of what is done, and are forgotten; assigned ones start fresh. The
 * assignment only changes between fetches, so one fetch never mixes two assignments.
 */
export class Rebalancer {
  #queue: Promise<void> = Promise.resolve();
  #currentFetch: Promise<void> = Promise.resolve();
  #consumer?: RdKafkaConsumer;
  #committer?: OffsetCommitter;
  #revoking = false;
  #closing = false;

  constructor(private readonly parts: RebalanceParts) {}

  /** True while a revoke waits for messages in flight: no new handler should start. */
  get revoking(): boolean {
    return this.#revoking;
  }

  /** Called once the consumer exists. */
  attach(consumer: RdKafkaConsumer, committer: OffsetCommitter): void {
    this.#consumer = consumer;
    this.#committer = committer;
  }

  /** From now on revokes come from disconnecting: give partitions up without waiting. */
  close(): void {
    this.#closing = true;
  }

  /** The consumer's rebalance callback; events are applied in order, after the running fetch. */
  enqueue(event: LibrdKafkaError, partitions: TopicPartition[]): void {
    this.#queue = this.#queue
      .then(() => this.#currentFetch)
      .then(() => this.#apply(event, partitions))
      .catch((error: unknown) => this.parts.onError(error));
  }

  /** Notes the fetch now running, which an enqueued rebalance waits for. */
  fetching(fetch: Promise<unknown>): void {
    this.#currentFetch = fetch.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Resolves once every rebalance received so far is applied. */
  async settle(): Promise<void> {
    let settled: Promise<void>;
    do {
      settled = this.#queue;
      await settled;
    } while (settled !== this.#queue);
  }

  async #apply(event: LibrdKafkaError, partitions: TopicPartition[]): Promise<void> {
    const consumer = this.#consumer as RdKafkaConsumer;
    const cooperative = consumer.rebalanceProtocol() === 'COOPERATIVE';
    if (event.code === ERROR_CODES.ERR__ASSIGN_PARTITIONS) {
      this.parts.tracker.assign(partitions);
      this.#changeAssignment(consumer, partitions, () => {
        if (cooperative) consumer.incrementalAssign(partitions);
        else consumer.assign(partitions);
      });
      this.parts.log.info('Partitions assigned', { partitions: describePartitions(partitions) });
      this.parts.onAssigned?.(partitions.map(({ topic, partition }) => ({ topic, partition })));
      return;
    }

    if (event.code !== ERROR_CODES.ERR__REVOKE_PARTITIONS) {
      this.parts.log.error('Rebalance failed; giving up the assignment', {
        error: describeKafkaError(event),
      });
    }
    await this.#revoke(consumer, partitions, cooperative);
  }

  async #revoke(consumer: RdKafkaConsumer, partitions: TopicPartition[], cooperative: boolean) {
    const { intake, tracker, changed, log } = this.parts;
    intake.dropRevoked(partitions);

    const lost = consumer.assignmentLost();
    if (!lost && !this.#closing) {
      this.#revoking = true;
      const handledHere = () => intake.hasInFlightIn(partitions);
      await changed.waitFor(() => !handledHere(), this.parts.revokeTimeoutMs);
      this.#revoking = false;
      this.#committer?.commitRevoked(partitions);
    }

    tracker.revoke(partitions);
    this.#changeAssignment(consumer, partitions, () => {
      if (cooperative) consumer.incrementalUnassign(partitions);
      else consumer.unassign();
    });
    changed.notify();
    log.info('Partitions revoked', { partitions: describePartitions(partitions), lost });
  }

  // A rebalance applied while disconnecting can find the client closed already: the binding
  // then refuses the call (ERR__STATE). librdkafka gives up the partitions itself on close,
  // and the final commit is done by then, so nothing is left to do for them.
  #changeAssignment(consumer: RdKafkaConsumer, partitions: TopicPartition[], change: () => void) {
    try {
      change();
    } catch (error) {
      if (!this.#closing) throw error;
      this.parts.log.debug('Left an assignment change to librdkafka while disconnecting', {
        partitions: describePartitions(partitions),
        connected: consumer.isConnected(),
        error: describeKafkaError(error),
      });
    }
  }
}
