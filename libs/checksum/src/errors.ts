/** Stable codes of every way a checksum can be unreadable; callers branch on these. */
export type ChecksumErrorCode =
  | 'INVALID_HEX'
  | 'TRUNCATED_MULTIHASH'
  | 'UNKNOWN_HASH_CODE'
  | 'DIGEST_LENGTH_MISMATCH'
  | 'WRONG_DIGEST_SIZE'
  | 'NON_CANONICAL_MULTIHASH';

/** What a checksum error knows besides its message. */
export interface ChecksumErrorContext {
  /** The lower-level failure, if any. */
  cause?: Error;
}

const MAX_SHOWN_INPUT = 160;

/**
 * Base class of every checksum error. `input` is the checksum as given, so a caller can name
 * it next to the asset it came from. A bad checksum never gets better by retrying.
 */
export class ChecksumError extends Error {
  readonly code: ChecksumErrorCode;
  readonly input: string;
  readonly retriable = false;

  constructor(
    code: ChecksumErrorCode,
    input: string,
    reason: string,
    context: ChecksumErrorContext = {},
  ) {
    super(`Checksum "${showInput(input)}" is not a hex multihash: ${reason}`, context);
    this.name = new.target.name;
    this.code = code;
    this.input = input;
  }
}

/** Empty, odd length, or a character outside 0-9, a-f. */
export class InvalidHexError extends ChecksumError {
  constructor(input: string, reason: string) {
    super('INVALID_HEX', input, reason);
  }
}

/** The bytes end before the hash code or the digest length could be read. */
export class TruncatedMultihashError extends ChecksumError {
  constructor(input: string, cause?: Error) {
    super(
      'TRUNCATED_MULTIHASH',
      input,
      'it ends before the hash code and digest length are complete',
      { cause },
    );
  }
}

/** The hash code is not a hash function of the multicodec table known here. */
export class UnknownHashCodeError extends ChecksumError {
  readonly hashCode: number;

  constructor(input: string, hashCode: number) {
    super(
      'UNKNOWN_HASH_CODE',
      input,
      `hash code 0x${hashCode.toString(16)} is not a known hash function`,
    );
    this.hashCode = hashCode;
  }
}

/** The length the multihash declares differs from the digest bytes that follow it. */
export class DigestLengthMismatchError extends ChecksumError {
  readonly declaredLength: number;
  readonly actualLength: number;

  constructor(input: string, declaredLength: number, actualLength: number) {
    super(
      'DIGEST_LENGTH_MISMATCH',
      input,
      `it declares a ${declaredLength}-byte digest but ${actualLength} bytes follow`,
    );
    this.declaredLength = declaredLength;
    this.actualLength = actualLength;
  }
}

/** The digest length does not fit the hash function, e.g. a 20-byte sha2-256. */
export class WrongDigestSizeError extends ChecksumError {
  readonly method: string;
  readonly expectedLength: number;
  readonly declaredLength: number;

  constructor(input: string, method: string, expectedLength: number, declaredLength: number) {
    super(
      'WRONG_DIGEST_SIZE',
      input,
      `a ${method} digest has ${expectedLength} bytes, this one ${declaredLength}`,
    );
    this.method = method;
    this.expectedLength = expectedLength;
    this.declaredLength = declaredLength;
  }
}

/**
 * md5 written with the one-byte code `d5` instead of its varint `d501`, as some publishers do.
 * Accepted only when the caller opts in (`acceptLegacyMd5`).
 */
export class NonCanonicalMultihashError extends ChecksumError {
  constructor(input: string) {
    super(
      'NON_CANONICAL_MULTIHASH',
      input,
      'it looks like md5 with a one-byte hash code (d510…); the multihash form is d50110…. ' +
        'Ask the publisher to fix it, or accept it with the acceptLegacyMd5 option',
    );
  }
}

function showInput(input: string): string {
  return input.length > MAX_SHOWN_INPUT ? `${input.slice(0, MAX_SHOWN_INPUT)}…` : input;
}
