import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';

import { digest as multihashDigest } from 'multiformats';

import { ChecksumError, type ChecksumErrorCode } from './errors.js';
import { parseMultihash } from './multihash.js';

const CONTENT = 'tas_Amon_MPI-ESM1-2-HR_ssp126_r1i1p1f1_gn_201501-203412.nc';

function hashContent(algorithm: string): Buffer {
  return createHash(algorithm).update(CONTENT).digest();
}

function encodeMultihash(code: number, digest: Uint8Array): string {
  return Buffer.from(multihashDigest.create(code, digest).bytes).toString('hex');
}

interface ValidCase {
  method: string;
  code: number;
  digest: Buffer;
}

// node:crypto has no blake2b-256 and no sha2-384 multihash helper; for framing, any digest of
// the right length reads the same, so slices of other digests stand in.
const VALID_CASES: ValidCase[] = [
  { method: 'md5', code: 0xd5, digest: hashContent('md5') },
  { method: 'sha1', code: 0x11, digest: hashContent('sha1') },
  { method: 'sha2-256', code: 0x12, digest: hashContent('sha256') },
  { method: 'sha2-512', code: 0x13, digest: hashContent('sha512') },
  { method: 'sha3-256', code: 0x16, digest: hashContent('sha3-256') },
  { method: 'sha3-512', code: 0x14, digest: hashContent('sha3-512') },
  { method: 'blake2b-256', code: 0xb220, digest: hashContent('blake2b512').subarray(0, 32) },
  { method: 'sha2-384', code: 0x20, digest: hashContent('sha384') },
  { method: 'murmur3-x64-64', code: 0x22, digest: hashContent('sha256').subarray(0, 8) },
  { method: 'identity', code: 0x00, digest: Buffer.from(CONTENT) },
  { method: 'blake3', code: 0x1e, digest: hashContent('sha512').subarray(0, 40) },
];

describe('parseMultihash', () => {
  it.each(VALID_CASES)('reads a $method multihash', ({ method, code, digest }) => {
    const parsed = parseMultihash(encodeMultihash(code, digest));

    expect(parsed).toEqual({ method, code, digest: digest.toString('hex'), canonical: true });
  });

  it('reads sha2-256 from its one-byte prefix 1220', () => {
    const digest = hashContent('sha256');

    expect(parseMultihash(`1220${digest.toString('hex')}`).method).toBe('sha2-256');
  });

  it('reads md5 from its two-byte varint prefix d50110', () => {
    const digest = hashContent('md5').toString('hex');

    expect(parseMultihash(`d50110${digest}`)).toMatchObject({ method: 'md5', digest });
  });

  it('reads upper-case hex and returns the digest in lower case', () => {
    const digest = hashContent('sha1').toString('hex');

    expect(parseMultihash(`1114${digest.toUpperCase()}`).digest).toBe(digest);
  });

  it('accepts md5 with a one-byte code only when asked to', () => {
    const digest = hashContent('md5').toString('hex');
    const legacy = `d510${digest}`;

    expect(parseMultihash(legacy, { acceptLegacyMd5: true })).toEqual({
      method: 'md5',
      code: 0xd5,
      digest,
      canonical: false,
    });
    expect(() => parseMultihash(legacy)).toThrow(
      expect.objectContaining({ code: 'NON_CANONICAL_MULTIHASH' }),
    );
  });
});

interface InvalidCase {
  name: string;
  input: string;
  code: ChecksumErrorCode;
}

const SHA256_HEX = hashContent('sha256').toString('hex');
const MD5_HEX = hashContent('md5').toString('hex');

const INVALID_CASES: InvalidCase[] = [
  { name: 'an empty string', input: '', code: 'INVALID_HEX' },
  { name: 'an odd number of digits', input: `1220${SHA256_HEX}0`, code: 'INVALID_HEX' },
  { name: 'a non-hex character', input: `1220${SHA256_HEX.slice(0, -1)}g`, code: 'INVALID_HEX' },
  { name: 'an algorithm prefix', input: `sha256:${SHA256_HEX}`, code: 'INVALID_HEX' },
  { name: 'a 0x prefix', input: `0x1220${SHA256_HEX}`, code: 'INVALID_HEX' },
  { name: 'surrounding spaces', input: ` 1220${SHA256_HEX} `, code: 'INVALID_HEX' },
  { name: 'a lone hash code', input: '12', code: 'TRUNCATED_MULTIHASH' },
  { name: 'an unfinished varint', input: 'd5', code: 'TRUNCATED_MULTIHASH' },
  { name: 'an unknown hash code', input: `0120${SHA256_HEX}`, code: 'UNKNOWN_HASH_CODE' },
  { name: 'a bare md5 digest', input: MD5_HEX, code: 'UNKNOWN_HASH_CODE' },
  {
    name: 'fewer digest bytes than declared',
    input: `1220${SHA256_HEX.slice(0, -2)}`,
    code: 'DIGEST_LENGTH_MISMATCH',
  },
  {
    name: 'more digest bytes than declared',
    input: `1220${SHA256_HEX}00`,
    code: 'DIGEST_LENGTH_MISMATCH',
  },
  {
    name: 'a sha2-256 digest of 20 bytes',
    input: `1214${SHA256_HEX.slice(0, 40)}`,
    code: 'WRONG_DIGEST_SIZE',
  },
  { name: 'an md5 digest of 32 bytes', input: `d50120${SHA256_HEX}`, code: 'WRONG_DIGEST_SIZE' },
  {
    name: 'md5 with a one-byte code and one digest byte short',
    input: `d510${MD5_HEX.slice(0, -2)}`,
    code: 'UNKNOWN_HASH_CODE',
  },
];

describe('parseMultihash on bad input', () => {
  it.each(INVALID_CASES)('rejects $name with $code', ({ input, code }) => {
    let thrown: unknown;
    try {
      parseMultihash(input);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ChecksumError);
    expect(thrown).toMatchObject({ code, input, retriable: false });
  });

  it('names the checksum in the message', () => {
    expect(() => parseMultihash('12zz')).toThrow(/"12zz"/);
  });

  it('rejects a value that is not a string', () => {
    expect(() => parseMultihash(1220 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'INVALID_HEX' }),
    );
  });
});
