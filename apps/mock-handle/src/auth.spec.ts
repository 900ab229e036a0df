import { describe, it, expect } from '@jest/globals';
import {
  assertAuthenticated,
  assertPermitted,
  type Caller,
  identifyCaller,
  parseBasicCredentials,
  parseHandleUser,
} from './auth.js';
import { HandleApiError } from './response-codes.js';

const USER = { index: 300, handle: '21.TEST/testuser' };

function basic(credentials: string): string {
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

function refusalOf(action: () => void): [number, number] | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof HandleApiError) return [error.status, error.responseCode];
    throw error;
  }
  return undefined;
}

describe('parseHandleUser', () => {
  it.each([
    ['300:21.TEST/testuser', { index: 300, handle: '21.TEST/testuser' }],
    ['0300:21.TEST/testuser', { index: 300, handle: '21.TEST/testuser' }],
    ['1:0.NA/21.TEST', { index: 1, handle: '0.NA/21.TEST' }],
  ])('reads %s', (username, user) => {
    expect(parseHandleUser(username)).toEqual(user);
  });

  it.each([['21.TEST/testuser'], ['0:21.TEST/testuser'], ['300:testuser'], ['x:21.TEST/a']])(
    'refuses %s',
    (username) => {
      expect(parseHandleUser(username)).toBeUndefined();
    },
  );
});

describe('parseBasicCredentials', () => {
  it.each([
    ['300%3A21.TEST%2Ftestuser:testpass', '300:21.TEST/testuser', 'testpass'],
    ['300%3A21.TEST/testuser:testpass', '300:21.TEST/testuser', 'testpass'],
    ['300%3A21.TEST%2Ftestuser:pass:word', '300:21.TEST/testuser', 'pass:word'],
    ['300%3A21.TEST%2Ftestuser:', '300:21.TEST/testuser', ''],
    // Split at the first colon, an unencoded user name leaves its handle in the password.
    ['300:21.TEST/testuser:testpass', '300', '21.TEST/testuser:testpass'],
  ])('reads %s', (credentials, username, password) => {
    expect(parseBasicCredentials(basic(credentials))).toEqual({ username, password });
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Handle sessionId="abc"'],
    ['no colon', basic('justauser')],
    ['broken percent-encoding', basic('300%3:secret')],
  ])('reads nothing from %s', (_case, header) => {
    expect(parseBasicCredentials(header)).toBeUndefined();
  });
});

describe('identifyCaller', () => {
  it.each<[string, string | undefined, Caller | undefined]>([
    ['no credentials', undefined, 'anonymous'],
    ['the admin, percent-encoded', basic('300%3A21.TEST%2Ftestuser:testpass'), 'admin'],
    ['the admin spelled in another case', basic('300%3A21.test%2FTESTUSER:testpass'), 'stranger'],
    ['the admin not percent-encoded', basic('300:21.TEST/testuser:testpass'), undefined],
    ['a wrong password', basic('300%3A21.TEST%2Ftestuser:wrong'), undefined],
    ['another index', basic('301%3A21.TEST%2Ftestuser:testpass'), undefined],
    ['another user', basic('300%3A21.TEST%2Fother:testpass'), undefined],
    ['a session header', 'Handle sessionId="abc"', undefined],
    ['an empty Basic header', 'Basic', undefined],
  ])('takes %s for %s', (_case, header, caller) => {
    expect(identifyCaller(header, USER, 'testpass')).toBe(caller);
  });
});

describe('assertAuthenticated and assertPermitted', () => {
  it.each<[Caller, [number, number] | undefined, [number, number] | undefined]>([
    ['anonymous', [401, 402], [401, 402]],
    ['stranger', undefined, [403, 400]],
    ['admin', undefined, undefined],
  ])('answer a %s caller with %j and %j', (caller, authenticated, permitted) => {
    expect(refusalOf(() => assertAuthenticated(caller, '21.TEST/a'))).toEqual(authenticated);
    expect(refusalOf(() => assertPermitted(caller, '21.TEST/a'))).toEqual(permitted);
  });
});
