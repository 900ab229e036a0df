import { digest as multihashDigest, varint } from 'multiformats';

import {
  DigestLengthMismatchError,
  InvalidHexError,
  NonCanonicalMultihashError,
  TruncatedMultihashError,
  UnknownHashCodeError,
  WrongDigestSizeError,
} from './errors.js';
import { findHashFunction, type HashFunction } from './hash-functions.js';

/** A checksum read from a hex multihash. */
export interface ParsedMultihash {
  /** Multicodec name of the hash function, e.g. `sha2-256`. */
  method: string;
  /** Multicodec code of the hash function, e.g. `0x12`. */
  code: number;
  /** The digest alone, lower-case hex. */
  digest: string;
  /** False when the input was the legacy one-byte md5 form, accepted on request. */
  canonical: boolean;
}

/** How strictly {@link parseMultihash} reads its input. */
export interface ParseMultihashOptions {
  /**
   * Accept md5 written with the one-byte code `d5` (`d510` + 16 bytes) instead of the varint
   * `d501` (`d50110` + 16 bytes). Some ESGF publishers wrote that form.
   * @default false
   */
  acceptLegacyMd5?: boolean;
}

const HEX_DIGITS = /^[0-9a-fA-F]*$/;
const LEGACY_MD5 = /^d510[0-9a-f]{32}$/;
const MD5_CODE = 0xd5;

/**
 * Reads a hex multihash such as `1220…` (sha2-256) or `d50110…` (md5): the varint hash code,
 * the varint digest length, then the digest. Throws a {@link ChecksumError} subclass naming
 * the input when the hex, the framing, the hash code or the digest length is wrong.
 */
export function parseMultihash(hex: string, options: ParseMultihashOptions = {}): ParsedMultihash {
  const bytes = decodeHex(hex);

  const legacy = readLegacyMd5(hex);
  if (legacy) {
    if (!options.acceptLegacyMd5) throw new NonCanonicalMultihashError(hex);
    return legacy;
  }

  const { code, declaredLength, digestOffset } = readHeader(hex, bytes);
  const hash = checkDigestLength(hex, code, declaredLength, bytes.length - digestOffset);

  const decoded = multihashDigest.decode(bytes);
  const digest = Buffer.from(decoded.digest).toString('hex');
  return { method: hash.name, code, digest, canonical: true };
}

function decodeHex(hex: string): Uint8Array {
  if (typeof hex !== 'string' || hex.length === 0) {
    throw new InvalidHexError(String(hex), 'it is empty');
  }
  if (!HEX_DIGITS.test(hex)) {
    throw new InvalidHexError(hex, 'it holds characters other than 0-9 and a-f');
  }
  if (hex.length % 2 !== 0) {
    throw new InvalidHexError(hex, `it has an odd number of hex digits (${hex.length})`);
  }

  return Buffer.from(hex, 'hex');
}

// The legacy form cannot be a valid multihash: `d5 10` as a varint is code 0x855, unknown,
// so recognising it first never shadows a well-formed checksum.
function readLegacyMd5(hex: string): ParsedMultihash | undefined {
  const lower = hex.toLowerCase();
  if (!LEGACY_MD5.test(lower)) return undefined;

  return { method: 'md5', code: MD5_CODE, digest: lower.slice(4), canonical: false };
}

function readHeader(hex: string, bytes: Uint8Array) {
  try {
    const [code, codeLength] = varint.decode(bytes);
    const [declaredLength, lengthLength] = varint.decode(bytes, codeLength);
    return { code, declaredLength, digestOffset: codeLength + lengthLength };
  } catch (error) {
    throw new TruncatedMultihashError(hex, error instanceof Error ? error : undefined);
  }
}

function checkDigestLength(
  hex: string,
  code: number,
  declared: number,
  actual: number,
): HashFunction {
  const hash = findHashFunction(code);
  if (!hash) throw new UnknownHashCodeError(hex, code);

  if (declared !== actual) throw new DigestLengthMismatchError(hex, declared, actual);
  if (hash.size !== undefined && hash.size !== declared) {
    throw new WrongDigestSizeError(hex, hash.name, hash.size, declared);
  }
  return hash;
}
