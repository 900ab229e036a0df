import { describe, expect, it } from '@jest/globals';

import {
  buildConsumerSettings,
  buildProducerSettings,
  redactKafkaSettings,
  type KafkaSettings,
} from './kafka-settings.js';

const BASE: KafkaSettings = { 'bootstrap.servers': 'kafka:9092', 'group.id': 'piddi' };

describe('redactKafkaSettings', () => {
  it.each([
    ['sasl.password'],
    ['ssl.key.password'],
    ['ssl.keystore.password'],
    ['ssl.key.pem'],
    ['sasl.oauthbearer.client.secret'],
    ['sasl.oauthbearer.config'],
    ['sasl.jaas.config'],
  ])('hides %s', (key) => {
    expect(redactKafkaSettings({ [key]: 'hunter2' })[key]).toBe('[redacted]');
  });

  it.each([['bootstrap.servers'], ['sasl.username'], ['sasl.mechanisms'], ['ssl.ca.location']])(
    'keeps %s',
    (key) => {
      expect(redactKafkaSettings({ [key]: 'visible' })[key]).toBe('visible');
    },
  );
});

describe('buildConsumerSettings', () => {
  it('turns off every automatic commit and offset store', () => {
    const settings = buildConsumerSettings(BASE);

    expect(settings['enable.auto.commit']).toBe(false);
    expect(settings['enable.auto.offset.store']).toBe(false);
  });

  it('starts a new group at the earliest event unless told otherwise', () => {
    expect(buildConsumerSettings(BASE)['auto.offset.reset']).toBe('earliest');
    expect(
      buildConsumerSettings({ ...BASE, 'auto.offset.reset': 'latest' })['auto.offset.reset'],
    ).toBe('latest');
  });

  it('passes any other librdkafka setting through', () => {
    const settings = buildConsumerSettings({
      ...BASE,
      'security.protocol': 'SASL_SSL',
      'fetch.min.bytes': 1,
    });

    expect(settings['security.protocol']).toBe('SASL_SSL');
    expect(settings['fetch.min.bytes']).toBe(1);
  });

  it.each<[string, KafkaSettings]>([
    ['no bootstrap servers', { 'group.id': 'piddi' }],
    ['no group id', { 'bootstrap.servers': 'kafka:9092' }],
    ['automatic commits', { ...BASE, 'enable.auto.commit': true }],
    ['automatic offset store', { ...BASE, 'enable.auto.offset.store': 'true' }],
  ])('rejects %s', (_name, settings) => {
    expect(() => buildConsumerSettings(settings)).toThrow(
      expect.objectContaining({ code: 'KAFKA_CONFIG_INVALID' }),
    );
  });

  it('accepts metadata.broker.list in place of bootstrap.servers', () => {
    expect(() =>
      buildConsumerSettings({ 'metadata.broker.list': 'kafka:9092', 'group.id': 'g' }),
    ).not.toThrow();
  });
});

describe('buildProducerSettings', () => {
  it('drops consumer-only settings and keeps connection and security ones', () => {
    const settings = buildProducerSettings({
      ...BASE,
      'auto.offset.reset': 'earliest',
      'session.timeout.ms': 45000,
      'security.protocol': 'SSL',
    });

    expect(settings).toEqual({ 'bootstrap.servers': 'kafka:9092', 'security.protocol': 'SSL' });
  });
});
