import { createServer, type Server } from 'node:net';

import { afterEach, describe, expect, it } from '@jest/globals';

import { checkKafkaSettings } from './check-kafka-settings.js';
import { KafkaConfigError } from './errors.js';
import { KafkaSource } from './kafka-source.js';
import type { KafkaSettings } from './kafka-settings.js';

const BASE: KafkaSettings = { 'bootstrap.servers': '127.0.0.1:9', 'group.id': 'piddi' };

function refusal(check: () => unknown): KafkaConfigError {
  try {
    check();
  } catch (error) {
    if (error instanceof KafkaConfigError) return error;
    throw error;
  }
  throw new Error('expected a KafkaConfigError');
}

let listener: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (listener ? listener.close(resolve) : resolve(undefined)));
  listener = undefined;
});

describe('checkKafkaSettings', () => {
  it('accepts librdkafka properties with text, number and boolean values', () => {
    const settings = {
      ...BASE,
      'security.protocol': 'SASL_SSL',
      'session.timeout.ms': 45000,
      'enable.partition.eof': false,
    };

    expect(() => checkKafkaSettings(settings)).not.toThrow();
  });

  it('contacts no broker', async () => {
    let connections = 0;
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    const port = await new Promise<number>((resolve) =>
      listener!.listen(0, '127.0.0.1', () =>
        resolve((listener!.address() as { port: number }).port),
      ),
    );

    checkKafkaSettings({ ...BASE, 'bootstrap.servers': `127.0.0.1:${port}` });
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(connections).toBe(0);
  });

  it.each([
    [
      'a property librdkafka does not know',
      { 'bootstrap.server': 'kafka:9092' },
      'bootstrap.server',
    ],
    ['a number that is not one', { 'session.timeout.ms': 'soon' }, 'session.timeout.ms'],
    [
      'a value that is not one of its choices',
      { 'auto.offset.reset': 'sometimes' },
      'auto.offset.reset',
    ],
  ])('refuses %s, naming the property', (_name, change, setting) => {
    const error = refusal(() => checkKafkaSettings({ ...BASE, ...change }));

    expect(error.code).toBe('KAFKA_CONFIG_INVALID');
    expect(error.setting).toBe(setting);
    expect(error.message).toContain(`"${setting}"`);
  });

  it.each([
    ['automatic commits', { 'enable.auto.commit': true }, 'enable.auto.commit'],
    ['no group id', { 'group.id': '' }, 'group.id'],
  ])('refuses %s as the source does, naming the property', (_name, change, setting) => {
    expect(refusal(() => checkKafkaSettings({ ...BASE, ...change })).setting).toBe(setting);
  });
});

describe('the KafkaSource constructor', () => {
  it('refuses a property librdkafka does not know before run() is called', () => {
    const create = () =>
      new KafkaSource({
        kafka: { ...BASE, 'no.such.property': 1 },
        topic: 'esgf.stac.items',
        handler: async () => undefined,
      });

    expect(refusal(create)).toMatchObject({
      code: 'KAFKA_CONFIG_INVALID',
      setting: 'no.such.property',
    });
  });
});
