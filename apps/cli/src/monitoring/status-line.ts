import type { Clock, IntervalTimer } from './clock.js';
import { SYSTEM_CLOCK, SYSTEM_TIMER } from './clock.js';
import type { ConsumerStats, StatsSnapshot } from './consumer-stats.js';
import { formatElapsed, formatRate } from './format-summary.js';

/** Carriage return to column 0, then ANSI "erase entire line". */
export const ERASE_LINE = '\r\x1b[2K';

/** Where the status line is drawn: stderr, or any stream with the same members. */
export interface StatusStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Options of {@link StatusLine}. */
export interface StatusLineOptions {
  stats: ConsumerStats;
  /** @default process.stderr */
  stream?: StatusStream;
  /** Redraw in place; otherwise print plain lines. @default stream.isTTY */
  interactive?: boolean;
  /** How often the line is redrawn in place. @default 1000 */
  refreshMs?: number;
  /** Least time between two plain status lines when not interactive. @default 30 */
  plainIntervalSeconds?: number;
  clock?: Clock;
  timer?: IntervalTimer;
}

/** The status text: messages and handles with rates, errors, skips and elapsed time. */
export function formatStatus(snapshot: StatsSnapshot): string {
  const { counters } = snapshot;
  return [
    `messages ${counters.messages} (${formatRate(snapshot.messageRate)})`,
    `handles ${counters.handles} (${formatRate(snapshot.handleRate)})`,
    `errors ${counters.errors}`,
    `skipped ${counters.skipped}`,
    formatElapsed(snapshot.elapsedSeconds),
  ].join(' | ');
}

/**
 * The live status line of `--verbose`. On a terminal it is redrawn in place and log lines
 * pass through {@link StatusLine.log}, which prints them above it; elsewhere (a file, a pipe)
 * a plain status line is printed at most every `plainIntervalSeconds`.
 */
export class StatusLine {
  private readonly stats: ConsumerStats;
  private readonly stream: StatusStream;
  private readonly interactive: boolean;
  private readonly clock: Clock;
  private readonly timer: IntervalTimer;
  private readonly refreshMs: number;
  private readonly plainIntervalMs: number;
  private handle: unknown;
  private drawn = false;
  private lastPlainAt?: number;

  constructor(options: StatusLineOptions) {
    this.stats = options.stats;
    this.stream = options.stream ?? process.stderr;
    this.interactive = options.interactive ?? this.stream.isTTY === true;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.timer = options.timer ?? SYSTEM_TIMER;
    this.refreshMs = options.refreshMs ?? 1000;
    this.plainIntervalMs = (options.plainIntervalSeconds ?? 30) * 1000;
  }

  /** Draws the line and keeps it up to date; a second call does nothing. */
  start(): void {
    if (this.handle !== undefined) return;

    const every = this.interactive ? this.refreshMs : this.plainIntervalMs;
    this.handle = this.timer.setInterval(() => this.render(), every);
    this.render();
  }

  /** Stops refreshing and erases the line, so what follows starts on a clean line. */
  stop(): void {
    if (this.handle === undefined) return;

    this.timer.clearInterval(this.handle);
    this.handle = undefined;
    this.erase();
  }

  /** Draws the current status: in place on a terminal, as a throttled plain line elsewhere. */
  render(): void {
    const now = this.clock();
    const text = formatStatus(this.stats.snapshot(now));
    if (this.interactive) {
      this.stream.write(`${ERASE_LINE}${this.fitToWidth(text)}`);
      this.drawn = true;
      return;
    }
    if (this.lastPlainAt !== undefined && now - this.lastPlainAt < this.plainIntervalMs) return;

    this.lastPlainAt = now;
    this.stream.write(`${text}\n`);
  }

  /** Prints a log line on its own line, above the status line, then redraws the status. */
  log(line: string): void {
    this.printAbove(() => this.stream.write(`${line.replace(/\r?\n$/, '')}\n`));
  }

  /**
   * Erases the status, lets `print` write whole lines (to this stream or another that shows on
   * the same terminal, such as stdout), then redraws the status below them.
   */
  printAbove(print: () => void): void {
    this.erase();
    print();
    if (this.interactive && this.handle !== undefined) this.render();
  }

  private erase(): void {
    if (!this.drawn) return;

    this.stream.write(ERASE_LINE);
    this.drawn = false;
  }

  // A line longer than the terminal wraps, and a wrapped line can no longer be erased in place.
  private fitToWidth(text: string): string {
    const columns = this.stream.columns;
    return columns && text.length >= columns ? text.slice(0, Math.max(0, columns - 1)) : text;
  }
}
