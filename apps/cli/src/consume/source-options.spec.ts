import { describe, expect, it } from '@jest/globals';

import { resolveConfig, type ConfigIssue, type PiddiConfig } from '../config/index.js';
import { useTomlFiles } from '../config/toml-files.fixture.js';
import { checkConsumerSettings, consumerGroupFor, sourceOptionsFor } from './source-options.js';

const writeToml = useTomlFiles();

function codesAndKeys(issues: ConfigIssue[]): Array<[string, string | undefined]> {
  return issues.map((issue) => [issue.code, issue.key]);
}

function configWith(kafka: Record<string, string | number | boolean>) {
  const resolved = resolveConfig({ env: {}, overrides: { kafka } });
  return { config: resolved.values as unknown as PiddiConfig, sources: resolved.sources };
}

describe('checkConsumerSettings', () => {
  it('finds nothing wrong in the built-in Kafka settings', () => {
    const { config, sources } = configWith({});

    expect(checkConsumerSettings(config, sources)).toEqual([]);
  });

  it.each([
    ['enable.auto.commit', true],
    ['enable.auto.offset.store', 'true'],
  ])('refuses %s = %p as the consumer does, naming the setting and its source', (key, value) => {
    const { config, sources } = configWith({ [key]: value });

    const issues = checkConsumerSettings(config, sources);

    expect(issues).toEqual([
      expect.objectContaining({ code: 'CONFIG_INVALID', key: `kafka.${key}` }),
    ]);
    expect(issues[0]?.message).toContain(`"${key}"`);
    expect(issues[0]?.source).toBe('command-line flags');
  });

  it('refuses settings without a group id', () => {
    const { config, sources } = configWith({ 'group.id': '' });

    expect(codesAndKeys(checkConsumerSettings(config, sources))).toEqual([
      ['CONFIG_INVALID', 'kafka.group.id'],
    ]);
  });

  it('refuses a key librdkafka does not know, naming the key and the file that set it', () => {
    const file = writeToml('misspelt.toml', '[kafka]\n"bootstrap.server" = "127.0.0.1:9092"\n');
    const resolved = resolveConfig({ files: [file], env: {} });
    const config = resolved.values as unknown as PiddiConfig;

    const issues = checkConsumerSettings(config, resolved.sources);

    expect(codesAndKeys(issues)).toEqual([['CONFIG_INVALID', 'kafka.bootstrap.server']]);
    expect(issues[0]?.source).toBe(file);
    expect(issues[0]?.message).toContain(`kafka.bootstrap.server (from ${file})`);
  });

  it('names a required setting left empty', () => {
    const { config, sources } = configWith({ 'bootstrap.servers': '' });

    const issues = checkConsumerSettings(config, sources);

    expect(codesAndKeys(issues)).toEqual([['CONFIG_INVALID', 'kafka.bootstrap.servers']]);
  });
});

describe('sourceOptionsFor', () => {
  it('reads no retry topic when consumer.retry_topic is empty', () => {
    const resolved = resolveConfig({ env: {}, overrides: { consumer: { retry_topic: '' } } });
    const config = resolved.values as unknown as PiddiConfig;

    const options = sourceOptionsFor(config, { handler: async () => {} });

    expect(options.topic).toBe(config.consumer.topic);
    expect(options.retryTopic).toBeUndefined();
  });

  it.each([
    [30_000, 30_000],
    [0, 0],
    [-1, Infinity],
  ])('hands consumer.drain_timeout_ms = %p to the source as %p', (configured, expected) => {
    const overrides = { consumer: { drain_timeout_ms: configured } };
    const config = resolveConfig({ env: {}, overrides }).values as unknown as PiddiConfig;

    expect(sourceOptionsFor(config, { handler: async () => {} }).drainTimeoutMs).toBe(expected);
  });
});

describe('the consumer group of a run', () => {
  const resolved = resolveConfig({ env: {}, overrides: { kafka: { 'group.id': 'piddi' } } });
  const config = resolved.values as unknown as PiddiConfig;
  const hooks = { handler: async () => {} };

  it('is group.id for a real run', () => {
    expect(sourceOptionsFor(config, hooks, { dryRun: false }).kafka['group.id']).toBe('piddi');
  });

  it('is a group of its own for a dry run, which leaves the real group where it was', () => {
    const options = sourceOptionsFor(config, hooks, { dryRun: true });

    expect(options.kafka['group.id']).toBe('piddi.dry-run');
    expect(consumerGroupFor(config, { dryRun: true })).toBe('piddi.dry-run');
    expect(config.kafka['group.id']).toBe('piddi');
  });
});
