/** A hash function of the multicodec table and the digest size it produces. */
export interface HashFunction {
  /** Multicodec name, e.g. `sha2-256`; this is the `CHECKSUM_METHOD` written to a record. */
  name: string;
  /** Multicodec code, e.g. `0x12`. */
  code: number;
  /** Digest length in bytes; absent for functions whose length varies (identity, blake3). */
  size?: number;
}

/**
 * The hash functions Piddi recognises. Recognising one does not make it acceptable as a file
 * checksum: see {@link ALLOWED_CHECKSUM_METHODS}. Codes and names follow the multicodec table.
 */
export const HASH_FUNCTIONS: readonly HashFunction[] = [
  { name: 'identity', code: 0x00 },
  { name: 'sha1', code: 0x11, size: 20 },
  { name: 'sha2-256', code: 0x12, size: 32 },
  { name: 'sha2-512', code: 0x13, size: 64 },
  { name: 'sha3-512', code: 0x14, size: 64 },
  { name: 'sha3-384', code: 0x15, size: 48 },
  { name: 'sha3-256', code: 0x16, size: 32 },
  { name: 'sha3-224', code: 0x17, size: 28 },
  { name: 'shake-128', code: 0x18, size: 32 },
  { name: 'shake-256', code: 0x19, size: 64 },
  { name: 'keccak-256', code: 0x1b, size: 32 },
  { name: 'keccak-512', code: 0x1d, size: 64 },
  { name: 'blake3', code: 0x1e },
  { name: 'sha2-384', code: 0x20, size: 48 },
  { name: 'murmur3-x64-64', code: 0x22, size: 8 },
  { name: 'murmur3-32', code: 0x23, size: 4 },
  { name: 'md4', code: 0xd4, size: 16 },
  { name: 'md5', code: 0xd5, size: 16 },
  { name: 'sha2-224', code: 0x1013, size: 28 },
  { name: 'sha2-512-224', code: 0x1014, size: 28 },
  { name: 'sha2-512-256', code: 0x1015, size: 32 },
  { name: 'blake2b-160', code: 0xb214, size: 20 },
  { name: 'blake2b-256', code: 0xb220, size: 32 },
  { name: 'blake2b-384', code: 0xb230, size: 48 },
  { name: 'blake2b-512', code: 0xb240, size: 64 },
  { name: 'blake2s-256', code: 0xb260, size: 32 },
];

const BY_CODE = new Map(HASH_FUNCTIONS.map((hash) => [hash.code, hash]));

/** The hash function with this multicodec code, if Piddi knows it. */
export function findHashFunction(code: number): HashFunction | undefined {
  return BY_CODE.get(code);
}

/** Checksum methods a file record may carry (`CHECKSUM_METHOD`). */
export const ALLOWED_CHECKSUM_METHODS = [
  'md5',
  'sha1',
  'sha2-256',
  'sha2-512',
  'sha3-256',
  'sha3-512',
  'blake2b-256',
] as const;

/** One of {@link ALLOWED_CHECKSUM_METHODS}. */
export type AllowedChecksumMethod = (typeof ALLOWED_CHECKSUM_METHODS)[number];

const ALLOWED = new Set<string>(ALLOWED_CHECKSUM_METHODS);

/** Whether a file record may carry a checksum made with `method` (a multicodec name). */
export function isAllowedChecksumMethod(method: string): method is AllowedChecksumMethod {
  return ALLOWED.has(method);
}
