import { describe, expect, it } from '@jest/globals';

import { resolveSourceOptions, type KafkaSourceOptions } from './kafka-source-options.js';

const BASE: KafkaSourceOptions = {
  kafka: { 'bootstrap.servers': 'kafka:9092', 'group.id': 'piddi' },
  topic: 'esgf.stac.items',
  handler: async () => undefined,
};

describe('resolveSourceOptions', () => {
  it('fills in the documented defaults', () => {
    const options = resolveSourceOptions(BASE);

    expect(options).toMatchObject({ maxInFlight: 16, commitIntervalMs: 1000, pollTimeoutMs: 100 });
  });

  it.each([0, Infinity])('accepts a drain timeout of %s', (drainTimeoutMs) => {
    expect(resolveSourceOptions({ ...BASE, drainTimeoutMs }).drainTimeoutMs).toBe(drainTimeoutMs);
  });

  it.each<[string, Partial<KafkaSourceOptions>]>([
    ['no topic', { topic: '' }],
    ['a retry topic equal to the topic', { retryTopic: 'esgf.stac.items' }],
    ['no room for a message in flight', { maxInFlight: 0 }],
    ['a fractional in-flight bound', { maxInFlight: 2.5 }],
    ['a negative drain timeout', { drainTimeoutMs: -1 }],
    ['a zero poll timeout', { pollTimeoutMs: 0 }],
    ['an endless revoke timeout', { revokeTimeoutMs: Infinity }],
    ['a drain timeout that is not a number', { drainTimeoutMs: Number.NaN }],
  ])('rejects %s with KAFKA_CONFIG_INVALID', (_name, change) => {
    expect(() => resolveSourceOptions({ ...BASE, ...change })).toThrow(
      expect.objectContaining({ code: 'KAFKA_CONFIG_INVALID' }),
    );
  });
});
