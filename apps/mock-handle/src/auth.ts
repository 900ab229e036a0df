import { HandleApiError, RESPONSE_CODE } from './response-codes.js';

/** A Handle user name, `300:21.TEST/testuser`: the index of its key in its admin handle. */
export interface HandleUser {
  index: number;
  handle: string;
}

/** User name and password read from a Basic Authorization header. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/**
 * Who sent a request: nobody, the configured admin, or a stranger, whose credentials check out
 * but who is not the admin named in HS_ADMIN values (the admin handle spelled in another case).
 */
export type Caller = 'anonymous' | 'admin' | 'stranger';

const USER_NAME = /^(\d+):(.+\/.+)$/;

/** Splits a user name `INDEX:PREFIX/SUFFIX`; undefined when it is not one. */
export function parseHandleUser(username: string): HandleUser | undefined {
  const match = USER_NAME.exec(username);
  if (!match) return undefined;

  const index = Number(match[1]);
  return index > 0 ? { index, handle: match[2] } : undefined;
}

/**
 * Reads `Authorization: Basic ...`. Like real servers it splits user and password at the first
 * colon and then percent-decodes the user, so the user name, which holds a colon itself, must
 * be percent-encoded (`300%3A21.TEST%2Fuser:secret`).
 */
export function parseBasicCredentials(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const username = decodePercent(decoded.slice(0, colon));
  return username === undefined ? undefined : { username, password: decoded.slice(colon + 1) };
}

/**
 * Tells who sent a request; undefined when it carries credentials that do not check out, which
 * real servers refuse with 401 and no body before looking at anything else.
 */
export function identifyCaller(
  header: string | undefined,
  user: HandleUser,
  password: string,
): Caller | undefined {
  if (header === undefined) return 'anonymous';

  const credentials = parseBasicCredentials(header);
  const given = credentials && parseHandleUser(credentials.username);
  if (!given || given.index !== user.index || credentials.password !== password) return undefined;
  if (given.handle.toLowerCase() !== user.handle.toLowerCase()) return undefined;
  return given.handle === user.handle ? 'admin' : 'stranger';
}

/** Refuses with 401 and responseCode 402 a request sent without credentials. */
export function assertAuthenticated(caller: Caller, handle: string): void {
  if (caller !== 'anonymous') return;

  throw new HandleApiError(
    RESPONSE_CODE.authenticationNeeded,
    'Authentication needed: send HTTP Basic credentials of an admin user',
    { handle: handle === '' ? undefined : handle },
  );
}

/**
 * Refuses with 403 and responseCode 400 a caller that is not the admin: real servers compare the
 * identity with HS_ADMIN values letter by letter, so another spelling of the admin lacks rights.
 */
export function assertPermitted(caller: Caller, handle: string): void {
  assertAuthenticated(caller, handle);
  if (caller === 'admin') return;

  throw new HandleApiError(
    RESPONSE_CODE.insufficientPermissions,
    `Insufficient permissions: the admin handle must be spelled as in HS_ADMIN`,
    { handle: handle === '' ? undefined : handle },
  );
}

function decodePercent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
