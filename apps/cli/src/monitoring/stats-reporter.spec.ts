import { describe, expect, it } from '@jest/globals';

import type { IntervalTimer } from './clock.js';
import { ConsumerStats } from './consumer-stats.js';
import type { StatsSnapshot } from './consumer-stats.js';
import { StatsReporter } from './stats-reporter.js';

interface LoggedLine {
  level: 'info' | 'warn';
  message: string;
  fields?: Record<string, unknown>;
}

function createHarness(onSnapshot?: (snapshot: StatsSnapshot) => void) {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const callbacks = new Map<number, () => void>();
  const periods: number[] = [];
  const timer: IntervalTimer = {
    setInterval(callback, milliseconds) {
      periods.push(milliseconds);
      callbacks.set(periods.length, callback);
      return periods.length;
    },
    clearInterval: (handle) => callbacks.delete(handle as number),
  };
  const lines: LoggedLine[] = [];
  const logger = {
    info: (message: string, fields?: Record<string, unknown>) =>
      lines.push({ level: 'info', message, fields }),
    warn: (message: string, fields?: Record<string, unknown>) =>
      lines.push({ level: 'warn', message, fields }),
  };
  const stats = new ConsumerStats({ clock: () => now });
  const reporter = new StatsReporter({ stats, intervalSeconds: 60, logger, onSnapshot, timer });
  const tick = (seconds: number) => {
    now += seconds * 1000;
    for (const callback of callbacks.values()) callback();
  };
  return { stats, reporter, lines, periods, callbacks, tick };
}

describe('StatsReporter', () => {
  it('schedules itself every interval_seconds and logs nothing before the first tick', () => {
    const { reporter, lines, periods } = createHarness();

    reporter.start();
    reporter.start();

    expect(periods).toEqual([60_000]);
    expect(lines).toEqual([]);
  });

  it('logs one structured statistics line per interval with the rates of that interval', () => {
    const { stats, reporter, lines, tick } = createHarness();
    reporter.start();
    stats.increment('messages', 120);
    tick(60);
    stats.increment('messages', 60);
    stats.increment('externalFailures');
    tick(60);

    expect(lines.map((line) => line.message)).toEqual(['statistics', 'statistics']);
    expect(lines[0].fields).toMatchObject({ messages: 120, interval_message_rate: 2 });
    expect(lines[1].fields).toMatchObject({
      messages: 180,
      external_failures: 1,
      elapsed_seconds: 120,
      message_rate: 1.5,
      interval_message_rate: 1,
    });
  });

  it('hands every snapshot to onSnapshot', () => {
    const seen: StatsSnapshot[] = [];
    const { stats, reporter, tick } = createHarness((snapshot) => seen.push(snapshot));
    reporter.start();
    stats.increment('handles', 3);

    tick(60);

    expect(seen.map((snapshot) => snapshot.counters.handles)).toEqual([3]);
  });

  it('keeps reporting when a snapshot cannot be stored, and says so', () => {
    const { reporter, lines, tick } = createHarness(() => {
      throw new Error('disk full');
    });
    reporter.start();

    tick(60);
    tick(60);

    expect(lines.map((line) => line.level)).toEqual(['info', 'warn', 'info', 'warn']);
    expect(lines[1].fields).toEqual({ error: 'disk full' });
  });

  it('stops the timer and reports the last interval once when stopped', () => {
    const { stats, reporter, lines, callbacks, tick } = createHarness();
    reporter.start();
    tick(60);
    stats.increment('messages', 5);

    const last = reporter.stop();
    const again = reporter.stop();

    expect(callbacks.size).toBe(0);
    expect(last?.counters.messages).toBe(5);
    expect(again).toBeUndefined();
    expect(lines).toHaveLength(2);
  });

  it('refuses an interval that is not positive', () => {
    const { stats } = createHarness();
    const logger = { info: () => {}, warn: () => {} };

    expect(() => new StatsReporter({ stats, intervalSeconds: 0, logger })).toThrow(RangeError);
  });
});
