import { describe, expect, it } from '@jest/globals';

import { type HandleValue, normalizeHandleValue, validateHandleValues } from './handle-values.js';

const HANDLE = '21.TEST/abc';

describe('normalizeHandleValue', () => {
  it('turns data sent as a bare string into a string value', () => {
    expect(normalizeHandleValue({ index: 2, type: 'A', data: 'x' }, HANDLE)).toEqual({
      index: 2,
      type: 'A',
      data: { format: 'string', value: 'x' },
    });
  });

  it('turns an admin index sent as a string into a number', () => {
    const raw = {
      index: '100',
      type: 'HS_ADMIN',
      data: { format: 'admin', value: { handle: '0.NA/21.TEST', index: '200', permissions: '1' } },
    };

    const value = normalizeHandleValue(raw, HANDLE);

    expect(value.index).toBe(100);
    expect(value.data.value).toEqual({ handle: '0.NA/21.TEST', index: 200, permissions: '1' });
  });

  it('keeps ttl and timestamp as the server sent them', () => {
    const raw = {
      index: 1,
      type: 'URL',
      data: { format: 'string', value: 'https://a' },
      ttl: 86400,
      timestamp: '2026-01-16T10:30:15Z',
    };

    expect(normalizeHandleValue(raw, HANDLE)).toEqual(raw);
  });

  it.each([null, 'text', { type: 'A' }, { index: 'one', type: 'A' }, { index: 1 }])(
    'refuses the malformed value %j',
    (raw) => {
      expect(() => normalizeHandleValue(raw, HANDLE)).toThrow(
        expect.objectContaining({ code: 'INVALID_VALUE', handle: HANDLE }),
      );
    },
  );
});

describe('validateHandleValues', () => {
  const value = (index: number, type = 'A'): HandleValue => ({
    index,
    type,
    data: { format: 'string', value: 'x' },
  });

  const withData = (data: unknown) => ({ index: 2, type: 'A', data }) as HandleValue;

  it('accepts unique positive indexes', () => {
    expect(() => validateHandleValues([value(1), value(2), value(100)], HANDLE)).not.toThrow();
  });

  it('accepts a data format in any letter case, and a vlist without value, as servers do', () => {
    const values = [
      withData({ format: 'STRING', value: 'x' }),
      { ...withData({ format: 'vlist' }), index: 3 },
    ];

    expect(() => validateHandleValues(values, HANDLE)).not.toThrow();
  });

  it.each([
    ['index 0', [value(0)]],
    ['a fractional index', [value(1.5)]],
    ['an index used twice', [value(2), value(2, 'B')]],
    ['an empty type', [value(2, '')]],
    ['missing data', [{ index: 2, type: 'A' } as HandleValue]],
    ['an unknown data format', [withData({ format: 'text', value: 'x' })]],
    ['data without a value', [withData({ format: 'string' })]],
    ['data with a null value', [withData({ format: 'admin', value: null })]],
  ])('refuses %s', (_case, values) => {
    expect(() => validateHandleValues(values, HANDLE)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
  });
});
