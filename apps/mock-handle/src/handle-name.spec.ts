import { describe, it, expect } from '@jest/globals';
import { assertServedPrefix, handleKey, parseHandleName } from './handle-name.js';
import { HandleApiError } from './response-codes.js';

function responseCodeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof HandleApiError) return error.responseCode;
    throw error;
  }
  return undefined;
}

describe('parseHandleName', () => {
  it.each([
    ['21.TEST/abc', '21.TEST', 'abc'],
    ['21.TEST/a/b/c', '21.TEST', 'a/b/c'],
    ['21.T11148/0f6cc6b0-dc08-4ce4', '21.T11148', '0f6cc6b0-dc08-4ce4'],
    ['0.NA/21.TEST', '0.NA', '21.TEST'],
  ])('splits %s into prefix and suffix', (handle, prefix, suffix) => {
    expect(parseHandleName(handle)).toEqual({ handle, prefix, suffix });
  });

  it.each([['abc'], ['/abc'], ['21.TEST/'], [''], ['21.TEST/a b'], ['21.TEST/a\nb']])(
    'refuses %j with responseCode 102',
    (handle) => {
      expect(responseCodeOf(() => parseHandleName(handle))).toBe(102);
    },
  );
});

describe('handleKey', () => {
  it('gives two spellings of one handle the same key', () => {
    expect(handleKey('21.test/ABC')).toBe(handleKey('21.TEST/abc'));
  });
});

describe('assertServedPrefix', () => {
  it('accepts the served prefix in any case', () => {
    expect(responseCodeOf(() => assertServedPrefix(parseHandleName('21.test/a'), '21.TEST'))).toBe(
      undefined,
    );
  });

  it('refuses another prefix with responseCode 301', () => {
    expect(responseCodeOf(() => assertServedPrefix(parseHandleName('21.OTHER/a'), '21.TEST'))).toBe(
      301,
    );
  });
});
