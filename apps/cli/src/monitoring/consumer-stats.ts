import type { Clock } from './clock.js';
import { SYSTEM_CLOCK } from './clock.js';

/**
 * What the consumer counts while it runs. `externalFailures` counts every attempt that a
 * transient failure of an outside service (STAC API, Handle server) ended, the last, given-up
 * attempt and failed STAC health probes included; `retries` the attempts repeated after them.
 */
export const STATS_COUNTERS = [
  'messages',
  'handles',
  'errors',
  'warnings',
  'skipped',
  'patched',
  'retracted',
  'replicas',
  'externalFailures',
  'retries',
] as const;

export type StatsCounter = (typeof STATS_COUNTERS)[number];

export type StatsCounters = Record<StatsCounter, number>;

/** The counters at one moment, with the rates derived from them. */
export interface StatsSnapshot {
  /** When counting started, ms since the epoch. */
  startedAt: number;
  /** When this snapshot was taken, ms since the epoch. */
  takenAt: number;
  elapsedSeconds: number;
  counters: Readonly<StatsCounters>;
  /** Messages per second since the start. */
  messageRate: number;
  /** Handles per second since the start. */
  handleRate: number;
  /** Length of the interval since the previous snapshot (the whole run without one). */
  intervalSeconds: number;
  intervalMessageRate: number;
  intervalHandleRate: number;
}

/** Options of {@link ConsumerStats}. */
export interface ConsumerStatsOptions {
  /** @default Date.now */
  clock?: Clock;
}

/** Counters of one consumer run. */
export class ConsumerStats {
  readonly startedAt: number;
  private readonly clock: Clock;
  private readonly counters: StatsCounters = createZeroCounters();

  constructor(options: ConsumerStatsOptions = {}) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.startedAt = this.clock();
  }

  /** Adds `amount` (a non-negative integer) to a counter. */
  increment(counter: StatsCounter, amount = 1): void {
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new RangeError(
        `Cannot add ${amount} to ${counter}: counters only grow by whole steps.`,
      );
    }
    this.counters[counter] += amount;
  }

  /** The current value of one counter. */
  get(counter: StatsCounter): number {
    return this.counters[counter];
  }

  /**
   * The counters and rates at `now`. The interval rates cover the time since `previous`, so
   * each reporter passes its own last snapshot and reporters do not disturb each other.
   */
  snapshot(now = this.clock(), previous?: StatsSnapshot): StatsSnapshot {
    const counters = { ...this.counters };
    const elapsedSeconds = Math.max(0, (now - this.startedAt) / 1000);
    const since = previous ?? { takenAt: this.startedAt, counters: createZeroCounters() };
    const intervalSeconds = Math.max(0, (now - since.takenAt) / 1000);

    return {
      startedAt: this.startedAt,
      takenAt: now,
      elapsedSeconds,
      counters,
      messageRate: computeRate(counters.messages, elapsedSeconds),
      handleRate: computeRate(counters.handles, elapsedSeconds),
      intervalSeconds,
      intervalMessageRate: computeRate(
        counters.messages - since.counters.messages,
        intervalSeconds,
      ),
      intervalHandleRate: computeRate(counters.handles - since.counters.handles, intervalSeconds),
    };
  }
}

function computeRate(count: number, seconds: number): number {
  return seconds > 0 ? count / seconds : 0;
}

function createZeroCounters(): StatsCounters {
  return Object.fromEntries(STATS_COUNTERS.map((counter) => [counter, 0])) as StatsCounters;
}
