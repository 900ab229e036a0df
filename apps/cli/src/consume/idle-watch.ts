/**
 * Calls `onIdle` once no event arrived for `idleMs` and none is in flight. Lets a batch run
 * (the demo, a catch-up job) end when the topic is drained; `idleMs = 0` turns it off. The
 * countdown starts when the consumer has its partitions, so joining the group is not idleness.
 */
export class IdleWatch {
  #inFlight = 0;
  #lastActivity = Date.now();
  #timer?: NodeJS.Timeout;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {}

  /** Starts the countdown; later calls (one per rebalance) change nothing. */
  start(): void {
    if (this.idleMs <= 0 || this.#timer) return;
    this.#lastActivity = Date.now();
    this.#timer = setInterval(() => this.check(), Math.min(this.idleMs, 250));
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Counts the event as in flight until `work` settles. */
  async track(work: Promise<unknown>): Promise<void> {
    this.#inFlight += 1;
    this.#lastActivity = Date.now();
    try {
      await work;
    } finally {
      this.#inFlight -= 1;
      this.#lastActivity = Date.now();
    }
  }

  private check(): void {
    if (this.#inFlight > 0 || Date.now() - this.#lastActivity < this.idleMs) return;
    this.stop();
    this.onIdle();
  }
}
