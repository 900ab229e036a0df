import { describe, expect, it } from '@jest/globals';

import { resolveClientSettings } from './client-options.js';
import type { HandleLogger } from './logger.js';

function recordWarnings(): { logger: HandleLogger; warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  const logger = {
    debug: ignore,
    info: ignore,
    error: ignore,
    warn: (m: string) => warnings.push(m),
  };
  return { logger, warnings };
}

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

const AUTH = { username: '300:21.TEST/testuser', password: 'testpass' };

describe('resolveClientSettings', () => {
  it('applies the documented defaults', () => {
    const settings = resolveClientSettings({ baseUrl: 'https://hdl.example.org:8000' });

    expect(settings).toMatchObject({
      rejectUnauthorized: true,
      timeoutMs: 10_000,
      maxConcurrency: 16,
      retry: { limit: 3, baseDelayMs: 200, maxDelayMs: 5000 },
    });
  });

  it('keeps a path of the base URL so that api/handles is appended below it', () => {
    const settings = resolveClientSettings({ baseUrl: 'https://h.example.org/handle?x=1' });

    expect(new URL('api/handles', settings.baseUrl).href).toBe(
      'https://h.example.org/handle/api/handles',
    );
  });

  it.each([
    ['a base URL that is no URL', { baseUrl: 'hdl.example.org' }],
    ['a base URL of another protocol', { baseUrl: 'ftp://hdl.example.org' }],
    ['credentials inside the base URL', { baseUrl: 'https://u:p@hdl.example.org' }],
    ['a zero timeout', { baseUrl: 'https://h', timeoutMs: 0 }],
    ['a malformed user name', { baseUrl: 'https://h', auth: { username: 'me', password: 'p' } }],
  ])('refuses %s', (_case, options) => {
    expect(() => resolveClientSettings(options)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it('does not repeat the password of a base URL in its error', () => {
    expect(() => resolveClientSettings({ baseUrl: 'ftp://u:hunter2@h' })).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('hunter2') }),
    );
  });

  it.each([
    'https://admin:hunter2@h:99999',
    'https://admin:hun/ter2@h:99999',
    'http//admin:hunter2@h',
  ])('does not repeat the password of the base URL %s that fails to parse', (baseUrl) => {
    const refusal = captureError(() => resolveClientSettings({ baseUrl }));

    expect(refusal).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(refusal.message).not.toMatch(/hunter2|hun|ter2/);
    expect(refusal.message).toContain('[redacted]@');
  });

  it('warns when TLS verification is turned off', () => {
    const { logger, warnings } = recordWarnings();

    resolveClientSettings({ baseUrl: 'https://h', rejectUnauthorized: false, logger });

    expect(warnings).toEqual([expect.stringContaining('verification is off')]);
  });

  it('warns when a password would travel over plain HTTP to another machine', () => {
    const { logger, warnings } = recordWarnings();

    resolveClientSettings({ baseUrl: 'http://hdl.example.org', auth: AUTH, logger });
    resolveClientSettings({ baseUrl: 'http://127.0.0.1:8000', auth: AUTH, logger });

    expect(warnings).toEqual([expect.stringContaining('unencrypted')]);
  });
});
