import { describe, it, expect } from '@jest/globals';
import { HandleApiError } from '../response-codes.js';
import { parseValuesBody } from './parse-values.js';

function responseCodeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof HandleApiError) return error.responseCode;
    throw error;
  }
  return undefined;
}

const ADMIN_DATA = {
  format: 'admin',
  value: { handle: '21.TEST/testuser', index: '300', permissions: '011111110011' },
};

describe('parseValuesBody', () => {
  it('reads a value with object data and applies the default ttl', () => {
    const body = { values: [{ index: 1, type: 'URL', data: { format: 'string', value: 'x' } }] };

    expect(parseValuesBody(JSON.stringify(body))).toEqual([
      { index: 1, type: 'URL', data: { format: 'string', value: 'x' }, ttl: 86400 },
    ]);
  });

  it('stores bare-string data as format string', () => {
    const body = { values: [{ index: 2, type: 'CHECKSUM', data: 'abc' }] };

    expect(parseValuesBody(JSON.stringify(body))[0].data).toEqual({
      format: 'string',
      value: 'abc',
    });
  });

  it('reads an index written as a string, as pyhandle sends HS_ADMIN', () => {
    const body = { values: [{ index: '100', type: 'HS_ADMIN', data: ADMIN_DATA }] };

    expect(parseValuesBody(JSON.stringify(body))[0].index).toBe(100);
  });

  it('keeps ttl, permissions and references a client sends', () => {
    const value = {
      index: 1,
      type: 'URL',
      data: 'x',
      ttl: 60,
      permissions: '1110',
      references: [1],
    };

    expect(parseValuesBody(JSON.stringify({ values: [value] }))[0]).toMatchObject({
      ttl: 60,
      permissions: '1110',
      references: [1],
    });
  });

  it('ignores other keys of the body', () => {
    const body = { handle: 'whatever', values: [{ index: 1, type: 'URL', data: 'x' }] };

    expect(parseValuesBody(JSON.stringify(body))).toHaveLength(1);
  });

  it.each([
    ['a bare list', [{ index: 1, type: 'URL', data: 'x' }]],
    ['one value alone', { index: 1, type: 'URL', data: 'x' }],
  ])('accepts %s, as real servers do', (_case, body) => {
    expect(parseValuesBody(JSON.stringify(body))).toHaveLength(1);
  });

  it.each([
    ['hex', { format: 'hex', value: '00ff' }],
    ['base64', { format: 'base64', value: 'aGFuZGxl' }],
    ['admin', ADMIN_DATA],
    ['vlist', { format: 'vlist', value: [{ handle: '21.TEST/a', index: 1 }] }],
    ['site', { format: 'site', value: 'AAAA' }],
    ['key', { format: 'key', value: 'AAAA' }],
  ])('accepts %s data', (_format, data) => {
    expect(
      parseValuesBody(JSON.stringify({ values: [{ index: 1, type: 'T', data }] })),
    ).toHaveLength(1);
  });

  it.each([
    ['bad JSON', '{"values": ['],
    ['values that are not a list', '{"values": {"index": 1}}'],
    ['a body without values', '{"handle": "21.TEST/a"}'],
    ['a value that is not an object', '{"values": ["URL"]}'],
    ['a missing index', '{"values": [{"type": "URL", "data": "x"}]}'],
    ['index 0', '{"values": [{"index": 0, "type": "URL", "data": "x"}]}'],
    ['a negative index', '{"values": [{"index": -1, "type": "URL", "data": "x"}]}'],
    ['a fractional index', '{"values": [{"index": 1.5, "type": "URL", "data": "x"}]}'],
    ['a word as index', '{"values": [{"index": "one", "type": "URL", "data": "x"}]}'],
    ['a missing type', '{"values": [{"index": 1, "data": "x"}]}'],
    ['an empty type', '{"values": [{"index": 1, "type": "", "data": "x"}]}'],
    ['missing data', '{"values": [{"index": 1, "type": "URL"}]}'],
    [
      'an unknown format',
      '{"values": [{"index": 1, "type": "URL", "data": {"format": "x", "value": "y"}}]}',
    ],
    ['data without format', '{"values": [{"index": 1, "type": "URL", "data": {"value": "y"}}]}'],
    [
      'string format with a number',
      '{"values": [{"index": 1, "type": "URL", "data": {"format": "string", "value": 5}}]}',
    ],
    [
      'bad hex',
      '{"values": [{"index": 1, "type": "T", "data": {"format": "hex", "value": "0g"}}]}',
    ],
    [
      'bad base64',
      '{"values": [{"index": 1, "type": "T", "data": {"format": "base64", "value": "a$"}}]}',
    ],
    [
      'admin without permissions',
      '{"values": [{"index": 100, "type": "HS_ADMIN", "data": {"format": "admin", "value": {"handle": "21.TEST/a", "index": 300}}}]}',
    ],
    [
      'vlist that is no list',
      '{"values": [{"index": 1, "type": "HS_VLIST", "data": {"format": "vlist", "value": "x"}}]}',
    ],
    ['a negative ttl', '{"values": [{"index": 1, "type": "URL", "data": "x", "ttl": -1}]}'],
    [
      'bad permissions',
      '{"values": [{"index": 1, "type": "URL", "data": "x", "permissions": "rw"}]}',
    ],
    [
      'a duplicate index',
      '{"values": [{"index": 1, "type": "URL", "data": "x"}, {"index": "1", "type": "T", "data": "y"}]}',
    ],
  ])('refuses %s with responseCode 202', (_case, body) => {
    expect(responseCodeOf(() => parseValuesBody(body))).toBe(202);
  });
});
