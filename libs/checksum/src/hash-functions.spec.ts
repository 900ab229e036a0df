import { describe, expect, it } from '@jest/globals';
import {
  ALLOWED_CHECKSUM_METHODS,
  HASH_FUNCTIONS,
  findHashFunction,
  isAllowedChecksumMethod,
} from './hash-functions.js';

describe('isAllowedChecksumMethod', () => {
  it.each(['md5', 'sha1', 'sha2-256', 'sha2-512', 'sha3-256', 'sha3-512', 'blake2b-256'])(
    'allows %s',
    (method) => {
      expect(isAllowedChecksumMethod(method)).toBe(true);
    },
  );

  it.each(['identity', 'sha2-384', 'murmur3-x64-64', 'md4', 'blake3', 'SHA2-256', 'sha256', ''])(
    'refuses %s',
    (method) => {
      expect(isAllowedChecksumMethod(method)).toBe(false);
    },
  );

  it('allows only methods the hash table can recognise', () => {
    const known = new Set(HASH_FUNCTIONS.map((hash) => hash.name));

    expect(ALLOWED_CHECKSUM_METHODS.filter((method) => !known.has(method))).toEqual([]);
  });
});

describe('findHashFunction', () => {
  it('knows md5 by its code 0xd5 with a 16-byte digest', () => {
    expect(findHashFunction(0xd5)).toEqual({ name: 'md5', code: 0xd5, size: 16 });
  });

  it('holds every code once', () => {
    const codes = HASH_FUNCTIONS.map((hash) => hash.code);

    expect(new Set(codes).size).toBe(codes.length);
  });

  it('returns undefined for a code it does not know', () => {
    expect(findHashFunction(0x855)).toBeUndefined();
  });
});
