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

const USER_NAME = /^(\d+):(.+\/.+)$/;

/** Splits a user name `INDEX:PREFIX/SUFFIX`; undefined when it is not one. */
export function parseHandleUser(username: string): HandleUser | undefined {
  const match = USER_NAME.exec(username);
  if (!match) return undefined;

  const index = Number(match[1]);
  return index > 0 ? { index, handle: match[2] } : undefined;
}

/**
 * Reads `Authorization: Basic ...`. The user name holds a colon itself, so clients
 * percent-encode it (`300%3A21.TEST%2Fuser:secret`); the unencoded form
 * (`300:21.TEST/user:secret`) is accepted too, as real servers do.
 */
export function parseBasicCredentials(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const unencoded = /^(\d+:[^:]+):(.*)$/s.exec(decoded);
  if (unencoded) return { username: unencoded[1], password: unencoded[2] };

  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const username = decodePercent(decoded.slice(0, colon));
  return username === undefined ? undefined : { username, password: decoded.slice(colon + 1) };
}

/** Whether credentials name the user (index equal, handle ignoring case) with its password. */
export function isAuthorised(
  credentials: BasicCredentials | undefined,
  user: HandleUser,
  password: string,
): boolean {
  const given = credentials && parseHandleUser(credentials.username);
  if (!given || given.index !== user.index) return false;

  return (
    given.handle.toLowerCase() === user.handle.toLowerCase() && credentials.password === password
  );
}

/** Refuses with 401 and responseCode 402 a request without the server's credentials. */
export function assertAuthorised(
  header: string | undefined,
  user: HandleUser,
  password: string,
): void {
  if (isAuthorised(parseBasicCredentials(header), user, password)) return;

  throw new HandleApiError(
    RESPONSE_CODE.authenticationNeeded,
    'Authentication needed: send HTTP Basic credentials of an admin user',
  );
}

function decodePercent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
