/** Lets async code sleep until something it watches may have changed. */
export class ChangeSignal {
  #wake = new Set<() => void>();

  /** Wakes everyone waiting. */
  notify(): void {
    const waiting = [...this.#wake];
    this.#wake.clear();
    for (const wake of waiting) wake();
  }

  /** Resolves at the next `notify()` or after `timeoutMs`, whichever comes first. */
  next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wake.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.#wake.add(wake);
    });
  }

  /** Waits until `condition()` holds or `timeoutMs` passed; returns whether it holds. */
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
