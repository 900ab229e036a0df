/**
 * Messages waiting for a handler, released in arrival order except that a message waits while
 * an earlier one of its lane is running or waiting. A lane is what must stay in order (for the
 * source: one key within one partition); items without a lane never wait for another item.
 */
export class KeyOrderQueue<T> {
  #waiting: T[] = [];
  /** The item running in each busy lane; a lane runs one item at a time. */
  readonly #running = new Map<string, T>();

  /** `laneOf` names an item's lane, or gives undefined for an item that is not ordered. */
  constructor(private readonly laneOf: (item: T) => string | undefined) {}

  /** Items added and not yet taken. */
  get waitingCount(): number {
    return this.#waiting.length;
  }

  /** Queues an item behind every item added before it. */
  add(item: T): void {
    this.#waiting.push(item);
  }

  /**
   * Takes up to `limit` items that may start now, oldest first, and counts them as running
   * until `finish`. An item is skipped while an item of its lane runs or waits before it.
   */
  takeReady(limit: number): T[] {
    const ready: T[] = [];
    const left: T[] = [];
    const blocked = new Set(this.#running.keys());
    for (const item of this.#waiting) {
      const lane = this.laneOf(item);
      const free = lane === undefined || !blocked.has(lane);
      if (free && ready.length < limit) ready.push(item);
      else left.push(item);
      if (lane !== undefined) blocked.add(lane);
    }

    this.#waiting = left;
    for (const item of ready) this.#markRunning(item);
    return ready;
  }

  /** A taken item is done: the next item of its lane may start. */
  finish(item: T): void {
    const lane = this.laneOf(item);
    if (lane !== undefined && this.#running.get(lane) === item) this.#running.delete(lane);
  }

  /**
   * Forgets the items `isForgotten` selects: waiting ones are dropped, and running ones no
   * longer hold their lane back, so the next item of that lane may start before they finish.
   */
  forget(isForgotten: (item: T) => boolean): void {
    this.#waiting = this.#waiting.filter((item) => !isForgotten(item));
    for (const [lane, item] of this.#running) {
      if (isForgotten(item)) this.#running.delete(lane);
    }
  }

  #markRunning(item: T): void {
    const lane = this.laneOf(item);
    if (lane !== undefined) this.#running.set(lane, item);
  }
}
