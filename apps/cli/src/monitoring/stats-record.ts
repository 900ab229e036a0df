import type { StatsCounter, StatsSnapshot } from './consumer-stats.js';
import { STATS_COUNTERS } from './consumer-stats.js';

/** A snapshot as flat snake_case fields: the log line's fields and the database row's columns. */
export type StatsRecord = Record<string, number | string>;

/** The rate fields of a {@link StatsRecord}, in column order. */
export const RATE_FIELDS = [
  'message_rate',
  'handle_rate',
  'interval_message_rate',
  'interval_handle_rate',
] as const;

/** `externalFailures` → `external_failures`. */
export function toFieldName(counter: StatsCounter): string {
  return counter.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Flattens a snapshot; rates are rounded to two decimals, times are ISO 8601 (UTC). */
export function toStatsRecord(snapshot: StatsSnapshot): StatsRecord {
  const counters = STATS_COUNTERS.map((counter) => [
    toFieldName(counter),
    snapshot.counters[counter],
  ]);
  return {
    taken_at: new Date(snapshot.takenAt).toISOString(),
    started_at: new Date(snapshot.startedAt).toISOString(),
    elapsed_seconds: roundTwo(snapshot.elapsedSeconds),
    ...Object.fromEntries(counters),
    message_rate: roundTwo(snapshot.messageRate),
    handle_rate: roundTwo(snapshot.handleRate),
    interval_message_rate: roundTwo(snapshot.intervalMessageRate),
    interval_handle_rate: roundTwo(snapshot.intervalHandleRate),
  };
}

function roundTwo(value: number): number {
  return Math.round(value * 100) / 100;
}
