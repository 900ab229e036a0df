const MAX_TIMER_MS = 2 ** 31 - 1;

/** Lets async code sleep until something it watches may have changed. */
export class ChangeSignal {
  #wake = new Set<() => void>();

  /** Wakes everyone waiting. */
  notify(): void {
    const waiting = [...this.#wake];
    this.#wake.clear();
    for (const wake of waiting) wake();
  }

  /**
   * Resolves at the next `notify()` or after `timeoutMs`, whichever comes first; with
   * `Infinity`, only at `notify()`. A wait longer than a timer can hold may end early.
   */
  next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wake.delete(wake);
        resolve();
      };
      // Node fires a timer longer than its 32-bit limit after 1 ms, which would turn a long
      // wait into a busy loop.
      const timer =
        timeoutMs === Infinity ? undefined : setTimeout(wake, Math.min(timeoutMs, MAX_TIMER_MS));
      this.#wake.add(wake);
    });
  }

  /**
   * Waits until `condition()` holds or `timeoutMs` passed (with `Infinity`, until it holds);
   * returns whether it holds.
   */
  async waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await this.next(remaining);
    }
    return true;
  }
}
