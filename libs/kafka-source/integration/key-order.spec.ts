import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  INTEGRATION_TEST_TIMEOUT_MS,
  createGate,
  produceKeyedEvents,
  startSource,
  stopAllSources,
  uniqueName,
  waitUntil,
} from './kafka-test-kit.js';

// Set here because a multi-project run ignores the preset's testTimeout.
jest.setTimeout(INTEGRATION_TEST_TIMEOUT_MS);

afterEach(stopAllSources);

describe('KafkaSource key order', () => {
  it('handles the events of one key in offset order while other keys run alongside', async () => {
    const topic = uniqueName('key-order');
    const keys = ['item-a', 'item-b', 'item-a', 'item-b', 'item-a', 'item-b'];
    await produceKeyedEvents(topic, keys, 1);
    const finished: Record<string, number[]> = { 'item-a': [], 'item-b': [] };
    const runningByKey = new Map<string, number>();
    let mostOfOneKey = 0;
    let mostAtOnce = 0;
    const itemBStarted = createGate();

    const { source, done } = startSource({
      topic,
      groupId: uniqueName('group'),
      maxInFlight: keys.length,
      handler: async (message) => {
        const key = message.key as string;
        runningByKey.set(key, (runningByKey.get(key) ?? 0) + 1);
        mostOfOneKey = Math.max(mostOfOneKey, ...runningByKey.values());
        mostAtOnce = Math.max(
          mostAtOnce,
          [...runningByKey.values()].reduce((a, b) => a + b),
        );
        if (key === 'item-b') itemBStarted.open();
        // The first event of item-a runs until one of item-b has started next to it.
        if (message.offset === 0) await itemBStarted.opened;
        // Earlier events take longer: unordered, a key's later events would finish first.
        await sleep((keys.length - message.offset) * 40);
        runningByKey.set(key, (runningByKey.get(key) ?? 1) - 1);
        finished[key].push(message.offset);
      },
    });
    await waitUntil('every event is handled', () => Object.values(finished).flat().length === 6);
    await source.stop();
    await done;

    expect(finished).toEqual({ 'item-a': [0, 2, 4], 'item-b': [1, 3, 5] });
    expect(mostOfOneKey).toBe(1);
    expect(mostAtOnce).toBeGreaterThanOrEqual(2);
  });
});
