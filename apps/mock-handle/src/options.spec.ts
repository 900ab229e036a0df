import { describe, it, expect } from '@jest/globals';
import { resolveSettings } from './options.js';

describe('resolveSettings', () => {
  it('applies the defaults', () => {
    const settings = resolveSettings();

    expect(settings).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      prefix: '21.TEST',
      user: { index: 300, handle: '21.TEST/testuser' },
      password: 'testpass',
      latencyMs: 0,
      failRate: 0,
      storeFile: undefined,
    });
  });

  it('keeps defaults for options given as undefined', () => {
    expect(resolveSettings({ prefix: undefined }).prefix).toBe('21.TEST');
  });

  it.each([
    ['a user name without index', { username: '21.TEST/testuser' }],
    ['a port above 65535', { port: 70000 }],
    ['a fractional port', { port: 80.5 }],
    ['a negative latency', { latencyMs: -1 }],
    ['a fail rate above 1', { failRate: 1.5 }],
    ['a fail rate that is not a number', { failRate: Number.NaN }],
    ['a prefix with a slash', { prefix: '0.NA/21.TEST' }],
  ])('refuses %s', (_case, options) => {
    expect(() => resolveSettings(options)).toThrow(
      expect.objectContaining({ name: 'MockHandleError', code: 'INVALID_OPTIONS' }),
    );
  });
});
