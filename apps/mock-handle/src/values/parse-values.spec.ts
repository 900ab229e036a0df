import { describe, it, expect } from '@jest/globals';
import { HandleApiError } from '../response-codes.js';
import { parseValuesBody } from './parse-values.js';

const HANDLE = '21.TEST/a';

function responseCodeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof HandleApiError) return error.responseCode;
    throw error;
  }
  return undefined;
}

const parse = (body: unknown) => parseValuesBody(JSON.stringify(body), HANDLE);

describe('parseValuesBody', () => {
  it('reads a value with object data and applies the default ttl', () => {
    const body = { values: [{ index: 1, type: 'URL', data: { format: 'string', value: 'x' } }] };

    expect(parse(body).values).toEqual([
      { index: 1, type: 'URL', data: { format: 'string', value: 'x' }, ttl: 86400 },
    ]);
  });

  it('stores bare-string data as format string', () => {
    const body = { values: [{ index: 2, type: 'CHECKSUM', data: 'abc' }] };

    expect(parse(body).values[0].data).toEqual({ format: 'string', value: 'abc' });
  });

  it.each([
    ['"100"', '100', 100],
    ['"-1"', '-1', -1],
    ['1.5, losing the fraction', 1.5, 1],
  ])('reads the index %s as the servers do', (_case, index, read) => {
    expect(parse({ values: [{ index, type: 'NOTE', data: 'x' }] }).values[0].index).toBe(read);
  });

  it('reads a type that is a number or empty, as servers do', () => {
    const body = [
      { index: 1, type: 5, data: 'x' },
      { index: 2, type: '', data: 'y' },
    ];

    expect(parse(body).values.map((value) => value.type)).toEqual(['5', '']);
  });

  it('keeps ttl, permissions and references a client sends', () => {
    const value = {
      index: 1,
      type: 'URL',
      data: 'x',
      ttl: -5,
      permissions: '1010',
      references: [{ handle: '21.TEST/b', index: '3' }],
    };

    expect(parse({ values: [value] }).values[0]).toMatchObject({
      ttl: -5,
      permissions: '1010',
      references: [{ handle: '21.TEST/b', index: 3 }],
    });
  });

  it('leaves out the default permissions, as servers answer them', () => {
    const value = { index: 1, type: 'URL', data: 'x', permissions: '1110' };

    expect(parse({ values: [value] }).values[0]).not.toHaveProperty('permissions');
  });

  it.each([
    ['a body with values', { handle: '21.TEST/a', values: [] }, true, '21.TEST/a'],
    ['a body naming null', { handle: null, values: [] }, true, null],
    ['a body without handle', { values: [] }, false, undefined],
  ])('tells whether %s names a handle', (_case, body, namesHandle, handle) => {
    expect(parse(body)).toMatchObject({ namesHandle, handle });
  });

  it.each([
    ['a bare list', [{ index: 1, type: 'URL', data: 'x' }], 1],
    ['one value alone', { index: 1, type: 'URL', data: 'x' }, 1],
    ['values null', { values: null }, 0],
  ])('accepts %s, as real servers do', (_case, body, count) => {
    expect(parse(body).values).toHaveLength(count);
  });

  it.each([
    ['bad JSON', '{"values": ['],
    ['JSON null', 'null'],
    ['an empty object', '{}'],
    ['values that are not a list', '{"values": {"index": 1}}'],
    ['a body without values', '{"handle": "21.TEST/a"}'],
    ['a value that is not an object', '{"values": ["URL"]}'],
    ['a missing index', '{"values": [{"type": "URL", "data": "x"}]}'],
    ['a word as index', '{"values": [{"index": "one", "type": "URL", "data": "x"}]}'],
    ['a missing type', '{"values": [{"index": 1, "data": "x"}]}'],
    ['a type that is an object', '{"values": [{"index": 1, "type": {}, "data": "x"}]}'],
    ['missing data', '{"values": [{"index": 1, "type": "URL"}]}'],
    [
      'references that are no list',
      '{"values": [{"index": 1, "type": "U", "data": "x", "references": "a"}]}',
    ],
    [
      'a reference without index',
      '{"values": [{"index": 1, "type": "U", "data": "x", "references": [{"handle": "a/b"}]}]}',
    ],
    [
      'a ttl that is a word',
      '{"values": [{"index": 1, "type": "URL", "data": "x", "ttl": "abc"}]}',
    ],
  ])('refuses %s with responseCode 4', (_case, body) => {
    expect(responseCodeOf(() => parseValuesBody(body, HANDLE))).toBe(4);
  });

  it('refuses permissions that are not 4 flags with responseCode 202', () => {
    const body = { values: [{ index: 1, type: 'URL', data: 'x', permissions: 'rw' }] };

    expect(responseCodeOf(() => parse(body))).toBe(202);
  });
});
