import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';

import type { SourceMessage } from '@piddi/kafka-source';
import { kafkaBootstrapServers } from '@piddi/testing';

import {
  INTEGRATION_TEST_TIMEOUT_MS,
  committedOffsets,
  createGate,
  eventNumber,
  produceEvents,
  startSource,
  stopAllSources,
  QUICK_CLASSIC_GROUP,
  totalCommitted,
  uniqueName,
  waitUntil,
} from './kafka-test-kit.js';

// Set here because a multi-project run ignores the preset's testTimeout.
jest.setTimeout(INTEGRATION_TEST_TIMEOUT_MS);

afterEach(stopAllSources);

describe('KafkaSource in a consumer group', () => {
  it.each([
    [
      'eager range assignment',
      { ...QUICK_CLASSIC_GROUP, 'partition.assignment.strategy': 'range' },
    ],
    [
      'cooperative-sticky assignment',
      { ...QUICK_CLASSIC_GROUP, 'partition.assignment.strategy': 'cooperative-sticky' },
    ],
    ['the consumer group protocol of KIP-848', { 'group.protocol': 'consumer' }],
  ])(
    'shares the partitions with a second consumer and loses no event (%s)',
    async (_name, groupSettings) => {
      const topic = uniqueName('shared');
      const groupId = uniqueName('group');
      const kafka = {
        'bootstrap.servers': kafkaBootstrapServers(),
        'group.id': groupId,
        ...groupSettings,
      };
      await produceEvents(topic, 60, 4);
      const byConsumer: Record<'one' | 'two', SourceMessage[]> = { one: [], two: [] };
      const handlerOf = (name: 'one' | 'two') => async (message: SourceMessage) => {
        await sleep(60);
        byConsumer[name].push(message);
      };

      startSource({ topic, groupId, kafka, maxInFlight: 1, handler: handlerOf('one') });
      await waitUntil('the first consumer handled some events', () => byConsumer.one.length >= 5);
      startSource({ topic, groupId, kafka, maxInFlight: 1, handler: handlerOf('two') });
      const all = () => new Set([...byConsumer.one, ...byConsumer.two].map(eventNumber));
      await waitUntil('every event is handled', () => all().size === 60, 40_000);
      await waitUntil('every offset is committed', async () => {
        return totalCommitted(await committedOffsets(groupId, topic, 4)) === 60;
      });

      expect(byConsumer.two.length).toBeGreaterThan(0);
      expect([...all()].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    },
  );

  it('commits what is done when partitions are revoked and ignores a handler that finishes later', async () => {
    const topic = uniqueName('revoked');
    const groupId = uniqueName('group');
    await produceEvents(topic, 20, 1);
    const gate = createGate();
    let blockedOnce = false;
    const deliveriesOfThree: string[] = [];
    const handlerOf = (name: string) => async (message: SourceMessage) => {
      if (message.offset !== 3) return;
      deliveriesOfThree.push(name);
      if (blockedOnce) return;
      blockedOnce = true;
      await gate.opened;
    };

    startSource({ topic, groupId, revokeTimeoutMs: 300, handler: handlerOf('one') });
    await waitUntil('offset 3 is blocked', () => blockedOnce);
    startSource({ topic, groupId, revokeTimeoutMs: 300, handler: handlerOf('two') });
    await waitUntil('all offsets are committed', async () => {
      return (await committedOffsets(groupId, topic, 1)).get(0) === 20;
    });
    gate.open();
    await stopAllSources();

    expect(deliveriesOfThree).toHaveLength(2);
    expect((await committedOffsets(groupId, topic, 1)).get(0)).toBe(20);
  });
});
