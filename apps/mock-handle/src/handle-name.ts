import { HandleApiError, RESPONSE_CODE } from './response-codes.js';

/** A handle name split at its first slash. */
export interface HandleName {
  /** The name as the client wrote it, e.g. `21.TEST/abc`. */
  handle: string;
  prefix: string;
  suffix: string;
}

// Control characters and whitespace never appear in a handle a real server would accept.
const FORBIDDEN_CHARACTERS = /[\s\p{Cc}]/u;

/**
 * Splits and checks a handle name; refuses with responseCode 102 when it has no prefix or no
 * suffix, or holds characters a handle cannot.
 */
export function parseHandleName(handle: string): HandleName {
  const slash = handle.indexOf('/');
  const prefix = handle.slice(0, slash);
  const suffix = handle.slice(slash + 1);

  if (slash <= 0 || suffix === '' || FORBIDDEN_CHARACTERS.test(handle)) {
    throw new HandleApiError(RESPONSE_CODE.invalidHandle, `Invalid handle name: ${handle}`, {
      handle,
    });
  }
  return { handle, prefix, suffix };
}

/** The key two spellings of one handle share: lookups ignore case, as on real servers. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}

/** Whether a prefix is the one this server serves, ignoring case. */
export function isServedPrefix(prefix: string, servedPrefix: string): boolean {
  return prefix.toLowerCase() === servedPrefix.toLowerCase();
}

/** Refuses with responseCode 301 a handle under a prefix this server does not serve. */
export function assertServedPrefix(name: HandleName, servedPrefix: string): void {
  if (isServedPrefix(name.prefix, servedPrefix)) return;

  throw new HandleApiError(
    RESPONSE_CODE.notResponsible,
    `This server serves prefix ${servedPrefix}, not ${name.prefix}`,
    { handle: name.handle },
  );
}
