/** Milliseconds since the epoch; injected so tests control time. */
export type Clock = () => number;

/** Schedules a repeated callback; injected so tests fire ticks by hand. */
export interface IntervalTimer {
  setInterval(callback: () => void, milliseconds: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The real clock. */
export const SYSTEM_CLOCK: Clock = () => Date.now();

/** Node's timers, unreferenced: statistics alone never keep the process alive. */
export const SYSTEM_TIMER: IntervalTimer = {
  setInterval(callback, milliseconds) {
    const handle = setInterval(callback, milliseconds);
    handle.unref();
    return handle;
  },
  clearInterval(handle) {
    clearInterval(handle as NodeJS.Timeout);
  },
};
