import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';

import { DrainTimeoutError, KafkaSource, type SourceMessage } from '@piddi/kafka-source';

import {
  INTEGRATION_TEST_TIMEOUT_MS,
  committedOffsets,
  createGate,
  createRecordingLogger,
  produceEvents,
  startSource,
  stopAllSources,
  testSettings,
  uniqueName,
  waitUntil,
} from './kafka-test-kit.js';

// Set here because a multi-project run ignores the preset's testTimeout.
jest.setTimeout(INTEGRATION_TEST_TIMEOUT_MS);

afterEach(stopAllSources);

describe('KafkaSource commits', () => {
  it('never commits past a message whose handler has not finished', async () => {
    const topic = uniqueName('out-of-order');
    const groupId = uniqueName('group');
    await produceEvents(topic, 10, 1);
    const slow = createGate();
    const finished = new Set<number>();

    const { source, done } = startSource({
      topic,
      groupId,
      handler: async (message) => {
        if (message.offset === 2) await slow.opened;
        finished.add(message.offset);
      },
    });
    await waitUntil('all but offset 2 are done', () => finished.size === 9);
    await sleep(500);
    const whileBlocked = await committedOffsets(groupId, topic, 1);
    slow.open();
    await waitUntil(
      'offset 10 is committed',
      async () => (await committedOffsets(groupId, topic, 1)).get(0) === 10,
    );
    await source.stop();
    await done;

    expect(whileBlocked.get(0)).toBe(2);
  });

  it('lets stop() wait for the messages in flight and commit them', async () => {
    const topic = uniqueName('drain');
    const groupId = uniqueName('group');
    await produceEvents(topic, 4, 1);
    const started: number[] = [];
    const finished: number[] = [];

    const { source, done } = startSource({
      topic,
      groupId,
      maxInFlight: 4,
      handler: async (message) => {
        started.push(message.offset);
        await sleep(700);
        finished.push(message.offset);
      },
    });
    await waitUntil('four handlers run', () => started.length === 4);
    await source.stop();
    await done;

    expect(finished.sort()).toEqual([0, 1, 2, 3]);
    expect((await committedOffsets(groupId, topic, 1)).get(0)).toBe(4);
  });

  it('rejects run() with DRAIN_TIMEOUT when a handler outlasts the drain, committing what is done', async () => {
    const topic = uniqueName('drain-timeout');
    const groupId = uniqueName('group');
    await produceEvents(topic, 5, 1);
    const stuck = createGate();
    const finished = new Set<number>();

    const { source, done } = startSource({
      topic,
      groupId,
      drainTimeoutMs: 200,
      expectFailure: 'DRAIN_TIMEOUT',
      handler: async (message) => {
        if (message.offset === 2) await stuck.opened;
        finished.add(message.offset);
      },
    });
    await waitUntil('all but offset 2 are done', () => finished.size === 4);
    await source.stop();
    const failure = await done.then(
      () => undefined,
      (error: unknown) => error,
    );
    stuck.open();

    expect(failure).toBeInstanceOf(DrainTimeoutError);
    expect(failure).toMatchObject({
      code: 'DRAIN_TIMEOUT',
      retriable: true,
      unfinished: [{ topic, partition: 0, offsets: [2] }],
    });
    expect((await committedOffsets(groupId, topic, 1)).get(0)).toBe(2);
  });

  it('lets a restarted consumer of the group resume right after the last commit', async () => {
    const topic = uniqueName('resume');
    const groupId = uniqueName('group');
    await produceEvents(topic, 20, 1);
    const first: number[] = [];
    const second: number[] = [];

    const one = startSource({
      topic,
      groupId,
      maxInFlight: 1,
      handler: async (message) => {
        first.push(message.offset);
        if (first.length === 8) void one.source.stop();
      },
    });
    await one.done;
    const committed = (await committedOffsets(groupId, topic, 1)).get(0);
    const two = startSource({
      topic,
      groupId,
      handler: async (message) => {
        second.push(message.offset);
      },
    });
    await waitUntil('the rest is handled', () => second.includes(19));
    await two.source.stop();
    await two.done;

    expect(committed).toBe(first.length);
    expect(second[0]).toBe(committed);
    expect(new Set([...first, ...second]).size).toBe(20);
  });

  it('rejects run() with HANDLER_FAILED and leaves the failed offset uncommitted', async () => {
    const topic = uniqueName('handler-fails');
    const groupId = uniqueName('group');
    await produceEvents(topic, 6, 1);

    const { done } = startSource({
      topic,
      groupId,
      maxInFlight: 1,
      expectFailure: 'HANDLER_FAILED',
      handler: async (message: SourceMessage) => {
        if (message.offset === 3) throw new Error('the failure store is unwritable');
      },
    });
    const failure = await done.then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({ code: 'HANDLER_FAILED', topic, partition: 0, offset: 3 });
    expect((await committedOffsets(groupId, topic, 1)).get(0)).toBe(3);
  });

  it('keeps every message when slow handlers make it pause its partitions', async () => {
    const topic = uniqueName('paused');
    const groupId = uniqueName('group');
    await produceEvents(topic, 5, 1);
    const finished: number[] = [];
    const logger = createRecordingLogger();

    const { source, done } = startSource({
      topic,
      groupId,
      logger,
      maxInFlight: 2,
      handler: async (message) => {
        await sleep(1300);
        finished.push(message.offset);
      },
    });
    await waitUntil('five events are handled', () => finished.length === 5);
    await source.stop();
    await done;

    expect(logger.messages).toContain('Every handler is busy; pausing partitions');
    expect(finished.sort()).toEqual([0, 1, 2, 3, 4]);
    expect((await committedOffsets(groupId, topic, 1)).get(0)).toBe(5);
  });
});

describe('KafkaSource failures', () => {
  it('fails with KAFKA_CONNECT_FAILED when no broker answers', async () => {
    const source = new KafkaSource({
      kafka: { ...testSettings(uniqueName('group')), 'bootstrap.servers': '127.0.0.1:1' },
      topic: uniqueName('unreachable'),
      connectTimeoutMs: 1500,
      handler: async () => undefined,
    });

    await expect(source.run()).rejects.toMatchObject({ code: 'KAFKA_CONNECT_FAILED' });
  });

  it('refuses a second run() with SOURCE_STATE', async () => {
    const { source } = startSource({
      topic: uniqueName('twice'),
      groupId: uniqueName('group'),
      handler: async () => undefined,
    });

    await expect(source.run()).rejects.toMatchObject({ code: 'SOURCE_STATE' });
  });
});
