import { HandleError } from './errors.js';

const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * Refuses a handle that is not `PREFIX/SUFFIX` with both parts present, or that has a `.` or
 * `..` path segment: URLs fold those away (even percent-encoded), so the request would address
 * another handle.
 */
export function validateHandle(handle: string): void {
  const slash = typeof handle === 'string' ? handle.indexOf('/') : -1;
  const wellFormed = slash > 0 && slash < handle.length - 1 && !CONTROL_CHARACTERS.test(handle);
  if (wellFormed && !handle.split('/').some(isDotSegment)) return;

  throw new HandleError(
    'INVALID_HANDLE',
    `Invalid handle ${JSON.stringify(handle)}: write it as PREFIX/SUFFIX, e.g. 21.TEST/abc, ` +
      'without control characters and without . or .. between slashes',
    { handle: String(handle) },
  );
}

/** Refuses a prefix that is empty or contains a slash. */
export function validatePrefix(prefix: string): void {
  if (typeof prefix !== 'string' || !prefix || prefix.includes('/') || /\s/.test(prefix)) {
    throw new HandleError(
      'INVALID_HANDLE',
      `Invalid prefix ${JSON.stringify(prefix)}: write it without a slash, e.g. 21.TEST`,
      { handle: String(prefix) },
    );
  }
}

/**
 * The URL path of a handle relative to the API root, `api/handles/21.TEST/abc`. Slashes of the
 * suffix stay separators; anything else that a URL would read specially is percent-encoded.
 */
export function buildHandlePath(handle: string): string {
  return `api/handles/${handle.split('/').map(encodeURIComponent).join('/')}`;
}

function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..';
}
