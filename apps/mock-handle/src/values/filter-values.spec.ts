import { describe, it, expect } from '@jest/globals';
import { HandleApiError } from '../response-codes.js';
import { filterValues, readValueFilter, typeMatches } from './filter-values.js';
import type { HandleValue } from './handle-value.js';

function value(index: number, type: string): HandleValue {
  return { index, type, data: { format: 'string', value: type }, ttl: 86400, timestamp: 'T' };
}

const VALUES = [
  value(1, 'URL'),
  value(2, 'URL.mirror'),
  value(3, 'CHECKSUM'),
  value(100, 'HS_ADMIN'),
];

function indexesOf(query: string): number[] {
  return filterValues(VALUES, readValueFilter(new URLSearchParams(query))).map((v) => v.index);
}

describe('filterValues', () => {
  it.each([
    ['', [1, 2, 3, 100]],
    ['index=3', [3]],
    ['index=1&index=100', [1, 100]],
    ['type=URL', [1]],
    ['type=url', [1]],
    ['type=URL.', [1, 2]],
    ['type=CHECKSUM&type=HS_ADMIN', [3, 100]],
    ['index=1&type=CHECKSUM', [1, 3]],
    ['index=7', []],
    ['type=EMAIL', []],
  ])('with ?%s keeps indexes %j', (query, indexes) => {
    expect(indexesOf(query)).toEqual(indexes);
  });

  it.each([['index=0'], ['index=-3']])('reads ?%s, which matches no value', (query) => {
    expect(indexesOf(query)).toEqual([]);
  });

  it.each([['index=abc'], ['index=1.5'], ['index=']])(
    'refuses ?%s with responseCode 4, as an unreadable request',
    (query) => {
      let error: unknown;
      try {
        readValueFilter(new URLSearchParams(query));
      } catch (caught) {
        error = caught;
      }
      expect((error as HandleApiError).responseCode).toBe(4);
    },
  );
});

describe('typeMatches', () => {
  it.each([
    ['URL', 'URL', true],
    ['URL', 'URL.mirror', false],
    ['URL.', 'URL.mirror', true],
    ['URL.', 'URL', true],
    ['URL.', 'URLX', false],
    ['10320/loc', '10320/LOC', true],
  ])('%s selects %s: %s', (requested, actual, matches) => {
    expect(typeMatches(requested, actual)).toBe(matches);
  });
});
