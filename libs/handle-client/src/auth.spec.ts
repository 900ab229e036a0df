import { describe, expect, it } from '@jest/globals';

import { buildAuthorizationHeader, createRedactor, validateAuth } from './auth.js';

const decodeBasic = (header: string) =>
  Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');

describe('buildAuthorizationHeader', () => {
  it('percent-encodes the index:handle user name inside Basic credentials', () => {
    const header = buildAuthorizationHeader({ username: '300:21.TEST/testuser', password: 'pass' });

    expect(header).toMatch(/^Basic /);
    expect(decodeBasic(header)).toBe('300%3A21.TEST%2Ftestuser:pass');
  });

  it('leaves the password as it is, colons and non-ASCII included', () => {
    const header = buildAuthorizationHeader({ username: '300:21.TEST/u', password: 'a:b/ä' });

    expect(decodeBasic(header)).toBe('300%3A21.TEST%2Fu:a:b/ä');
  });

  it('announces a client certificate with the Handle scheme', () => {
    const header = buildAuthorizationHeader({ clientCert: { cert: 'C', key: 'K' } });

    expect(header).toBe('Handle clientCert="true"');
  });
});

describe('validateAuth', () => {
  const https = new URL('https://hdl.example.org/');

  it.each([
    ['a user name without index', { username: '21.TEST/u', password: 'p' }, https],
    ['a user name without handle', { username: '300:abc', password: 'p' }, https],
    ['an empty password', { username: '300:21.TEST/u', password: '' }, https],
    ['a client certificate without key', { clientCert: { cert: 'C', key: '' } }, https],
    [
      'a client certificate over plain HTTP',
      { clientCert: { cert: 'C', key: 'K' } },
      new URL('http://hdl.example.org/'),
    ],
  ])('refuses %s', (_case, auth, baseUrl) => {
    expect(() => validateAuth(auth, baseUrl)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it('accepts an index:handle user with a password', () => {
    expect(() =>
      validateAuth({ username: '300:0.NA/21.TEST', password: 'p' }, https),
    ).not.toThrow();
  });
});

describe('createRedactor', () => {
  const auth = { username: '300:21.TEST/testuser', password: 'se cret/1' };
  const redact = createRedactor(auth);

  it.each([
    ['the password', 'se cret/1'],
    ['the percent-encoded password', encodeURIComponent('se cret/1')],
    ['the Basic token', buildAuthorizationHeader(auth).slice(6)],
  ])('removes %s from text', (_case, secret) => {
    expect(redact(`before ${secret} after`)).toBe('before [redacted] after');
  });

  it('leaves text without credentials unchanged', () => {
    expect(createRedactor(undefined)('nothing secret')).toBe('nothing secret');
  });
});
