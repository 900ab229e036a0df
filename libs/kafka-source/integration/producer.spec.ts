import { describe, expect, it, jest } from '@jest/globals';

import { kafkaBootstrapServers } from '@piddi/testing';
import { createEventProducer, ensureTopics, type SourceMessage } from '@piddi/kafka-source';

import {
  INTEGRATION_TEST_TIMEOUT_MS,
  startSource,
  uniqueName,
  waitUntil,
} from './kafka-test-kit.js';

// Set here because a multi-project run ignores the preset's testTimeout.
jest.setTimeout(INTEGRATION_TEST_TIMEOUT_MS);

describe('createEventProducer', () => {
  it('delivers key, value and headers that a source then reads back', async () => {
    const topic = uniqueName('produced');
    const settings = { 'bootstrap.servers': kafkaBootstrapServers() };
    await ensureTopics(settings, [{ topic, partitions: 1 }]);
    const producer = await createEventProducer(settings);
    await producer.send(topic, {
      key: 'CMIP6.x.v1',
      value: '{"retries":1}',
      headers: { 'piddi-retries': '1' },
    });
    await producer.close();
    let received: SourceMessage | undefined;

    const { source, done } = startSource({
      topic,
      groupId: uniqueName('group'),
      handler: async (message) => {
        received = message;
      },
    });
    await waitUntil('the event is read back', () => received !== undefined);
    await source.stop();
    await done;

    expect(received?.key).toBe('CMIP6.x.v1');
    expect(String(received?.value)).toBe('{"retries":1}');
    expect(received?.headers).toEqual([{ key: 'piddi-retries', value: Buffer.from('1') }]);
  });

  it('fails a send to a topic the broker refuses with KAFKA_PRODUCE_FAILED', async () => {
    const producer = await createEventProducer({
      'bootstrap.servers': kafkaBootstrapServers(),
      'message.timeout.ms': 3000,
    });
    try {
      await expect(producer.send('bad topic name!', { value: 'x' })).rejects.toMatchObject({
        code: 'KAFKA_PRODUCE_FAILED',
      });
    } finally {
      await producer.close();
    }
  });
});

describe('ensureTopics', () => {
  it('creates missing topics and leaves existing ones alone', async () => {
    const settings = { 'bootstrap.servers': kafkaBootstrapServers() };
    const existing = uniqueName('existing');
    const fresh = uniqueName('fresh');
    await ensureTopics(settings, [{ topic: existing, partitions: 2 }]);

    const created = await ensureTopics(settings, [
      { topic: existing, partitions: 5 },
      { topic: fresh, partitions: 2 },
    ]);

    expect(created).toEqual([fresh]);
  });
});
