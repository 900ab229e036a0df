import { describe, expect, it } from '@jest/globals';

import { buildHandlePath, validateHandle, validatePrefix } from './handle-names.js';

describe('validateHandle', () => {
  it.each(['21.TEST/abc', '21.TEST/a/b/c', '0.NA/21.TEST', '21.T.E.S.T/uuid-1'])(
    'accepts %s',
    (handle) => {
      expect(() => validateHandle(handle)).not.toThrow();
    },
  );

  it.each(['', 'abc', '/abc', '21.TEST/', '21.TEST/a\nb', '21.TEST/../x', '21.TEST/a/./b'])(
    'refuses %j',
    (handle) => {
      expect(() => validateHandle(handle)).toThrow(
        expect.objectContaining({ code: 'INVALID_HANDLE' }),
      );
    },
  );
});

describe('validatePrefix', () => {
  it('accepts a dotted prefix', () => {
    expect(() => validatePrefix('21.T11148')).not.toThrow();
  });

  it.each(['', '21.TEST/abc', '21 TEST'])('refuses %j', (prefix) => {
    expect(() => validatePrefix(prefix)).toThrow(
      expect.objectContaining({ code: 'INVALID_HANDLE' }),
    );
  });
});

describe('buildHandlePath', () => {
  it.each([
    ['21.TEST/abc', 'api/handles/21.TEST/abc'],
    ['21.TEST/a/b', 'api/handles/21.TEST/a/b'],
    ['21.TEST/a b?c#d%e', 'api/handles/21.TEST/a%20b%3Fc%23d%25e'],
  ])('writes %s as %s', (handle, path) => {
    expect(buildHandlePath(handle)).toBe(path);
  });
});
