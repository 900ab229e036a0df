// Shared helpers of the integration tests: unique names, producing events, reading what the
// group committed, and running a source in the background.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import kafka from '@confluentinc/kafka-javascript';
import { kafkaBootstrapServers } from '@piddi/testing';

import {
  createEventProducer,
  ensureTopics,
  KafkaSource,
  type KafkaLogger,
  type KafkaSourceError,
  type KafkaSourceErrorCode,
  type KafkaSettings,
  type KafkaSourceOptions,
  type SourceMessage,
} from '@piddi/kafka-source';

/** Time for one test against the broker: rebalances and drains take seconds each. */
export const INTEGRATION_TEST_TIMEOUT_MS = 60_000;

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * Short heartbeats so the classic group protocol notices a new member quickly. The KIP-848
 * protocol (`group.protocol=consumer`) refuses them: the broker sets its timing.
 */
export const QUICK_CLASSIC_GROUP: KafkaSettings = {
  'heartbeat.interval.ms': 500,
  'session.timeout.ms': 6000,
};

/** Settings for a consumer of `groupId` with the classic group protocol. */
export function testSettings(groupId: string): KafkaSettings {
  return {
    'bootstrap.servers': kafkaBootstrapServers(),
    'group.id': groupId,
    ...QUICK_CLASSIC_GROUP,
  };
}

/** Creates `topic` with `partitions` and sends `count` events keyed `event-<n>`. */
export async function produceEvents(
  topic: string,
  count: number,
  partitions = 3,
  first = 0,
): Promise<void> {
  const keys = Array.from({ length: count }, (_, index) => `event-${first + index}`);
  await produceKeyedEvents(topic, keys, partitions, first);
}

/** Creates `topic` with `partitions` and sends one event per key, numbered from `first`. */
export async function produceKeyedEvents(
  topic: string,
  keys: readonly string[],
  partitions = 3,
  first = 0,
): Promise<void> {
  const settings = { 'bootstrap.servers': kafkaBootstrapServers() };
  await ensureTopics(settings, [{ topic, partitions }]);
  const producer = await createEventProducer(settings);
  try {
    const sends = keys.map((key, index) =>
      producer.send(topic, { key, value: JSON.stringify({ n: first + index }) }),
    );
    await Promise.all(sends);
  } finally {
    await producer.close();
  }
}

/** The event number a test message carries. */
export function eventNumber(message: SourceMessage): number {
  return (JSON.parse(String(message.value)) as { n: number }).n;
}

/** Committed offset per partition of `topic` for `groupId` (partitions without a commit are left out). */
export async function committedOffsets(
  groupId: string,
  topic: string,
  partitions: number,
): Promise<Map<number, number>> {
  const admin = kafka.AdminClient.create({ 'bootstrap.servers': kafkaBootstrapServers() });
  const request = [
    {
      groupId,
      partitions: Array.from({ length: partitions }, (_, partition) => ({ topic, partition })),
    },
  ];
  try {
    const results = await new Promise<kafka.GroupResults[]>((resolve, reject) =>
      admin.listConsumerGroupOffsets(request, { timeout: 10_000 }, (error, groups) =>
        error ? reject(error) : resolve(groups),
      ),
    );
    const offsets = results[0]?.partitions ?? [];
    return new Map(offsets.filter((p) => p.offset >= 0).map((p) => [p.partition, p.offset]));
  } finally {
    admin.disconnect();
  }
}

/** Sum of the committed offsets: with one message per offset, the count of committed messages. */
export function totalCommitted(offsets: Map<number, number>): number {
  return [...offsets.values()].reduce((sum, offset) => sum + offset, 0);
}

/** Polls `condition` until it holds; fails the test with `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(50);
  }
}

/** A source already running; `done` is the promise of `run()`. */
export interface RunningSource {
  source: KafkaSource;
  done: Promise<void>;
}

interface StartedSource {
  source: KafkaSource;
  /** How `run()` ended: `error` is what it rejected with, absent when it resolved. */
  ending: Promise<{ error?: unknown }>;
  expectedFailure?: KafkaSourceErrorCode;
}

const running = new Set<StartedSource>();

function describeEnding(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${(error as KafkaSourceError).code ?? error.name}: ${error.message}`;
}

/** How a run ended when that is not what the test expected; undefined when it is. */
async function unexpectedEnding({ ending, expectedFailure }: StartedSource) {
  const { error } = await ending;
  if (!expectedFailure) return error === undefined ? undefined : describeEnding(error);
  if (error === undefined) return `run() resolved, but ${expectedFailure} was expected`;
  if ((error as KafkaSourceError).code === expectedFailure) return undefined;
  return `${expectedFailure} was expected, not ${describeEnding(error)}`;
}

/**
 * Stops every source a test started, also when the test failed half-way (use in afterEach).
 * Then fails when a run ended otherwise than expected: `stop()` itself never rejects, so a run
 * that failed would go unseen. A run must resolve, or reject with the code its test gave as
 * `expectFailure`.
 */
export async function stopAllSources(): Promise<void> {
  const started = [...running];
  running.clear();
  await Promise.all(started.map(({ source }) => source.stop()));

  const unexpected = (await Promise.all(started.map(unexpectedEnding))).filter(Boolean);
  if (unexpected.length > 0) {
    throw new Error(`A source's run() ended unexpectedly:\n${unexpected.join('\n')}`);
  }
}

/**
 * Starts a source on the test broker with quick commits. `expectFailure` is the code `run()`
 * is meant to reject with; without it, `stopAllSources` expects the run to resolve.
 */
export function startSource(
  options: Omit<KafkaSourceOptions, 'kafka'> & {
    groupId: string;
    kafka?: KafkaSettings;
    expectFailure?: KafkaSourceErrorCode;
  },
): RunningSource {
  const { groupId, kafka = testSettings(groupId), expectFailure, ...rest } = options;
  const source = new KafkaSource({ kafka, commitIntervalMs: 100, ...rest });
  const done = source.run();
  // Also keeps an early rejection from being reported as unhandled before the test awaits it.
  const ending = done.then(
    () => ({}),
    (error: unknown) => ({ error }),
  );
  running.add({ source, ending, expectedFailure: expectFailure });
  return { source, done };
}

/** A logger that keeps the messages it was given, for tests about what the source did. */
export function createRecordingLogger(): KafkaLogger & { messages: string[] } {
  const messages: string[] = [];
  const record = (message: string) => {
    messages.push(message);
  };
  return { messages, debug: record, info: record, warn: record, error: record };
}

/** A promise with its resolve function, to hold a handler until the test lets it go. */
export function createGate(): { opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
