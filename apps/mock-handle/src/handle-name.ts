import { HandleApiError, RESPONSE_CODE } from './response-codes.js';

/** The prefix of a handle name: what comes before its first slash; undefined without a slash. */
export function prefixOf(handle: string): string | undefined {
  const slash = handle.indexOf('/');
  return slash < 0 ? undefined : handle.slice(0, slash);
}

/** The key two spellings of one handle share: lookups ignore case, as on real servers. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}

/** Whether a prefix is the one this server serves, ignoring case. */
export function isServedPrefix(prefix: string | undefined, servedPrefix: string): boolean {
  return prefix !== undefined && prefix.toLowerCase() === servedPrefix.toLowerCase();
}

/**
 * Refuses with responseCode 301 a handle this server is not home to. A name without a slash
 * (`noslash`, or a bare prefix) is one of those, as on real servers; an empty name is refused
 * without a `handle` field.
 */
export function assertServedPrefix(handle: string, servedPrefix: string): void {
  if (isServedPrefix(prefixOf(handle), servedPrefix)) return;

  throw new HandleApiError(
    RESPONSE_CODE.notResponsible,
    `That prefix doesn't live here; this server is home to ${servedPrefix} only`,
    { handle: handle === '' ? undefined : handle },
  );
}

/** Refuses an empty handle name with responseCode 102, as a resolution of `/api/handles/`. */
export function assertNamed(handle: string): void {
  if (handle !== '') return;

  throw new HandleApiError(RESPONSE_CODE.invalidHandle, 'Empty handle invalid');
}
