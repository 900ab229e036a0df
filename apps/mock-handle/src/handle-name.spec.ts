import { describe, it, expect } from '@jest/globals';
import { assertNamed, assertServedPrefix, handleKey, prefixOf } from './handle-name.js';
import { HandleApiError } from './response-codes.js';

function refusalOf(action: () => unknown): { responseCode: number; handle?: string } | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof HandleApiError)
      return { responseCode: error.responseCode, handle: error.handle };
    throw error;
  }
  return undefined;
}

describe('prefixOf', () => {
  it.each([
    ['21.TEST/abc', '21.TEST'],
    ['21.TEST/a/b/c', '21.TEST'],
    ['0.NA/21.TEST', '0.NA'],
    ['21.TEST/', '21.TEST'],
    ['/abc', ''],
    ['noslash', undefined],
  ])('reads the prefix of %j as %j', (handle, prefix) => {
    expect(prefixOf(handle)).toBe(prefix);
  });
});

describe('handleKey', () => {
  it('gives two spellings of one handle the same key', () => {
    expect(handleKey('21.test/ABC')).toBe(handleKey('21.TEST/abc'));
  });
});

describe('assertServedPrefix', () => {
  it.each([['21.test/a'], ['21.TEST/a b'], ['21.TEST/']])('accepts %j', (handle) => {
    expect(refusalOf(() => assertServedPrefix(handle, '21.TEST'))).toBeUndefined();
  });

  it.each([['21.OTHER/a'], ['noslash'], ['21.TEST'], ['/abc']])(
    'refuses %j with responseCode 301 naming it',
    (handle) => {
      expect(refusalOf(() => assertServedPrefix(handle, '21.TEST'))).toEqual({
        responseCode: 301,
        handle,
      });
    },
  );

  it('refuses an empty name with responseCode 301 and no handle', () => {
    expect(refusalOf(() => assertServedPrefix('', '21.TEST'))).toEqual({
      responseCode: 301,
      handle: undefined,
    });
  });
});

describe('assertNamed', () => {
  it('refuses an empty name with responseCode 102', () => {
    expect(refusalOf(() => assertNamed(''))?.responseCode).toBe(102);
  });

  it('accepts any other name', () => {
    expect(refusalOf(() => assertNamed('noslash'))).toBeUndefined();
  });
});
