import { describe, expect, it } from '@jest/globals';

import { ConsumerStats } from './consumer-stats.js';

const START = Date.parse('2026-01-01T00:00:00Z');

function createStatsAt(start: number) {
  let now = start;
  const stats = new ConsumerStats({ clock: () => now });
  return { stats, advanceSeconds: (seconds: number) => (now += seconds * 1000) };
}

describe('ConsumerStats', () => {
  it('starts with every counter at zero', () => {
    const { stats } = createStatsAt(START);

    const snapshot = stats.snapshot();

    expect(Object.values(snapshot.counters).every((count) => count === 0)).toBe(true);
    expect(snapshot.startedAt).toBe(START);
  });

  it('adds one by default and any whole amount when given', () => {
    const { stats } = createStatsAt(START);

    stats.increment('handles');
    stats.increment('handles', 41);
    stats.increment('externalFailures', 2);

    expect(stats.get('handles')).toBe(42);
    expect(stats.get('externalFailures')).toBe(2);
    expect(stats.get('messages')).toBe(0);
  });

  it.each([-1, 0.5, Number.NaN])('refuses to add %p', (amount) => {
    const { stats } = createStatsAt(START);

    expect(() => stats.increment('messages', amount)).toThrow(RangeError);
  });

  it('computes the rates since the start from the injected clock', () => {
    const { stats, advanceSeconds } = createStatsAt(START);
    stats.increment('messages', 10);
    stats.increment('handles', 30);
    advanceSeconds(5);

    const snapshot = stats.snapshot();

    expect(snapshot.elapsedSeconds).toBe(5);
    expect(snapshot.messageRate).toBe(2);
    expect(snapshot.handleRate).toBe(6);
    expect(snapshot.takenAt).toBe(START + 5000);
  });

  it('computes the interval rates since the previous snapshot', () => {
    const { stats, advanceSeconds } = createStatsAt(START);
    stats.increment('messages', 10);
    advanceSeconds(5);
    const previous = stats.snapshot();
    stats.increment('messages', 30);
    stats.increment('handles', 50);
    advanceSeconds(10);

    const snapshot = stats.snapshot(undefined, previous);

    expect(snapshot.intervalSeconds).toBe(10);
    expect(snapshot.intervalMessageRate).toBe(3);
    expect(snapshot.intervalHandleRate).toBe(5);
    expect(snapshot.messageRate).toBeCloseTo(40 / 15);
  });

  it('covers the whole run with the interval rates when there is no previous snapshot', () => {
    const { stats, advanceSeconds } = createStatsAt(START);
    stats.increment('messages', 8);
    advanceSeconds(4);

    const snapshot = stats.snapshot();

    expect(snapshot.intervalSeconds).toBe(4);
    expect(snapshot.intervalMessageRate).toBe(snapshot.messageRate);
  });

  it('reports zero rates instead of dividing by zero at the start', () => {
    const { stats } = createStatsAt(START);
    stats.increment('messages', 3);

    const snapshot = stats.snapshot();

    expect(snapshot.messageRate).toBe(0);
    expect(snapshot.intervalMessageRate).toBe(0);
  });

  it('keeps a snapshot unchanged by later counts', () => {
    const { stats } = createStatsAt(START);
    const snapshot = stats.snapshot();

    stats.increment('errors');

    expect(snapshot.counters.errors).toBe(0);
  });
});
