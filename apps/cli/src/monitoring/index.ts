export type { Clock, IntervalTimer } from './clock.js';
export { SYSTEM_CLOCK, SYSTEM_TIMER } from './clock.js';
export type {
  ConsumerStatsOptions,
  StatsCounter,
  StatsCounters,
  StatsSnapshot,
} from './consumer-stats.js';
export { ConsumerStats, STATS_COUNTERS } from './consumer-stats.js';
export type { StatsRecord } from './stats-record.js';
export { toStatsRecord } from './stats-record.js';
export type { StatsLogger, StatsReporterOptions } from './stats-reporter.js';
export { StatsReporter } from './stats-reporter.js';
export type { MonitoringErrorCode } from './errors.js';
export { StatsDatabaseError } from './errors.js';
export { StatsDatabase } from './stats-database.js';
export type { StatusLineOptions, StatusStream } from './status-line.js';
export { ERASE_LINE, StatusLine, formatStatus } from './status-line.js';
export type { StatusLineTransportOptions } from './status-line-transport.js';
export { createStatusLineTransport } from './status-line-transport.js';
export { formatElapsed, formatRate, formatSummary } from './format-summary.js';
