import { ChecksumError, isAllowedChecksumMethod, parseMultihash } from '@piddi/checksum';

/** A file's checksum as `CHECKSUM` and `CHECKSUM_METHOD` write it. */
export interface FileChecksum {
  /** Multihash name of the hash function, e.g. `sha2-256`. */
  method: string;
  /** The digest alone, lower-case hex. */
  digest: string;
  /** False for md5 written in the legacy one-byte form `d510…`. */
  canonical: boolean;
}

/**
 * Reads `file:checksum`, a hex multihash. Returns a problem when it is missing, unreadable, or
 * made with a method a file record may not carry.
 */
export function readFileChecksum(
  value: unknown,
  acceptLegacyMd5: boolean,
): FileChecksum | { problem: string } {
  if (typeof value !== 'string' || value === '') {
    return { problem: `file:checksum is ${value === undefined ? 'missing' : 'not a hex string'}` };
  }

  let parsed;
  try {
    parsed = parseMultihash(value, { acceptLegacyMd5 });
  } catch (error) {
    if (!(error instanceof ChecksumError)) throw error;
    return { problem: error.message };
  }

  if (!isAllowedChecksumMethod(parsed.method)) {
    return {
      problem: `file:checksum uses ${parsed.method || 'an unnamed hash'}, not an allowed method`,
    };
  }
  return { method: parsed.method, digest: parsed.digest, canonical: parsed.canonical };
}

/**
 * Reads `file:size` as a positive integer; JSON numbers and digit strings are accepted.
 * Returns a problem otherwise.
 */
export function readFileSize(value: unknown): number | { problem: string } {
  const size = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof size === 'number' && Number.isSafeInteger(size) && size > 0) return size;

  return {
    problem:
      value === undefined
        ? 'file:size is missing'
        : `file:size ${JSON.stringify(value)} is not a positive integer`,
  };
}
