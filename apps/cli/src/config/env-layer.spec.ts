import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { coerceEnvValue, resolveEnvName } from './env-layer.js';
import { ConfigError } from './errors.js';
import { loadConfig } from './load-config.js';

describe('resolveEnvName', () => {
  it.each([
    ['PIDDI_HANDLE_PASSWORD', ['handle', 'password']],
    ['PIDDI_CONSUMER_MAX_ERRORS', ['consumer', 'max_errors']],
    ['PIDDI_CONSUMER_TRANSIENT_RETRIES', ['consumer', 'transient', 'retries']],
    ['PIDDI_PLUGINS_CMIP6_MAX_PARTS', ['plugins', 'cmip6', 'max_parts']],
    ['PIDDI_KAFKA_BOOTSTRAP_SERVERS', ['kafka', 'bootstrap.servers']],
    ['PIDDI_KAFKA_SASL_PASSWORD', ['kafka', 'sasl.password']],
    ['PIDDI_STATS_DB_PATH', ['stats', 'db_path']],
  ])('maps %s to its key', (name, path) => {
    expect(resolveEnvName(name)).toEqual(path);
  });

  it.each(['PIDDI_HANDEL_PASSWORD', 'PIDDI_HANDLE_', 'PIDDI_HANDLE', 'PIDDI_'])(
    'maps %s to no key',
    (name) => {
      expect(resolveEnvName(name)).toBeUndefined();
    },
  );
});

describe('coerceEnvValue', () => {
  it.each([
    ['42', 1, 42],
    [' -1 ', 1, -1],
    ['2.5', 1, 2.5],
    ['soon', 1, 'soon'],
    ['', 1, ''],
    ['true', false, true],
    ['YES', false, true],
    ['0', true, false],
    ['off', true, false],
    ['maybe', true, 'maybe'],
    ['a, b,,c', ['x'], ['a', 'b', 'c']],
    ['["x","y"]', ['x'], ['x', 'y']],
    ['', ['x'], []],
    ['[broken', ['x'], '[broken'],
    ['42', 'text', '42'],
    ['SASL_SSL', undefined, 'SASL_SSL'],
  ])('turns %j into the type of %j', (raw, template, expected) => {
    expect(coerceEnvValue(raw, template)).toEqual(expected);
  });
});

describe('loadConfig with environment variables', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'piddi-env-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('converts values to the type of the default they replace', () => {
    const env = {
      PIDDI_CONSUMER_MAX_ERRORS: '-1',
      PIDDI_SCHEMA_STRICT_MODE: 'true',
      PIDDI_PLUGINS_CMIP6_EXCLUDED_ASSET_KEYS: 'globus,thumbnail',
      PIDDI_CONSUMER_TRANSIENT_RETRIES: '7',
    };

    const config = loadConfig({ env });

    expect(config.consumer.max_errors).toBe(-1);
    expect(config.schema.strict_mode).toBe(true);
    expect(config.plugins.cmip6.excluded_asset_keys).toEqual(['globus', 'thumbnail']);
    expect(config.consumer.transient.retries).toBe(7);
  });

  it('writes underscores of [kafka] names as dots', () => {
    const env = {
      PIDDI_KAFKA_BOOTSTRAP_SERVERS: 'broker:9093',
      PIDDI_KAFKA_SASL_MECHANISMS: 'PLAIN',
    };

    const config = loadConfig({ env });

    expect(config.kafka['bootstrap.servers']).toBe('broker:9093');
    expect(config.kafka['sasl.mechanisms']).toBe('PLAIN');
  });

  it('gives a [kafka] value the type the file gave it', () => {
    const file = join(dir, 'kafka.toml');
    writeFileSync(file, '[kafka]\n"session.timeout.ms" = 45000\n');
    const env = { PIDDI_KAFKA_SESSION_TIMEOUT_MS: '30000' };

    const config = loadConfig({ files: [file], env });

    expect(config.kafka['session.timeout.ms']).toBe(30000);
  });

  it('rejects a variable naming an unknown key of a known section', () => {
    const env = { PIDDI_HANDLE_PASWORD: 'x' };

    const load = () => loadConfig({ env });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        key: 'handle.pasword',
        source: 'environment variable PIDDI_HANDLE_PASWORD',
      }),
    );
  });

  it('leaves variables without the PIDDI_ prefix alone', () => {
    const config = loadConfig({ env: { HANDLE_PASSWORD: 'x', PATH: '/bin' } });

    expect(config.handle.password).toBe('testpass');
  });
});
