import type { IntervalTimer } from './clock.js';
import { SYSTEM_TIMER } from './clock.js';
import type { ConsumerStats, StatsSnapshot } from './consumer-stats.js';
import { toStatsRecord } from './stats-record.js';

/** The part of the CLI's logger the reporter uses. */
export interface StatsLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Options of {@link StatsReporter}. */
export interface StatsReporterOptions {
  stats: ConsumerStats;
  /** `[stats] interval_seconds` */
  intervalSeconds: number;
  logger: StatsLogger;
  /** Called with every snapshot after it is logged, e.g. `(snapshot) => database.write(snapshot)`. */
  onSnapshot?: (snapshot: StatsSnapshot) => void;
  /** @default Node's timers */
  timer?: IntervalTimer;
}

/** Logs one structured `statistics` line every interval and hands each snapshot on. */
export class StatsReporter {
  private readonly options: StatsReporterOptions;
  private readonly timer: IntervalTimer;
  private handle: unknown;
  private previous?: StatsSnapshot;

  constructor(options: StatsReporterOptions) {
    if (!(options.intervalSeconds > 0)) {
      throw new RangeError(`intervalSeconds must be > 0, got ${options.intervalSeconds}.`);
    }
    this.options = options;
    this.timer = options.timer ?? SYSTEM_TIMER;
  }

  /** Starts reporting every interval; a second call does nothing. */
  start(): void {
    if (this.handle !== undefined) return;

    const milliseconds = this.options.intervalSeconds * 1000;
    this.handle = this.timer.setInterval(() => this.report(), milliseconds);
  }

  /** Stops the timer and reports once more, so the last interval is recorded too. */
  stop(): StatsSnapshot | undefined {
    if (this.handle === undefined) return undefined;

    this.timer.clearInterval(this.handle);
    this.handle = undefined;
    return this.report();
  }

  /** Takes a snapshot now, logs it and hands it on; rates of the interval since the last one. */
  report(now?: number): StatsSnapshot {
    const snapshot = this.options.stats.snapshot(now, this.previous);
    this.previous = snapshot;

    this.options.logger.info('statistics', toStatsRecord(snapshot));
    this.handOn(snapshot);
    return snapshot;
  }

  // Statistics are a by-product: failing to store them must not stop the registration of handles.
  private handOn(snapshot: StatsSnapshot): void {
    try {
      this.options.onSnapshot?.(snapshot);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.logger.warn('statistics snapshot not stored', { error: reason });
    }
  }
}
