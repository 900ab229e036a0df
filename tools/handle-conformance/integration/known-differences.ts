import { it } from '@jest/globals';

import type { ServerKind } from './servers.js';

/** Where a server (or the client against it) answers differently from the real Handle server. */
export interface KnownDifference {
  /** The servers on which the test fails until the fix lands. */
  affects: readonly ServerKind[];
  /** What the real server does, what the other side does, and the fix. */
  fix: string;
}

/**
 * Every behaviour on which the mock server (or the client) still differs from the real Handle
 * server. The tests keep asserting the real server's behaviour; on an affected server they run
 * as `it.failing`, so they pass while the difference exists and fail as soon as it is fixed:
 * then delete the entry here.
 */
export const KNOWN_DIFFERENCES = {
  MOCK_ADDS_HS_ADMIN: {
    affects: ['mock'],
    fix:
      'The real server stores exactly the values of a PUT; a record without HS_ADMIN stays ' +
      'so, and one with no values resolves to 200 {responseCode: 200, values: []}. The mock ' +
      'adds HS_ADMIN at index 100: stop adding it.',
  },
  MOCK_SORTS_VALUES: {
    affects: ['mock'],
    fix:
      'The real server returns values in the order the PUT listed them (written [3, 1] reads ' +
      '[3, 1]); the mock sorts by index: keep the written order.',
  },
  MOCK_KEEPS_STRING_ADMIN_INDEX: {
    affects: ['mock'],
    fix:
      'An HS_ADMIN value sent with data.value.index "300" (as pyhandle sends it) reads back ' +
      'with index 300, a number; the mock echoes the string: store it as an integer.',
  },
  MOCK_KEEPS_BASE64: {
    affects: ['mock'],
    fix:
      'The real server stores bytes and answers {format: "string"} when they are UTF-8 text ' +
      'without control bytes (else base64); base64 "aGVsbG8=" reads back as string "hello". ' +
      'The mock echoes the format sent: decode base64 and hex data and apply that rule.',
  },
  MOCK_MINT_SUFFIX_START: {
    affects: ['mock'],
    fix:
      'PUT /api/handles/PREFIX/dataset-?mintNewSuffix=true makes PREFIX/dataset-<uuid> (201) ' +
      'on the real server; the mock answers 400: append the UUID to the suffix start given.',
  },
  MOCK_MINT_WITHOUT_SLASH: {
    affects: ['mock'],
    fix:
      'PUT /api/handles/PREFIX?mintNewSuffix=true (no trailing slash) gets 400 with ' +
      'responseCode 301 from the real server, which reads PREFIX as a handle it is not home ' +
      'to; the mock mints: answer 301.',
  },
  MOCK_NAME_WITHOUT_SLASH: {
    affects: ['mock'],
    fix:
      'GET or PUT /api/handles/noslash gets 400 {responseCode: 301, handle: "noslash"} ("That ' +
      'prefix doesn\'t live here") from the real server; the mock answers 102, which the real ' +
      'server sends only for an empty name (GET /api/handles/).',
  },
  MOCK_DUPLICATE_INDEX: {
    affects: ['mock'],
    fix:
      'Two values at one index in one PUT get 409 with responseCode 201 ("Index conflict for ' +
      '1") from the real server; the mock answers 400/202.',
  },
  MOCK_UNREADABLE_BODY: {
    affects: ['mock'],
    fix:
      'A body that is not JSON, a data format the server does not know, a value without type, ' +
      'or ?index= differing from the indexes sent get 400 with responseCode 4 (protocol ' +
      'error) from the real server; the mock answers 202 (or checks the handle first and ' +
      'answers 404). Keep 202 for values that parse but are invalid (index below 1).',
  },
  MOCK_ACCEPTS_ANY_CONTENT_TYPE: {
    affects: ['mock'],
    fix:
      'A PUT without Content-Type: application/json gets 400/4 ("Unsupported media type") ' +
      'from the real server; the mock accepts it: refuse it the same way.',
  },
  MOCK_IGNORES_BODY_HANDLE: {
    affects: ['mock'],
    fix:
      'A PUT body whose "handle" names another handle than the URL gets 400/4 ("Mismatched ' +
      'handle in PUT request") from the real server; the mock ignores the field: compare it ' +
      'case-insensitively and refuse.',
  },
  MOCK_ACCEPTS_UNENCODED_USER: {
    affects: ['mock'],
    fix:
      'Basic credentials with the user not percent-encoded (300:PREFIX/ADMIN:secret) get 401 ' +
      'from the real server, which splits at the first colon; the mock accepts them: split at ' +
      'the first colon, then percent-decode the user.',
  },
  MOCK_OMITS_EMPTY_VALUES: {
    affects: ['mock'],
    fix:
      'A GET whose index or type filter matches nothing gets 200 {responseCode: 200, handle, ' +
      'values: []} from the real server; the mock sends no values: add values: [].',
  },
  MOCK_ECHOES_STORED_NAME: {
    affects: ['mock'],
    fix:
      'The real server echoes the handle as the request spelled it (GET 21.t9999/case-x of ' +
      'stored 21.T9999/Case-x answers handle "21.t9999/case-x"); the mock echoes the stored ' +
      "spelling: echo the URL's.",
  },
  MOCK_LISTS_STORED_CASE: {
    affects: ['mock'],
    fix:
      'A case-insensitive real server lists names in upper case (21.T9999/LISTED-1A2B) sorted ' +
      'by that form; the mock lists the stored spelling: upper-case names in listings.',
  },
  MOCK_PAGES_WITHOUT_PAGE: {
    affects: ['mock'],
    fix:
      'GET /api/handles?prefix=P with page or pageSize missing gets every handle and no page ' +
      'or pageSize field from the real server; the mock pages and adds them: page only when ' +
      'both are given.',
  },
  CLIENT_READS_EMPTY_401_AS_UNEXPECTED: {
    affects: ['real'],
    fix:
      'The real server answers a wrong password or an unknown admin with 401 and an empty ' +
      'body, and the client reports UNEXPECTED_RESPONSE because there is no responseCode; ' +
      'classifyAnswer in libs/handle-client/src/error-mapping.ts must map 401 to ' +
      'AUTHENTICATION_FAILED and 403 to PERMISSION_DENIED before looking at responseCode.',
  },
} as const satisfies Record<string, KnownDifference>;

export type KnownDifferenceId = keyof typeof KNOWN_DIFFERENCES;

type TestBody = () => Promise<void>;

/**
 * An `it` that runs the test as is, or as `it.failing` when a known difference affects this
 * kind of server; the title then names the difference.
 */
export function conformingIt(kind: ServerKind) {
  return (title: string, body: TestBody, known?: KnownDifferenceId): void => {
    const difference: KnownDifference | undefined = known ? KNOWN_DIFFERENCES[known] : undefined;
    if (difference?.affects.includes(kind)) {
      it.failing(`${title} [known difference ${known}]`, body);
      return;
    }
    it(title, body);
  };
}
