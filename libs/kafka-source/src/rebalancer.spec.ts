import { describe, expect, it } from '@jest/globals';

import { ChangeSignal } from './change-signal.js';
import { SILENT_LOGGER } from './logger.js';
import { MessageIntake } from './message-intake.js';
import type { OffsetCommitter } from './offset-committer.js';
import { OffsetTracker, type PartitionRef } from './offset-tracker.js';
import {
  ERROR_CODES,
  type LibrdKafkaError,
  type RdKafkaConsumer,
  type TopicPartition,
} from './rdkafka.js';
import { Rebalancer } from './rebalancer.js';

const P0 = { topic: 'events', partition: 0 };
const P1 = { topic: 'events', partition: 1 };

const ASSIGN = { code: ERROR_CODES.ERR__ASSIGN_PARTITIONS, message: 'assign' } as LibrdKafkaError;
const REVOKE = { code: ERROR_CODES.ERR__REVOKE_PARTITIONS, message: 'revoke' } as LibrdKafkaError;

const named = (partitions: readonly PartitionRef[]) =>
  partitions.map(({ topic, partition }) => `${topic}:${partition}`).join(',');

/** The consumer's part in a rebalance, recorded in the order it was asked for. */
function createFakeConsumer(protocol: 'EAGER' | 'COOPERATIVE') {
  const calls: string[] = [];
  const consumer = {
    calls,
    lost: false,
    failAssign: false,
    /** As the binding does once the client is closed: every assignment change is refused. */
    disconnected: false,
    rebalanceProtocol: () => protocol,
    assignmentLost: () => consumer.lost,
    isConnected: () => !consumer.disconnected,
    assign: (partitions: TopicPartition[]) => {
      if (consumer.failAssign) throw new Error('assign refused');
      record(`assign ${named(partitions)}`);
    },
    incrementalAssign: (partitions: TopicPartition[]) =>
      record(`incrementalAssign ${named(partitions)}`),
    unassign: () => record('unassign'),
    incrementalUnassign: (partitions: TopicPartition[]) =>
      record(`incrementalUnassign ${named(partitions)}`),
  };
  const record = (call: string) => {
    if (consumer.disconnected) throw new Error('Local: Erroneous state');
    calls.push(call);
  };
  return consumer;
}

