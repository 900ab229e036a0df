/** One partition of one topic. */
export interface PartitionRef {
  topic: string;
  partition: number;
}

/** An offset to commit: the next offset the group should read from that partition. */
export interface CommitPosition extends PartitionRef {
  offset: number;
}

/** A received message's place in the tracker; `complete()` marks it done. */
export interface OffsetReceipt extends CommitPosition {
  /** Marks the message done; false when its partition was revoked since it was received. */
  complete(): boolean;
}

/** The key a partition is tracked under. */
export function partitionKey(ref: PartitionRef): string {
  return `${ref.topic}:${ref.partition}`;
}

/** Received-but-not-done offsets of one partition during one assignment. */
class PartitionProgress {
  readonly #pending: number[] = [];
  #highestReceived = -1;
  #committed: number | undefined;

  constructor(readonly ref: PartitionRef) {}

  receive(offset: number): void {
    const index = this.#pending.findLastIndex((pending) => pending <= offset);
    this.#pending.splice(index + 1, 0, offset);
    this.#highestReceived = Math.max(this.#highestReceived, offset);
  }

  complete(offset: number): void {
    const index = this.#pending.indexOf(offset);
    if (index >= 0) this.#pending.splice(index, 1);
  }

  /** The first offset not done, or one past the highest received when all are done. */
  watermark(): number | undefined {
    if (this.#pending.length > 0) return this.#pending[0];
    return this.#highestReceived >= 0 ? this.#highestReceived + 1 : undefined;
  }

  pendingCount(): number {
    return this.#pending.length;
  }

  isCommitted(offset: number): boolean {
    return this.#committed === offset;
  }

  markCommitted(offset: number | undefined): void {
    this.#committed = offset;
  }
}

/**
 * Decides which offsets may be committed so that nothing is lost: a partition's committed
 * offset never passes a message that is not done, however the messages complete. Messages may
 * complete in any order; the commit position only moves over a contiguous run of done ones.
 *
 * Tracking is per assignment: `revoke` forgets a partition, and receipts taken before that no
 * longer count, so a late completion cannot move a partition this consumer no longer owns.
 */
export class OffsetTracker {
  readonly #partitions = new Map<string, PartitionProgress>();

  /** Starts fresh tracking for newly assigned partitions. */
  assign(refs: readonly PartitionRef[]): void {
    for (const ref of refs) {
      const own = { topic: ref.topic, partition: ref.partition };
      this.#partitions.set(partitionKey(ref), new PartitionProgress(own));
    }
  }

  /** Forgets revoked partitions, including anything received from them and not yet done. */
  revoke(refs: readonly PartitionRef[]): void {
    for (const ref of refs) this.#partitions.delete(partitionKey(ref));
  }

  isAssigned(ref: PartitionRef): boolean {
    return this.#partitions.has(partitionKey(ref));
  }

  /** Records a received message; it blocks its partition's commit position until completed. */
  receive(position: CommitPosition): OffsetReceipt {
    const progress = this.#partitions.get(partitionKey(position));
    if (!progress) throw new Error(`Partition ${partitionKey(position)} is not assigned.`);

    progress.receive(position.offset);
    return {
      ...position,
      complete: () => {
        if (this.#partitions.get(partitionKey(position)) !== progress) return false;
        progress.complete(position.offset);
        return true;
      },
    };
  }

  /** Messages received and not yet done, in the given partitions or in all. */
  pendingCount(refs?: readonly PartitionRef[]): number {
    return this.#select(refs).reduce((sum, progress) => sum + progress.pendingCount(), 0);
  }

  /**
   * Commit positions of the given partitions (default: all assigned). Unless `all` is set, only
   * those that moved since they were last marked committed.
   */
  commitPositions(
    options: { refs?: readonly PartitionRef[]; all?: boolean } = {},
  ): CommitPosition[] {
    return this.#select(options.refs).flatMap((progress) => {
      const offset = progress.watermark();
      if (offset === undefined) return [];
      if (!options.all && progress.isCommitted(offset)) return [];
      return [{ ...progress.ref, offset }];
    });
  }

  /** Remembers what was committed, so unchanged positions are not committed again. */
  markCommitted(positions: readonly CommitPosition[]): void {
    for (const position of positions) {
      this.#partitions.get(partitionKey(position))?.markCommitted(position.offset);
    }
  }

  /** Forgets that positions were committed (their commit failed), so they are sent again. */
  markUncommitted(refs: readonly PartitionRef[]): void {
    for (const ref of refs) this.#partitions.get(partitionKey(ref))?.markCommitted(undefined);
  }

  #select(refs?: readonly PartitionRef[]): PartitionProgress[] {
    if (!refs) return [...this.#partitions.values()];
    return refs.flatMap((ref) => this.#partitions.get(partitionKey(ref)) ?? []);
  }
}
