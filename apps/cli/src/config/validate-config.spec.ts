import { describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ConfigIssue } from './errors.js';
import { useTomlFiles } from './toml-files.fixture.js';
import { validateConfigFile } from './validate-config.js';

const PRODUCTION_TOML = `
[handle]
server_url = "https://handle.example.org:8000"
prefix = "21.14100"
username = "300:21.14100/piddi"
password = ""
`;
const PRODUCTION_ENV = { PIDDI_HANDLE_PASSWORD: 'from-the-vault' };

const writeToml = useTomlFiles();

function codesAndKeys(issues: ConfigIssue[]): Array<[string, string | undefined]> {
  return issues.map((issue) => [issue.code, issue.key]);
}

describe('validateConfigFile', () => {
  it('finds nothing wrong in a production configuration with the password in the environment', () => {
    const file = writeToml('production.toml', PRODUCTION_TOML);

    const report = validateConfigFile(file, PRODUCTION_ENV);

    expect(report).toEqual({ errors: [], warnings: [] });
  });

  it('collects every error instead of throwing, each naming its key and source', () => {
    const file = writeToml('wrong.toml', '[handle]\ntimeout_ms = -5\n[stats]\nenable_db = "yes"\n');

    const report = validateConfigFile(file, {});

    expect(codesAndKeys(report.errors)).toEqual([
      ['CONFIG_INVALID', 'handle.timeout_ms'],
      ['CONFIG_INVALID', 'stats.enable_db'],
    ]);
    expect(report.errors.every((issue) => issue.source === file)).toBe(true);
  });

  it('refuses a retry topic equal to the topic, naming consumer.retry_topic', () => {
    const file = writeToml('same-topic.toml', '[consumer]\ntopic = "esgf"\nretry_topic = "esgf"\n');

    const report = validateConfigFile(file, PRODUCTION_ENV);

    expect(codesAndKeys(report.errors)).toEqual([['CONFIG_INVALID', 'consumer.retry_topic']]);
  });

  it('adds the findings of the given checks to the errors of a well-typed configuration', () => {
    const file = writeToml('production-checked.toml', PRODUCTION_TOML);
    const issue: ConfigIssue = { code: 'CONFIG_INVALID', key: 'kafka', message: 'refused' };

    const report = validateConfigFile(file, PRODUCTION_ENV, [() => [issue]]);

    expect(report.errors).toEqual([issue]);
  });

  it('runs no check on values that are already wrong', () => {
    const file = writeToml('wrong-checked.toml', '[handle]\ntimeout_ms = -5\n');
    let checked = false;

    validateConfigFile(file, PRODUCTION_ENV, [
      () => {
        checked = true;
        return [];
      },
    ]);

    expect(checked).toBe(false);
  });

  it('reports a missing file as an error', () => {
    const report = validateConfigFile(join(tmpdir(), 'piddi-no-such-folder', 'absent.toml'), {});

    expect(report.errors.map((issue) => issue.code)).toEqual(['CONFIG_FILE_NOT_FOUND']);
  });

  it('validates the built-in configuration when no file is given', () => {
    const report = validateConfigFile(undefined, { PIDDI_STATS_INTERVAL_SECONDS: '0' });

    expect(codesAndKeys(report.errors)).toEqual([['CONFIG_INVALID', 'stats.interval_seconds']]);
  });

  it('warns about the demo user and password of the built-in configuration', () => {
    const report = validateConfigFile(undefined, {});

    expect(codesAndKeys(report.warnings)).toEqual([
      ['DEMO_CREDENTIALS', 'handle.password'],
      ['DEMO_CREDENTIALS', 'handle.username'],
    ]);
  });

  it('warns about the test prefix on a server that is not local', () => {
    const file = writeToml('test-prefix.toml', PRODUCTION_TOML.replace('21.14100"', '21.TEST"'));

    const report = validateConfigFile(file, PRODUCTION_ENV);

    expect(codesAndKeys(report.warnings)).toEqual([['DEMO_CREDENTIALS', 'handle.prefix']]);
  });

  it('accepts the test prefix on a local server', () => {
    const file = writeToml('local.toml', '[handle]\nusername = "300:21.TEST/me"\n');

    const report = validateConfigFile(file, PRODUCTION_ENV);

    expect(report.warnings).toEqual([]);
  });

  it('warns when TLS verification is off, for the Handle server and for Kafka', () => {
    const file = writeToml(
      'no-tls.toml',
      `${PRODUCTION_TOML}verify_tls = false\n[kafka]\n"enable.ssl.certificate.verification" = false\n`,
    );

    const report = validateConfigFile(file, PRODUCTION_ENV);

    expect(codesAndKeys(report.warnings)).toEqual([
      ['TLS_VERIFICATION_DISABLED', 'handle.verify_tls'],
      ['TLS_VERIFICATION_DISABLED', 'kafka.enable.ssl.certificate.verification'],
    ]);
  });

  it('warns about passwords written in the file and points to the variable to use', () => {
    const file = writeToml(
      'plaintext.toml',
      `${PRODUCTION_TOML.replace('password = ""', 'password = "s3cret-1"')}` +
        '[kafka]\n"sasl.password" = "s3cret-2"\n',
    );

    const report = validateConfigFile(file, {});

    const plaintext = report.warnings.filter((issue) => issue.code === 'PLAINTEXT_SECRET');
    expect(plaintext.map((issue) => issue.key)).toEqual(['handle.password', 'kafka.sasl.password']);
    expect(plaintext[0].message).toContain('PIDDI_HANDLE_PASSWORD');
    expect(plaintext[1].message).toContain('PIDDI_KAFKA_SASL_PASSWORD');
    expect(JSON.stringify(report)).not.toMatch(/s3cret/);
  });

  it('warns about a PIDDI_ variable that names no section', () => {
    const file = writeToml('plain.toml', PRODUCTION_TOML);

    const report = validateConfigFile(file, { ...PRODUCTION_ENV, PIDDI_HANDEL_PASSWORD: 'x' });

    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_ENV_VARIABLE',
        source: 'environment variable PIDDI_HANDEL_PASSWORD',
      }),
    ]);
  });
});
