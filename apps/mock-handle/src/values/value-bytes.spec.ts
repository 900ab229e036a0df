import { describe, it, expect } from '@jest/globals';
import { dataFromBytes, encodeAdminValue, encodeValueList } from './value-bytes.js';

// Each row is what a real Handle server answered for these bytes, sent as hex.
describe('dataFromBytes', () => {
  it.each([
    ['68656c6c6f', { format: 'string', value: 'hello' }],
    ['', { format: 'string', value: '' }],
    ['61096263', { format: 'string', value: 'a\tbc' }],
    ['610a62', { format: 'string', value: 'a\nb' }],
    ['610d62', { format: 'string', value: 'a\rb' }],
    ['c3a9', { format: 'string', value: 'é' }],
    ['f09f9880', { format: 'string', value: '😀' }],
    ['efbbbf', { format: 'string', value: '\ufeff' }],
    ['c280', { format: 'string', value: '\u0080' }],
    ['610062', { format: 'base64', value: 'YQBi' }],
    ['611b62', { format: 'base64', value: 'YRti' }],
    ['617f62', { format: 'base64', value: 'YX9i' }],
    ['61ff62', { format: 'base64', value: 'Yf9i' }],
    ['c0af', { format: 'base64', value: 'wK8=' }],
    ['61c3', { format: 'base64', value: 'YcM=' }],
  ])('answers the bytes %s as %j', (hex, data) => {
    expect(dataFromBytes(Buffer.from(hex, 'hex'))).toEqual(data);
  });
});

describe('encodeAdminValue', () => {
  it('writes the bytes a real server keeps for an admin value', () => {
    const admin = { handle: '21.T9999/ADMIN', index: 300, permissions: '011111110011' };

    expect(encodeAdminValue(admin).toString('base64')).toBe('B/MAAAAOMjEuVDk5OTkvQURNSU4AAAEs');
  });
});

describe('encodeValueList', () => {
  it('writes the bytes a real server keeps for a value list', () => {
    const list = [{ handle: '21.T9999/ADMIN', index: 300 }];

    expect(encodeValueList(list).toString('base64')).toBe('AAAAAQAAAA4yMS5UOTk5OS9BRE1JTgAAASw=');
  });
});