function createRebalancer(protocol: 'EAGER' | 'COOPERATIVE' = 'EAGER', revokeTimeoutMs = 5000) {
  const consumer = createFakeConsumer(protocol);
  const tracker = new OffsetTracker();
  const changed = new ChangeSignal();
  const held: (() => void)[] = [];
  const handler = () => new Promise<void>((resolve) => held.push(resolve));
  const assigned: PartitionRef[][] = [];
  const errors: unknown[] = [];
  // The rebalancer and the intake each need the other, as in the source.
  const parts = { rebalancer: undefined as Rebalancer | undefined };
  const intake = new MessageIntake(tracker, handler, 4, changed, SILENT_LOGGER, {
    mayDispatch: () => !parts.rebalancer?.revoking,
    onDone: () => undefined,
    onFailed: () => undefined,
  });
  const rebalancer = new Rebalancer({
    tracker,
    intake,
    changed,
    log: SILENT_LOGGER,
    revokeTimeoutMs,
    onError: (error) => errors.push(error),
    onAssigned: (partitions) => assigned.push(partitions),
  });
  parts.rebalancer = rebalancer;
  const committer = {
    commitRevoked: (partitions: readonly PartitionRef[]) =>
      consumer.calls.push(`commit ${named(partitions)}`),
  };
  rebalancer.attach(
    consumer as unknown as RdKafkaConsumer,
    committer as unknown as OffsetCommitter,
  );

  const startMessage = async (ref: PartitionRef, offset: number) => {
    intake.accept([{ ...ref, offset, key: `item-${offset}`, value: null }]);
    intake.dispatch();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const finishAll = () => held.splice(0).forEach((finish) => finish());
  return { rebalancer, consumer, tracker, intake, assigned, errors, startMessage, finishAll };
}

describe('Rebalancer assignments', () => {
  it('tracks assigned partitions, assigns them and tells onAssigned', async () => {
    const { rebalancer, consumer, tracker, assigned } = createRebalancer('EAGER');

    rebalancer.enqueue(ASSIGN, [P0, P1]);
    await rebalancer.settle();

    expect(consumer.calls).toEqual(['assign events:0,events:1']);
    expect(tracker.isAssigned(P1)).toBe(true);
    expect(assigned).toEqual([[P0, P1]]);
  });

  it('assigns incrementally under the cooperative protocol', async () => {
    const { rebalancer, consumer } = createRebalancer('COOPERATIVE');

    rebalancer.enqueue(ASSIGN, [P1]);
    await rebalancer.settle();

    expect(consumer.calls).toEqual(['incrementalAssign events:1']);
  });

  it('applies a rebalance only once the running fetch has finished', async () => {
    const { rebalancer, consumer } = createRebalancer();
    let endFetch = () => {};
    rebalancer.fetching(new Promise<void>((resolve) => (endFetch = resolve)));

    rebalancer.enqueue(ASSIGN, [P0]);
    await new Promise((resolve) => setImmediate(resolve));
    const duringFetch = [...consumer.calls];
    endFetch();
    await rebalancer.settle();

    expect(duringFetch).toEqual([]);
    expect(consumer.calls).toEqual(['assign events:0']);
  });

  it('reports a rebalance that throws and still applies the next one', async () => {
    const { rebalancer, consumer, errors } = createRebalancer();
    consumer.failAssign = true;
    rebalancer.enqueue(ASSIGN, [P0]);
    await rebalancer.settle();

    consumer.failAssign = false;
    rebalancer.enqueue(ASSIGN, [P1]);
    await rebalancer.settle();

    expect(errors).toEqual([expect.objectContaining({ message: 'assign refused' })]);
    expect(consumer.calls).toEqual(['assign events:1']);
  });
});

describe('Rebalancer revocations', () => {
  it('waits for messages in flight of revoked partitions, commits, then gives them up', async () => {
    const { rebalancer, consumer, tracker, startMessage, finishAll } = createRebalancer();
    rebalancer.enqueue(ASSIGN, [P0]);
    await rebalancer.settle();
    await startMessage(P0, 0);

    rebalancer.enqueue(REVOKE, [P0]);
    await new Promise((resolve) => setImmediate(resolve));
    const whileWaiting = { revoking: rebalancer.revoking, calls: [...consumer.calls] };
    finishAll();
    await rebalancer.settle();

    expect(whileWaiting).toEqual({ revoking: true, calls: ['assign events:0'] });
    expect(consumer.calls).toEqual(['assign events:0', 'commit events:0', 'unassign']);
    expect(rebalancer.revoking).toBe(false);
    expect(tracker.isAssigned(P0)).toBe(false);
  });

  it('gives revoked partitions up after revokeTimeoutMs when a handler does not finish', async () => {
    const { rebalancer, consumer, tracker, intake, startMessage } = createRebalancer(
      'COOPERATIVE',
      20,
    );
    rebalancer.enqueue(ASSIGN, [P0, P1]);
    await rebalancer.settle();
    await startMessage(P0, 0);

    rebalancer.enqueue(REVOKE, [P0]);
    await rebalancer.settle();

    expect(consumer.calls.slice(1)).toEqual(['commit events:0', 'incrementalUnassign events:0']);
    expect(intake.hasInFlightIn([P0])).toBe(true);
    expect(tracker.isAssigned(P0)).toBe(false);
    expect(tracker.isAssigned(P1)).toBe(true);
  });

  it('neither waits nor commits when the assignment was lost', async () => {
    const { rebalancer, consumer, intake, startMessage } = createRebalancer();
    rebalancer.enqueue(ASSIGN, [P0]);
    await rebalancer.settle();
    await startMessage(P0, 0);
    consumer.lost = true;

    rebalancer.enqueue(REVOKE, [P0]);
    await rebalancer.settle();

    expect(consumer.calls).toEqual(['assign events:0', 'unassign']);
    expect(intake.inFlightCount).toBe(1);
  });

  it('neither waits nor commits once closed for the final disconnect', async () => {
    const { rebalancer, consumer, intake, startMessage } = createRebalancer();
    rebalancer.enqueue(ASSIGN, [P0]);
    await rebalancer.settle();
    await startMessage(P0, 0);
    rebalancer.close();

    rebalancer.enqueue(REVOKE, [P0]);
    await rebalancer.settle();

    expect(consumer.calls).toEqual(['assign events:0', 'unassign']);
    expect(intake.inFlightCount).toBe(1);
  });

  it('leaves assignment changes to librdkafka when the client is closed while disconnecting', async () => {
    const { rebalancer, consumer, tracker, errors } = createRebalancer('COOPERATIVE');
    rebalancer.enqueue(ASSIGN, [P0]);
    await rebalancer.settle();
    rebalancer.close();
    consumer.disconnected = true;

    rebalancer.enqueue(ASSIGN, [P1]);
    rebalancer.enqueue(REVOKE, [P0, P1]);
    await rebalancer.settle();

    expect(errors).toEqual([]);
    expect(consumer.calls).toEqual(['incrementalAssign events:0']);
    expect(tracker.isAssigned(P0)).toBe(false);
  });

  it('reports a refused assignment change while the source is not disconnecting', async () => {
    const { rebalancer, consumer, errors } = createRebalancer('COOPERATIVE');
    consumer.disconnected = true;

    rebalancer.enqueue(ASSIGN, [P0]);
    await rebalancer.settle();

    expect(errors).toEqual([expect.objectContaining({ message: 'Local: Erroneous state' })]);
  });

  it('gives the assignment up when the group reports a failed rebalance', async () => {
    const { rebalancer, consumer, tracker } = createRebalancer();
    rebalancer.enqueue(ASSIGN, [P0]);
    const failed = { code: ERROR_CODES.ERR__FAIL, message: 'rebalance failed' } as LibrdKafkaError;

    rebalancer.enqueue(failed, [P0]);
    await rebalancer.settle();

    expect(consumer.calls).toEqual(['assign events:0', 'commit events:0', 'unassign']);
    expect(tracker.isAssigned(P0)).toBe(false);
  });
});
