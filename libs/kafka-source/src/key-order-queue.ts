/**
 * Messages waiting for a handler, released in arrival order except that a message waits while
 * an earlier one of its lane is running or waiting. A lane is what must stay in order (for the
 * source: one key within one partition); items without a lane never wait for another item.
 */
export class KeyOrderQueue<T> {
  #waiting: T[] = [];
  readonly #runningLanes = new Set<string>();

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
    const blocked = new Set(this.#runningLanes);
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
    if (lane !== undefined) this.#runningLanes.delete(lane);
  }

  /** Forgets waiting items that `isDropped` selects; running ones still count until `finish`. */
  drop(isDropped: (item: T) => boolean): void {
    this.#waiting = this.#waiting.filter((item) => !isDropped(item));
  }

  #markRunning(item: T): void {
    const lane = this.laneOf(item);
    if (lane !== undefined) this.#runningLanes.add(lane);
  }
}
