import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';

import type { SourceMessage } from '@piddi/kafka-source';

import {
  INTEGRATION_TEST_TIMEOUT_MS,
  committedOffsets,
  eventNumber,
  produceEvents,
  startSource,
  stopAllSources,
  totalCommitted,
  uniqueName,
  waitUntil,
} from './kafka-test-kit.js';

// Set here because a multi-project run ignores the preset's testTimeout.
jest.setTimeout(INTEGRATION_TEST_TIMEOUT_MS);

afterEach(stopAllSources);

describe('KafkaSource consuming', () => {
  it('hands every produced event to the handler and commits past the last one', async () => {
    const topic = uniqueName('all-events');
    const groupId = uniqueName('group');
    await produceEvents(topic, 30);
    const seen = new Set<number>();

    const { source, done } = startSource({
      topic,
      groupId,
      handler: async (message) => {
        seen.add(eventNumber(message));
      },
    });
    await waitUntil('30 events are handled', () => seen.size === 30);
    await source.stop();
    await done;

    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    expect(totalCommitted(await committedOffsets(groupId, topic, 3))).toBe(30);
  });

  it('tells onAssigned which partitions the group gave it', async () => {
    const topic = uniqueName('assigned');
    await produceEvents(topic, 1);
    const assigned: string[] = [];

    const { source, done } = startSource({
      topic,
      groupId: uniqueName('group'),
      handler: async () => {},
      onAssigned: (partitions) =>
        assigned.push(...partitions.map((p) => `${p.topic}:${p.partition}`)),
    });
    await waitUntil('the partitions are assigned', () => assigned.length === 3);
    await source.stop();
    await done;

    expect(assigned.sort()).toEqual([0, 1, 2].map((partition) => `${topic}:${partition}`));
  });

  it('never runs more handlers at once than maxInFlight', async () => {
    const topic = uniqueName('bounded');
    await produceEvents(topic, 40);
    let running = 0;
    let mostAtOnce = 0;
    let handled = 0;

    const { source, done } = startSource({
      topic,
      groupId: uniqueName('group'),
      maxInFlight: 4,
      handler: async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(10 + Math.random() * 30);
        running -= 1;
        handled += 1;
      },
    });
    await waitUntil('40 events are handled', () => handled === 40);
    await source.stop();
    await done;

    expect(mostAtOnce).toBe(4);
  });

  it('consumes the retry topic as well as the event topic', async () => {
    const topic = uniqueName('events');
    const retryTopic = uniqueName('retries');
    await produceEvents(topic, 5, 1);
    await produceEvents(retryTopic, 5, 1, 100);
    const seen: SourceMessage[] = [];

    const { source, done } = startSource({
      topic,
      retryTopic,
      groupId: uniqueName('group'),
      handler: async (message) => {
        seen.push(message);
      },
    });
    await waitUntil('10 events are handled', () => seen.length === 10);
    await source.stop();
    await done;

    expect(
      seen
        .filter((m) => m.topic === retryTopic)
        .map(eventNumber)
        .sort(),
    ).toEqual([100, 101, 102, 103, 104]);
    expect(seen.filter((m) => m.topic === topic)).toHaveLength(5);
  });

  it('gives the handler the key, value and coordinates of each message', async () => {
    const topic = uniqueName('fields');
    await produceEvents(topic, 1, 1);
    let received: SourceMessage | undefined;

    const { source, done } = startSource({
      topic,
      groupId: uniqueName('group'),
      handler: async (message) => {
        received = message;
      },
    });
    await waitUntil('the event is handled', () => received !== undefined);
    await source.stop();
    await done;

    expect(received).toMatchObject({ topic, partition: 0, offset: 0, key: 'event-0' });
    expect(String(received?.value)).toBe('{"n":0}');
    expect(received?.timestamp).toEqual(expect.any(Number));
  });
});
