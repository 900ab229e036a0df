import type { ChangeSignal } from './change-signal.js';
import { describeKafkaError, HandlerFailedError, type UnfinishedPartition } from './errors.js';
import { KeyOrderQueue } from './key-order-queue.js';
import type { KafkaLogger } from './logger.js';
import { messageLane } from './message-lane.js';
import {
  partitionKey,
  type OffsetReceipt,
  type OffsetTracker,
  type PartitionRef,
} from './offset-tracker.js';
import { toSourceMessage, type MessageHandler, type RawMessage } from './source-message.js';

interface HeldMessage {
  raw: RawMessage;
  receipt: OffsetReceipt;
}

/** What the intake asks of, and tells, the source that owns it. */
export interface IntakeOwner {
  /** Whether new handlers may start now (not while stopping or revoking). */
  mayDispatch(): boolean;
  /** A handler resolved and its partition is still assigned. */
  onDone(): void;
  /** A handler rejected; the message stays uncommitted. */
  onFailed(error: HandlerFailedError): void;
}

function handlerFailure({ topic, partition, offset }: OffsetReceipt, error: unknown) {
  return new HandlerFailedError(
    `The handler failed on ${topic}/${partition}@${offset}: ${describeKafkaError(error)}. ` +
      'Its offset is not committed; the message will be consumed again after a restart.',
    { topic, partition, offset, cause: error },
  );
}

/**
 * Takes fetched messages into the offset tracker and starts at most `maxInFlight` handlers;
 * messages beyond that wait in a small queue. A message of a key starts only once every
 * earlier message of that key in its partition has finished; keyless messages never wait for
 * one another. Forgets the waiting messages of revoked partitions.
 */
export class MessageIntake {
  readonly #inFlight = new Set<OffsetReceipt>();
  readonly #revokedDuringFetch = new Set<string>();
  readonly #waiting = new KeyOrderQueue<HeldMessage>(({ raw }) => messageLane(raw));

  constructor(
    private readonly tracker: OffsetTracker,
    private readonly handler: MessageHandler,
    private readonly maxInFlight: number,
    private readonly changed: ChangeSignal,
    private readonly log: KafkaLogger,
    private readonly owner: IntakeOwner,
  ) {}

  get inFlightCount(): number {
    return this.#inFlight.size;
  }

  /**
   * How many more messages may be fetched now. Messages waiting for an earlier one of their key
   * take room as well, so a long run of one key's events is held to `maxInFlight` messages and
   * worked through one at a time.
   */
  room(): number {
    return this.maxInFlight - this.#inFlight.size - this.#waiting.waitingCount;
  }

  /** Called right before each fetch: revocations from here on concern that fetch. */
  beginFetch(): void {
    this.#revokedDuringFetch.clear();
  }

  /** Tracks fetched messages, except those of partitions revoked since their fetch began. */
  accept(messages: readonly RawMessage[]): void {
    for (const raw of messages) {
      const { topic, partition, offset } = raw;
      if (this.#revokedDuringFetch.has(partitionKey(raw)) || !this.tracker.isAssigned(raw)) {
        this.log.debug('Dropped a message of a revoked partition', { topic, partition, offset });
        continue;
      }
      this.#waiting.add({ raw, receipt: this.tracker.receive({ topic, partition, offset }) });
    }
  }

  /** Starts handlers for messages that may start, while there is room and the owner allows it. */
  dispatch(): void {
    const free = this.maxInFlight - this.#inFlight.size;
    if (free <= 0 || !this.owner.mayDispatch()) return;

    for (const held of this.#waiting.takeReady(free)) this.#handle(held);
  }

  /**
   * Drops waiting messages of revoked partitions and any the current fetch brings of them. Key
   * order holds within one assignment: their handlers still running no longer hold back the
   * messages of their keys, which the partition's next owner (maybe this consumer) handles.
   */
  dropRevoked(partitions: readonly PartitionRef[]): void {
    const revoked = new Set(partitions.map(partitionKey));
    for (const key of revoked) this.#revokedDuringFetch.add(key);
    this.#waiting.forget(({ receipt }) => revoked.has(partitionKey(receipt)));
  }

  /** Whether a handler still runs for a message of one of these partitions. */
  hasInFlightIn(partitions: readonly PartitionRef[]): boolean {
    const keys = new Set(partitions.map(partitionKey));
    return [...this.#inFlight].some((receipt) => keys.has(partitionKey(receipt)));
  }

  /** The messages whose handler still runs, per partition, lowest offset first. */
  unfinished(): UnfinishedPartition[] {
    const byPartition = new Map<string, UnfinishedPartition>();
    for (const { topic, partition, offset } of this.#inFlight) {
      const key = partitionKey({ topic, partition });
      const entry = byPartition.get(key) ?? { topic, partition, offsets: [] };
      entry.offsets.push(offset);
      byPartition.set(key, entry);
    }
    const entries = [...byPartition.values()];
    for (const entry of entries) entry.offsets.sort((a, b) => a - b);
    return entries;
  }

  #handle(held: HeldMessage): void {
    const { raw, receipt } = held;
    this.#inFlight.add(receipt);
    const message = toSourceMessage(raw);
    Promise.resolve()
      .then(() => this.handler(message))
      .then(
        () => this.#complete(receipt),
        (error: unknown) => this.owner.onFailed(handlerFailure(receipt, error)),
      )
      .finally(() => {
        this.#inFlight.delete(receipt);
        this.#waiting.finish(held);
        this.changed.notify();
        this.dispatch();
      });
  }

  #complete(receipt: OffsetReceipt): void {
    if (!receipt.complete()) {
      const { topic, partition, offset } = receipt;
      this.log.debug('A message finished after its partition was revoked', {
        topic,
        partition,
        offset,
      });
      return;
    }
    this.owner.onDone();
  }
}
