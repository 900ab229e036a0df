import { beforeAll, describe, expect, it } from '@jest/globals';
import TOML from '@iarna/toml';

import type { PiddiConfig } from './config-types.js';
import { ConfigError } from './errors.js';
import { loadConfig } from './load-config.js';
import { REDACTED } from './redact-config.js';
import { showConfig } from './show-config.js';

const SECRETS = ['handle-pw-1', 'es-pw-2', 'sasl-pw-3', 'key-pw-4'];

let config: PiddiConfig;

beforeAll(() => {
  config = loadConfig({
    env: {
      PIDDI_HANDLE_PASSWORD: SECRETS[0],
      PIDDI_ELASTICSEARCH_PASSWORD: SECRETS[1],
      PIDDI_KAFKA_SASL_PASSWORD: SECRETS[2],
      PIDDI_KAFKA_SSL_KEY_PASSWORD: SECRETS[3],
    },
  });
});

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function catchConfigError(show: () => unknown): ConfigError {
  try {
    show();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('showConfig', () => {
  it('prints the whole configuration as TOML with every secret masked', () => {
    const text = showConfig(config);

    const shown = TOML.parse(text) as unknown as PiddiConfig;
    expect(shown.handle.password).toBe(REDACTED);
    expect(shown.elasticsearch.password).toBe(REDACTED);
    expect(shown.kafka['sasl.password']).toBe(REDACTED);
    expect(shown.kafka['ssl.key.password']).toBe(REDACTED);
    expect(shown.handle.timeout_ms).toBe(config.handle.timeout_ms);
    expectNoSecret(text);
  });

  it('prints the whole configuration as JSON with every secret masked', () => {
    const text = showConfig(config, { format: 'json' });

    const shown = JSON.parse(text) as PiddiConfig;
    expect(shown.handle).toEqual({ ...config.handle, password: REDACTED });
    expect(shown.consumer).toEqual(config.consumer);
    expectNoSecret(text);
  });

  it('prints one section under its own header', () => {
    const text = showConfig(config, { section: 'handle' });

    expect(text.startsWith('[handle]\n')).toBe(true);
    expect(Object.keys(TOML.parse(text))).toEqual(['handle']);
    expectNoSecret(text);
  });

  it('prints a nested section', () => {
    const text = showConfig(config, { section: 'consumer.transient', format: 'json' });

    expect(JSON.parse(text)).toEqual(config.consumer.transient);
  });

  it.each([
    [{ key: 'handle.timeout_ms' }],
    [{ section: 'handle', key: 'timeout_ms' }],
    [{ section: 'handle', key: 'handle.timeout_ms' }],
  ])('prints a single key named as %j', (options) => {
    expect(showConfig(config, { ...options, format: 'json' })).toBe('10000');
    expect(TOML.parse(showConfig(config, options))).toEqual({ timeout_ms: 10000 });
  });

  it('prints a dotted [kafka] key, masked when it is a secret', () => {
    const options = { section: 'kafka', key: 'sasl.password', format: 'json' as const };

    expect(showConfig(config, { ...options, key: 'bootstrap.servers' })).toBe('"localhost:9092"');
    expect(showConfig(config, options)).toBe(`"${REDACTED}"`);
  });

  it('leaves an empty secret empty, so an unset password is visible', () => {
    const plain = loadConfig({ env: {} });

    expect(showConfig(plain, { key: 'elasticsearch.password', format: 'json' })).toBe('""');
  });

  it('reports an unknown key together with the keys of its section', () => {
    const error = catchConfigError(() => showConfig(config, { section: 'handle', key: 'pasword' }));

    expect(error.code).toBe('CONFIG_KEY_NOT_FOUND');
    expect(error.key).toBe('handle.pasword');
    expect(error.message).toContain('timeout_ms');
  });

  it('reports an unknown section together with the sections that exist', () => {
    const error = catchConfigError(() => showConfig(config, { section: 'handel' }));

    expect(error.code).toBe('CONFIG_KEY_NOT_FOUND');
    expect(error.key).toBe('handel');
    expect(error.message).toContain('plugins.cmip6');
  });
});
