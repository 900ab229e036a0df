import { describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { collectConfigWarnings } from './config-warnings.js';
import { ConfigError } from './errors.js';
import { loadConfig, loadConfigWithSources } from './load-config.js';
import { useTomlFiles } from './toml-files.fixture.js';

const writeToml = useTomlFiles();

function catchConfigError(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig merge order', () => {
  it('returns the built-in defaults when no other source is given', () => {
    const config = loadConfig({ env: {} });

    expect(config.handle.server_url).toBe('http://localhost:8000');
    expect(config.kafka['bootstrap.servers']).toBe('localhost:9092');
    expect(config.consumer.transient.retries).toBe(3);
    expect(config.plugins.cmip6.excluded_asset_keys).toContain('thumbnail');
  });

  it.each([
    ['a file over the defaults', {}, {}, 2000],
    ['the environment over a file', { PIDDI_HANDLE_TIMEOUT_MS: '3000' }, {}, 3000],
    ['flags over the environment', { PIDDI_HANDLE_TIMEOUT_MS: '3000' }, { timeout_ms: 4000 }, 4000],
  ])('lets %s win', (_, env, handle, expected) => {
    const file = writeToml('order.toml', '[handle]\ntimeout_ms = 2000\n');

    const config = loadConfig({ files: [file], env, overrides: { handle } });

    expect(config.handle.timeout_ms).toBe(expected);
  });

  it('merges several files in the order given', () => {
    const first = writeToml('first.toml', '[stats]\ninterval_seconds = 5\nenable_db = true\n');
    const second = writeToml('second.toml', '[stats]\ninterval_seconds = 7\n');

    const config = loadConfig({ files: [first, second], env: {} });

    expect(config.stats).toMatchObject({ interval_seconds: 7, enable_db: true });
  });

  it('keeps the other keys of a table when a file sets one of them', () => {
    const file = writeToml('one-key.toml', '[handle]\nprefix = "21.14100"\n');

    const config = loadConfig({ files: [file], env: {} });

    expect(config.handle.prefix).toBe('21.14100');
    expect(config.handle.max_concurrency).toBe(16);
  });

  it('replaces a list instead of appending to it', () => {
    const file = writeToml('list.toml', '[plugins.cmip6]\nexcluded_asset_keys = ["globus"]\n');

    const config = loadConfig({ files: [file], env: {} });

    expect(config.plugins.cmip6.excluded_asset_keys).toEqual(['globus']);
  });

  it('ignores flags left undefined', () => {
    const config = loadConfig({ env: {}, overrides: { handle: { prefix: undefined } } });

    expect(config.handle.prefix).toBe('21.TEST');
  });

  it('accepts any librdkafka setting in [kafka]', () => {
    const file = writeToml(
      'kafka.toml',
      '[kafka]\n"security.protocol" = "SASL_SSL"\n"session.timeout.ms" = 45000\n',
    );

    const config = loadConfig({ files: [file], env: {} });

    expect(config.kafka).toMatchObject({
      'security.protocol': 'SASL_SSL',
      'session.timeout.ms': 45000,
      'group.id': 'piddiplatsch',
    });
  });
});

describe('the keys that only libraries read', () => {
  it('take their documented defaults', () => {
    const config = loadConfig({ env: {} });

    expect(config.consumer.drain_timeout_ms).toBe(30_000);
    expect(config.stac.search_syntax).toBe('query');
    expect(config.elasticsearch.keyword_suffix).toBe('.keyword');
  });

  it('take the values of a file, the environment and flags', () => {
    const file = writeToml('libraries.toml', '[elasticsearch]\nkeyword_suffix = ""\n');
    const env = { PIDDI_CONSUMER_DRAIN_TIMEOUT_MS: '-1' };
    const overrides = { stac: { search_syntax: 'cql2-json' as const } };

    const config = loadConfig({ files: [file], env, overrides });

    expect(config.elasticsearch.keyword_suffix).toBe('');
    expect(config.consumer.drain_timeout_ms).toBe(-1);
    expect(config.stac.search_syntax).toBe('cql2-json');
  });

  it.each([
    ['stac.search_syntax', '[stac]\nsearch_syntax = "cql2-text"\n'],
    ['consumer.drain_timeout_ms', '[consumer]\ndrain_timeout_ms = -2\n'],
    ['elasticsearch.keyword_suffix', '[elasticsearch]\nkeyword_suffix = false\n'],
  ])('refuse a wrong %s, naming it', (key, toml) => {
    const file = writeToml(`${key}.toml`, toml);

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.key).toBe(key);
  });
});

