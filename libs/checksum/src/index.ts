export {
  ChecksumError,
  DigestLengthMismatchError,
  InvalidHexError,
  NonCanonicalMultihashError,
  TruncatedMultihashError,
  UnknownHashCodeError,
  WrongDigestSizeError,
} from './errors.js';
export type { ChecksumErrorCode, ChecksumErrorContext } from './errors.js';
export {
  ALLOWED_CHECKSUM_METHODS,
  HASH_FUNCTIONS,
  findHashFunction,
  isAllowedChecksumMethod,
} from './hash-functions.js';
export type { AllowedChecksumMethod, HashFunction } from './hash-functions.js';
export { parseMultihash } from './multihash.js';
export type { ParseMultihashOptions, ParsedMultihash } from './multihash.js';
