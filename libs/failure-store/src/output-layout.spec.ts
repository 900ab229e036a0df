import { describe, expect, it } from '@jest/globals';
import { dailyFileName, failureFolder, formatUtcDate } from './output-layout.js';

describe('formatUtcDate', () => {
  it.each([
    ['2025-07-23T00:00:00.000Z', '2025-07-23'],
    ['2025-07-23T23:59:59.999Z', '2025-07-23'],
    ['2025-07-24T01:30:00+02:00', '2025-07-23'],
    ['2025-07-23T22:30:00-02:00', '2025-07-24'],
    ['2024-12-31T23:59:59.999Z', '2024-12-31'],
  ])('puts %s on the UTC day %s', (moment, day) => {
    expect(formatUtcDate(new Date(moment))).toBe(day);
  });
});

describe('dailyFileName', () => {
  it('names the file after the prefix and the UTC day', () => {
    expect(dailyFileName('failed_items', new Date('2025-07-23T10:00:00Z'))).toBe(
      'failed_items_2025-07-23.jsonl',
    );
  });
});

describe('failureFolder', () => {
  it('groups failures by retry count', () => {
    expect(failureFolder('outputs', 2)).toBe('outputs/failures/retries-2');
  });
});
