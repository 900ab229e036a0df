import { HandleError } from './errors.js';

interface Waiter {
  start(): void;
  reject(error: Error): void;
}

/** Runs at most `maxConcurrency` tasks at once; later tasks wait in arrival order. */
export class ConcurrencyLimiter {
  readonly maxConcurrency: number;
  #active = 0;
  #waiting: Waiter[] = [];
  #closed = false;

  constructor(maxConcurrency: number) {
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
      throw new HandleError('INVALID_OPTIONS', 'maxConcurrency must be an integer >= 1');
    }
    this.maxConcurrency = maxConcurrency;
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Tasks waiting for a free slot. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** Runs `task` as soon as a slot is free and resolves with its result. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  /** Refuses new tasks and fails the waiting ones with `error`; running tasks finish. */
  close(error: Error): void {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
  }

  #acquire(): Promise<void> {
    if (this.#closed) return Promise.reject(closedError());
    if (this.#active < this.maxConcurrency) {
      this.#active += 1;
      return Promise.resolve();
    }

    return new Promise((resolve, reject) => {
      this.#waiting.push({ start: resolve, reject });
    });
  }

  // A finishing task hands its slot straight to the next waiter, so the count never dips
  // and a newcomer cannot overtake the queue.
  #release(): void {
    const next = this.#waiting.shift();
    if (next) next.start();
    else this.#active -= 1;
  }
}

function closedError(): HandleError {
  return new HandleError('CLIENT_CLOSED', 'The Handle client is closed; create a new one');
}
