import { describe, expect, it } from '@jest/globals';

import { ConsumerStats } from './consumer-stats.js';
import { formatElapsed, formatRate, formatSummary } from './format-summary.js';

describe('formatElapsed', () => {
  it.each([
    [0, '00:00:00'],
    [59.9, '00:00:59'],
    [3723, '01:02:03'],
    [90_000, '25:00:00'],
  ])('writes %p seconds as %s', (seconds, expected) => {
    expect(formatElapsed(seconds)).toBe(expected);
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0.00/s'],
    [0.256, '0.26/s'],
    [12.34, '12.3/s'],
    [340.6, '341/s'],
  ])('writes %p per second as %s', (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});

describe('formatSummary', () => {
  it('lists every counter with aligned counts, the rates and the elapsed time', () => {
    let now = 0;
    const stats = new ConsumerStats({ clock: () => now });
    stats.increment('messages', 1200);
    stats.increment('handles', 24_000);
    stats.increment('errors', 2);
    stats.increment('externalFailures', 5);
    now = 600_000;

    const summary = formatSummary(stats.snapshot());

    expect(summary.split('\n')).toEqual([
      'Summary after 00:10:00:',
      '  messages            1200  (2.00/s)',
      '  handles            24000  (40.0/s)',
      '  errors                 2',
      '  warnings               0',
      '  skipped                0',
      '  patched                0',
      '  retracted              0',
      '  replicas               0',
      '  external failures      5',
      '  retries                0',
    ]);
  });
});
