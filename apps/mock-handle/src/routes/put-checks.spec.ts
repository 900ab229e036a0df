import { describe, it, expect } from '@jest/globals';
import { HandleApiError } from '../response-codes.js';
import type { IncomingValue } from '../values/handle-value.js';
import {
  assertBodyNamesHandle,
  assertIndexesMatch,
  assertJsonContentType,
  assertValuesFit,
  readPutIndexes,
} from './put-checks.js';

function refusalOf(action: () => void): [number, number] | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof HandleApiError) return [error.status, error.responseCode];
    throw error;
  }
  return undefined;
}

function values(...indexes: number[]): IncomingValue[] {
  return indexes.map((index) => ({
    index,
    type: 'T',
    data: { format: 'string', value: 'x' },
    ttl: 1,
  }));
}

describe('readPutIndexes', () => {
  it.each<[string, number[] | 'various' | undefined]>([
    ['', undefined],
    ['index=2&index=3', [2, 3]],
    ['index=various', 'various'],
    ['index=VARIOUS&index=2', 'various'],
  ])('reads ?%s as %j', (query, indexes) => {
    expect(readPutIndexes(new URLSearchParams(query))).toEqual(indexes);
  });

  it('refuses an index that is no integer with responseCode 4', () => {
    expect(refusalOf(() => readPutIndexes(new URLSearchParams('index=x')))).toEqual([400, 4]);
  });
});

describe('assertJsonContentType', () => {
  it.each([['application/json'], ['application/json; charset=utf-8'], ['APPLICATION/JSON']])(
    'accepts %s',
    (contentType) => {
      expect(refusalOf(() => assertJsonContentType(contentType))).toBeUndefined();
    },
  );

  it.each([[undefined], ['text/plain'], ['application/ld+json'], ['application/jsonx'], ['']])(
    'refuses %p with responseCode 4',
    (contentType) => {
      expect(refusalOf(() => assertJsonContentType(contentType))).toEqual([400, 4]);
    },
  );
});

describe('assertBodyNamesHandle', () => {
  it.each<[string, boolean, unknown, [number, number] | undefined]>([
    ['no handle field', false, undefined, undefined],
    ['the same handle in another case', true, '21.test/A', undefined],
    ['another handle', true, '21.TEST/b', [400, 4]],
    ['a number', true, 5, [400, 4]],
    ['null', true, null, [400, 4]],
  ])('answers a body with %s', (_case, namesHandle, handle, refusal) => {
    const body = { values: [], namesHandle, handle };

    expect(refusalOf(() => assertBodyNamesHandle(body, '21.TEST/a'))).toEqual(refusal);
  });
});

describe('assertIndexesMatch', () => {
  it.each<[string, number[] | 'various' | undefined, number[], [number, number] | undefined]>([
    ['no index', undefined, [1, 2], undefined],
    ['various', 'various', [7], undefined],
    ['the indexes sent', [2, 5], [5, 2], undefined],
    ['an index twice', [2, 2], [2], undefined],
    ['fewer indexes than sent', [2], [2, 4], [400, 4]],
    ['another index', [5], [4], [400, 4]],
  ])('answers %s', (_case, indexes, sent, refusal) => {
    expect(refusalOf(() => assertIndexesMatch(indexes, values(...sent)))).toEqual(refusal);
  });
});

describe('assertValuesFit', () => {
  it.each<[string, number[], boolean, [number, number] | undefined]>([
    ['distinct positive indexes', [1, 2], false, undefined],
    ['no values for a whole record', [], false, undefined],
    ['no values for a value-level PUT', [], true, [400, 202]],
    ['index 0', [0], false, [400, 202]],
    ['a negative index', [1, -1], false, [400, 202]],
    ['an index twice', [1, 2, 1], false, [409, 201]],
  ])('answers %s', (_case, indexes, valueLevel, refusal) => {
    expect(refusalOf(() => assertValuesFit(values(...indexes), '21.TEST/a', valueLevel))).toEqual(
      refusal,
    );
  });
});
