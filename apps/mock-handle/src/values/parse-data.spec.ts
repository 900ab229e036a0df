import { describe, it, expect } from '@jest/globals';
import { HandleApiError } from '../response-codes.js';
import { parseValueData } from './parse-data.js';

const ADMIN = { handle: '21.T9999/ADMIN', index: '300', permissions: '011111110011' };

function responseCodeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof HandleApiError) return error.responseCode;
    throw error;
  }
  return undefined;
}

// Each row is what a real Handle server answered for data written under a type.
describe('parseValueData', () => {
  it.each<[string, unknown, string, unknown]>([
    ['a bare string', 'plain', 'NOTE', { format: 'string', value: 'plain' }],
    ['a bare number', 5, 'NOTE', { format: 'string', value: '5' }],
    ['a string number', { format: 'string', value: 5 }, 'NOTE', { format: 'string', value: '5' }],
    [
      'STRING in capitals',
      { format: 'STRING', value: 'x' },
      'NOTE',
      { format: 'string', value: 'x' },
    ],
    [
      'base64 text',
      { format: 'base64', value: 'aGVsbG8=' },
      'NOTE',
      { format: 'string', value: 'hello' },
    ],
    [
      'base64 unpadded',
      { format: 'base64', value: 'aGVsbG8' },
      'NOTE',
      { format: 'string', value: 'hello' },
    ],
    [
      'base64 bytes',
      { format: 'base64', value: 'YQBi' },
      'NOTE',
      { format: 'base64', value: 'YQBi' },
    ],
    [
      'hex text',
      { format: 'hex', value: '68656c6c6f' },
      'NOTE',
      { format: 'string', value: 'hello' },
    ],
    ['a control character', 'a\u0001b', 'NOTE', { format: 'base64', value: 'YQFi' }],
    [
      'admin under HS_ADMIN',
      { format: 'admin', value: ADMIN },
      'HS_ADMIN',
      { format: 'admin', value: { ...ADMIN, index: 300 } },
    ],
    [
      'admin under another type',
      { format: 'admin', value: ADMIN },
      'NOTE',
      { format: 'base64', value: 'B/MAAAAOMjEuVDk5OTkvQURNSU4AAAEs' },
    ],
    [
      'admin with short permissions',
      { format: 'admin', value: { ...ADMIN, permissions: '1x1' } },
      'hs_admin',
      { format: 'admin', value: { ...ADMIN, index: 300, permissions: '000000000101' } },
    ],
    [
      'admin without permissions',
      { format: 'admin', value: { handle: ADMIN.handle, index: 300 } },
      'HS_ADMIN',
      { format: 'admin', value: { handle: ADMIN.handle, index: 300, permissions: '000000000000' } },
    ],
    [
      'vlist under HS_VLIST',
      { format: 'vlist', value: [{ handle: ADMIN.handle, index: '300' }] },
      'HS_VLIST',
      { format: 'vlist', value: [{ handle: ADMIN.handle, index: 300 }] },
    ],
    [
      'vlist under another type',
      { format: 'vlist', value: [{ handle: ADMIN.handle, index: 300 }] },
      'NOTE',
      { format: 'base64', value: 'AAAAAQAAAA4yMS5UOTk5OS9BRE1JTgAAASw=' },
    ],
    ['vlist without value', { format: 'vlist' }, 'HS_VLIST', { format: 'vlist', value: [] }],
    [
      'vlist with a null value under another type',
      { format: 'vlist', value: null },
      'URL',
      { format: 'base64', value: 'AAAAAA==' },
    ],
  ])('answers %s as the server does', (_case, data, type, answered) => {
    expect(parseValueData(data, type, 'value 0')).toEqual(answered);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a list', ['a']],
    ['an unknown format', { format: 'text', value: 'x' }],
    ['no format', { value: 'x' }],
    ['no value', { format: 'string' }],
    ['admin without value', { format: 'admin' }],
    ['an object as string', { format: 'string', value: { a: 1 } }],
    ['bad hex', { format: 'hex', value: 'zz' }],
    ['odd hex', { format: 'hex', value: 'abc' }],
    ['admin without handle', { format: 'admin', value: { index: 300 } }],
    ['admin without index', { format: 'admin', value: { handle: 'a/b' } }],
    ['admin that is a string', { format: 'admin', value: 'x' }],
    ['vlist that is a string', { format: 'vlist', value: 'x' }],
    ['site that is a string', { format: 'site', value: 'x' }],
  ])('refuses %s with responseCode 4', (_case, data) => {
    expect(responseCodeOf(() => parseValueData(data, 'HS_ADMIN', 'value 0'))).toBe(4);
  });
});