describe('loadConfig failures', () => {
  it('reports a missing file with its path', () => {
    const missing = join(tmpdir(), 'piddi-no-such-folder', 'missing.toml');

    const error = catchConfigError(() => loadConfig({ files: [missing], env: {} }));

    expect(error.code).toBe('CONFIG_FILE_NOT_FOUND');
    expect(error.source).toBe(missing);
  });

  it('reports a TOML syntax error with file and line but without the offending text', () => {
    const file = writeToml('broken.toml', '[handle]\nprefix = "21.1"\npassword = "hunter2\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.code).toBe('CONFIG_PARSE_ERROR');
    expect(error.message).toContain(`${file}:3:`);
    expect(error.message).not.toContain('hunter2');
  });

  it('names the key and the file when a file sets a wrong value', () => {
    const file = writeToml('wrong.toml', '[handle]\ntimeout_ms = 0\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.key).toBe('handle.timeout_ms');
    expect(error.source).toBe(file);
  });

  it('names the key and the variable when the environment sets a wrong value', () => {
    const env = { PIDDI_HANDLE_TIMEOUT_MS: 'soon' };

    const error = catchConfigError(() => loadConfig({ env }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.key).toBe('handle.timeout_ms');
    expect(error.source).toBe('environment variable PIDDI_HANDLE_TIMEOUT_MS');
  });

  it('names the key and the flags when a flag sets a wrong value', () => {
    const overrides = { handle: { timeout_ms: 0 } };

    const error = catchConfigError(() => loadConfig({ env: {}, overrides }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.key).toBe('handle.timeout_ms');
    expect(error.source).toBe('command-line flags');
  });

  it('rejects a misspelt key in a known section', () => {
    const file = writeToml('typo.toml', '[handle]\npasword = "x"\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.key).toBe('handle.pasword');
    expect(error.source).toBe(file);
  });

  it('rejects an unknown section', () => {
    const file = writeToml('section.toml', '[handel]\nprefix = "21.1"\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.key).toBe('handel');
  });

  it('rejects a [kafka] value that is a table', () => {
    const file = writeToml('kafka-table.toml', '[kafka.ssl]\nca = "x"\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.key).toBe('kafka.ssl');
  });

  it('reports a wrong list item on the list key', () => {
    const file = writeToml('items.toml', '[plugins.cmip6]\nexcluded_asset_keys = [1, 2]\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.key).toBe('plugins.cmip6.excluded_asset_keys');
  });

  it('lists every wrong key, not only the first', () => {
    const file = writeToml('two.toml', '[stats]\ninterval_seconds = 0\n[lookup]\nbackend = "x"\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.issues.map((issue) => issue.key).sort()).toEqual([
      'lookup.backend',
      'stats.interval_seconds',
    ]);
  });

  it('never repeats a wrong secret value in the message', () => {
    const file = writeToml('secret.toml', '[handle]\npassword = 987654\n');

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.key).toBe('handle.password');
    expect(error.message).not.toContain('987654');
  });

  it.each([
    [
      'a backoff maximum below its start',
      '[consumer.transient]\nbackoff_max_ms = 10\n',
      'consumer.transient.backoff_max_ms',
    ],
    [
      'a client certificate without its key',
      '[handle]\nclient_cert = "c.pem"\n',
      'handle.client_key',
    ],
    ['a STAC look-up without a STAC API', '[lookup]\nbackend = "stac"\n', 'stac.base_url'],
    [
      'an Elasticsearch look-up without a URL',
      '[lookup]\nbackend = "elasticsearch"\n',
      'elasticsearch.url',
    ],
  ])('rejects %s', (_, text, key) => {
    const file = writeToml('rule.toml', text);

    const error = catchConfigError(() => loadConfig({ files: [file], env: {} }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.key).toBe(key);
  });
});

describe('loadConfigWithSources', () => {
  it('says which source set each value, for the start-up warnings', () => {
    const file = writeToml('sources.toml', '[handle]\nusername = "300:21.TEST/testuser"\n');

    const { config, sources } = loadConfigWithSources({
      files: [file],
      env: { PIDDI_HANDLE_PASSWORD: 'testpass' },
    });
    const messages = collectConfigWarnings(config, sources).map((warning) => warning.message);

    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'handle.password (from environment variable PIDDI_HANDLE_PASSWORD)',
        ),
        expect.stringContaining(`handle.username (from ${file})`),
      ]),
    );
  });
});
