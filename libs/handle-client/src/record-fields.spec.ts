import { describe, expect, it } from '@jest/globals';

import type { HandleValue } from './handle-values.js';
import { buildAdminValue, buildHandleValues, valuesToFields } from './record-fields.js';

const DEFAULT_ADMIN = {
  index: 100,
  type: 'HS_ADMIN',
  data: {
    format: 'admin',
    value: { handle: '0.NA/21.TEST', index: 200, permissions: '011111110011' },
  },
};

function indexesByType(values: HandleValue[]): Record<string, number> {
  return Object.fromEntries(values.map((value) => [value.type, value.index]));
}

describe('buildHandleValues', () => {
  it.each([
    ['URL alone', { URL: 'https://a' }, { URL: 1, HS_ADMIN: 100 }],
    [
      'URL after others',
      { A: 'a', URL: 'https://a', B: 'b' },
      { A: 2, URL: 1, B: 3, HS_ADMIN: 100 },
    ],
    ['no URL', { A: 'a', B: 'b' }, { A: 2, B: 3, HS_ADMIN: 100 }],
    ['null and undefined left out', { A: null, B: undefined, C: 'c' }, { C: 2, HS_ADMIN: 100 }],
  ])('assigns indexes by convention: %s', (_case, fields, expected) => {
    expect(indexesByType(buildHandleValues(fields, { prefix: '21.TEST' }))).toEqual(expected);
  });

  it('skips the administrative indexes 100 to 199 after index 99', () => {
    const fields = Object.fromEntries(Array.from({ length: 100 }, (_, n) => [`T${n}`, 'x']));

    const indexes = buildHandleValues(fields, { prefix: '21.TEST' }).map((value) => value.index);

    expect(indexes.filter((index) => index > 100 && index < 200)).toEqual([]);
    expect(indexes.slice(-3)).toEqual([100, 200, 201]);
    expect(new Set(indexes).size).toBe(indexes.length);
  });

  it('returns the values sorted by index', () => {
    const values = buildHandleValues({ B: 'b', URL: 'https://a' }, { prefix: '21.TEST' });

    expect(values.map((value) => value.index)).toEqual([1, 2, 100]);
  });

  it('adds the HS_ADMIN value of the prefix admin by default', () => {
    const values = buildHandleValues({ URL: 'https://a' }, { prefix: '21.TEST' });

    expect(values.find((value) => value.type === 'HS_ADMIN')).toEqual(DEFAULT_ADMIN);
  });

  it('lets the admin fields be overridden one by one', () => {
    const values = buildHandleValues({}, { prefix: '21.TEST', admin: { index: 300 } });

    expect(values[0].data.value).toEqual({
      handle: '0.NA/21.TEST',
      index: 300,
      permissions: '011111110011',
    });
  });

  it('leaves HS_ADMIN out when admin is false', () => {
    expect(buildHandleValues({ URL: 'https://a' }, { admin: false })).toEqual([
      { index: 1, type: 'URL', data: { format: 'string', value: 'https://a' } },
    ]);
  });

  it.each([
    ['object', { a: 1 }, '{"a":1}'],
    ['array', ['x', 'y'], '["x","y"]'],
    ['number', 42, '42'],
    ['boolean', true, 'true'],
    ['string', 'plain', 'plain'],
  ])('stores a %s field as a string value', (_case, field, stored) => {
    const [value] = buildHandleValues({ FIELD: field }, { admin: false });

    expect(value.data).toEqual({ format: 'string', value: stored });
  });

  it.each([
    ['no prefix for the default admin', { URL: 'x' }, {}, 'INVALID_OPTIONS'],
    ['HS_ADMIN given as a field', { HS_ADMIN: 'x' }, { prefix: '21.TEST' }, 'INVALID_VALUE'],
    ['an empty type', { '': 'x' }, { prefix: '21.TEST' }, 'INVALID_VALUE'],
  ])('refuses %s', (_case, fields, options, code) => {
    expect(() => buildHandleValues(fields, options)).toThrow(expect.objectContaining({ code }));
  });
});

describe('valuesToFields', () => {
  const fields = { URL: 'https://a', AGGREGATION_LEVEL: 'FILE', PARTS: '["x","y"]' };

  it('gives back the fields the values were built from', () => {
    expect(valuesToFields(buildHandleValues(fields, { prefix: '21.TEST' }))).toEqual(fields);
  });

  it('rebuilds the same values from the fields it returns', () => {
    const values = buildHandleValues(fields, { prefix: '21.TEST' });

    expect(buildHandleValues(valuesToFields(values), { prefix: '21.TEST' })).toEqual(values);
  });

  it('decodes JSON objects and arrays when asked to', () => {
    const values = buildHandleValues({ A: { b: [1] }, C: ['d'], E: '[not json' }, { admin: false });

    expect(valuesToFields(values, { parseJson: true })).toEqual({
      A: { b: [1] },
      C: ['d'],
      E: '[not json',
    });
  });

  it('refuses a type that occurs at two indexes instead of dropping one', () => {
    const values: HandleValue[] = [
      { index: 2, type: 'A', data: { format: 'string', value: 'x' } },
      { index: 3, type: 'A', data: { format: 'string', value: 'y' } },
    ];

    expect(() => valuesToFields(values)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
  });
});

describe('buildAdminValue', () => {
  it('builds the same HS_ADMIN value that buildHandleValues adds', () => {
    expect(buildAdminValue({ prefix: '21.TEST' })).toEqual(DEFAULT_ADMIN);
  });

  it('takes an admin handle instead of the prefix', () => {
    const value = buildAdminValue({ admin: { handle: '21.TEST/ADMIN', index: 300 } });

    expect(value.data.value).toEqual({
      handle: '21.TEST/ADMIN',
      index: 300,
      permissions: '011111110011',
    });
  });
});
