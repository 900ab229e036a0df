import type { StatsCounter, StatsSnapshot } from './consumer-stats.js';
import { STATS_COUNTERS } from './consumer-stats.js';

const COUNTER_LABELS: Record<StatsCounter, string> = {
  messages: 'messages',
  handles: 'handles',
  errors: 'errors',
  warnings: 'warnings',
  skipped: 'skipped',
  patched: 'patched',
  retracted: 'retracted',
  replicas: 'replicas',
  externalFailures: 'external failures',
  retries: 'retries',
};

const LABEL_WIDTH = Math.max(...Object.values(COUNTER_LABELS).map((label) => label.length)) + 2;

/** Elapsed time as `hh:mm:ss`; hours go past 24 rather than rolling over. */
export function formatElapsed(seconds: number): string {
  const whole = Math.floor(seconds);
  const parts = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  return parts.map((part) => String(part).padStart(2, '0')).join(':');
}

/** A rate per second with precision that fits its size: `0.25/s`, `12.5/s`, `340/s`. */
export function formatRate(perSecond: number): string {
  const digits = perSecond >= 100 ? 0 : perSecond >= 10 ? 1 : 2;
  return `${perSecond.toFixed(digits)}/s`;
}

/** The end-of-run summary: every counter, the overall rates and the elapsed time. */
export function formatSummary(snapshot: StatsSnapshot): string {
  const { counters } = snapshot;
  const countWidth = Math.max(...STATS_COUNTERS.map((counter) => String(counters[counter]).length));
  const rates: Partial<Record<StatsCounter, number>> = {
    messages: snapshot.messageRate,
    handles: snapshot.handleRate,
  };

  const lines = STATS_COUNTERS.map((counter) => {
    const line = `  ${COUNTER_LABELS[counter].padEnd(LABEL_WIDTH)}${String(counters[counter]).padStart(countWidth)}`;
    const rate = rates[counter];
    return rate === undefined ? line : `${line}  (${formatRate(rate)})`;
  });
  return [`Summary after ${formatElapsed(snapshot.elapsedSeconds)}:`, ...lines].join('\n');
}
