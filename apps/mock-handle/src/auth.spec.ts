import { describe, it, expect } from '@jest/globals';
import { isAuthorised, parseBasicCredentials, parseHandleUser } from './auth.js';

const USER = { index: 300, handle: '21.TEST/testuser' };

function basic(credentials: string): string {
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

describe('parseHandleUser', () => {
  it.each([
    ['300:21.TEST/testuser', { index: 300, handle: '21.TEST/testuser' }],
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
    ['300:21.TEST/testuser:testpass', '300:21.TEST/testuser', 'testpass'],
    ['300:21.TEST/testuser:pass:with:colons', '300:21.TEST/testuser', 'pass:with:colons'],
    ['300%3A21.TEST%2Ftestuser:pass:word', '300:21.TEST/testuser', 'pass:word'],
    ['300:21.TEST/testuser:', '300:21.TEST/testuser', ''],
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

describe('isAuthorised', () => {
  it('accepts the user with its password', () => {
    const credentials = { username: '300:21.TEST/testuser', password: 'testpass' };
    expect(isAuthorised(credentials, USER, 'testpass')).toBe(true);
  });

  it('accepts the user handle in another case', () => {
    const credentials = { username: '300:21.test/TESTUSER', password: 'testpass' };
    expect(isAuthorised(credentials, USER, 'testpass')).toBe(true);
  });

  it.each([
    ['a wrong password', '300:21.TEST/testuser', 'wrong'],
    ['another index', '301:21.TEST/testuser', 'testpass'],
    ['another user', '300:21.TEST/other', 'testpass'],
    ['a name that is no handle user', 'testuser', 'testpass'],
  ])('refuses %s', (_case, username, password) => {
    expect(isAuthorised({ username, password }, USER, 'testpass')).toBe(false);
  });

  it('refuses missing credentials', () => {
    expect(isAuthorised(undefined, USER, 'testpass')).toBe(false);
  });
});
