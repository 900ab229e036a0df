import { describe, expect, it } from '@jest/globals';

import { ChangeSignal } from './change-signal.js';
import type { HandlerFailedError } from './errors.js';
import { SILENT_LOGGER } from './logger.js';
import { MessageIntake } from './message-intake.js';
import { OffsetTracker } from './offset-tracker.js';
import type { RawMessage, SourceMessage } from './source-message.js';

const TOPIC = 'events';
const P0 = { topic: TOPIC, partition: 0 };
const P1 = { topic: TOPIC, partition: 1 };

function raw(offset: number, key: string | null, partition = 0): RawMessage {
  return {
    topic: TOPIC,
    partition,
    offset,
    key: key === null ? null : Buffer.from(key),
    value: null,
  };
}

const at = (partition: number, offset: number) => `${partition}@${offset}`;

/** A handler that holds each message until the test finishes or fails it. */
function createHeldHandler() {
  const started: string[] = [];
  const pending = new Map<string, { resolve(): void; reject(error: Error): void }>();
  const handler = (message: SourceMessage) =>
    new Promise<void>((resolve, reject) => {
      started.push(at(message.partition, message.offset));
      pending.set(at(message.partition, message.offset), { resolve, reject });
    });
  return {
    handler,
    started,
    finish: (partition: number, offset: number) => pending.get(at(partition, offset))?.resolve(),
    fail: (partition: number, offset: number, error: Error) =>
      pending.get(at(partition, offset))?.reject(error),
  };
}

/** Lets the intake's promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function createIntake(maxInFlight: number) {
  const tracker = new OffsetTracker();
  tracker.assign([P0, P1]);
  const held = createHeldHandler();
  const owner = {
    allowed: true,
    done: 0,
    failures: [] as HandlerFailedError[],
    mayDispatch: () => owner.allowed,
    onDone: () => void (owner.done += 1),
    onFailed: (error: HandlerFailedError) => void owner.failures.push(error),
  };
  const intake = new MessageIntake(
    tracker,
    held.handler,
    maxInFlight,
    new ChangeSignal(),
    SILENT_LOGGER,
    owner,
  );
  const take = async (messages: RawMessage[]) => {
    intake.accept(messages);
    intake.dispatch();
    await settle();
  };
  return { intake, tracker, owner, take, ...held };
}

describe('MessageIntake bounds', () => {
  it('starts at most maxInFlight handlers and the next one as one finishes', async () => {
    const { take, started, finish } = createIntake(2);

    await take([raw(0, 'a'), raw(1, 'b'), raw(2, 'c')]);
    expect(started).toEqual(['0@0', '0@1']);

    finish(0, 1);
    await settle();
    expect(started).toEqual(['0@0', '0@1', '0@2']);
  });

  it('counts waiting messages against the room left for fetching', async () => {
    const { intake, take } = createIntake(4);

    await take([raw(0, 'a'), raw(1, 'a'), raw(2, 'b')]);

    expect(intake.inFlightCount).toBe(2);
    expect(intake.room()).toBe(1);
  });

  it('starts nothing while the owner does not allow it', async () => {
    const { owner, take, started, intake } = createIntake(4);
    owner.allowed = false;

    await take([raw(0, 'a')]);
    expect(started).toEqual([]);

    owner.allowed = true;
    intake.dispatch();
    await settle();
    expect(started).toEqual(['0@0']);
  });
});

describe('MessageIntake order', () => {
  it('starts a message only once the earlier message of its key has finished', async () => {
    const { take, started, finish } = createIntake(4);

    await take([raw(0, 'item-a'), raw(1, 'item-b'), raw(2, 'item-a')]);
    expect(started).toEqual(['0@0', '0@1']);

    finish(0, 1);
    await settle();
    expect(started).toEqual(['0@0', '0@1']);

    finish(0, 0);
    await settle();
    expect(started).toEqual(['0@0', '0@1', '0@2']);
  });

  it('runs one key in different partitions alongside', async () => {
    const { take, started } = createIntake(4);

    await take([raw(0, 'item-a', 0), raw(0, 'item-a', 1)]);

    expect(started).toEqual(['0@0', '1@0']);
  });

  it('runs keyless messages alongside one another', async () => {
    const { take, started } = createIntake(4);

    await take([raw(0, null), raw(1, null), raw(2, null)]);

    expect(started).toEqual(['0@0', '0@1', '0@2']);
  });

  it('works through a full window of one key, in offset order', async () => {
    const { intake, take, started, finish } = createIntake(3);
    await take([raw(0, 'a'), raw(1, 'a'), raw(2, 'a')]);
    expect(intake.room()).toBe(0);

    for (const offset of [0, 1, 2]) {
      finish(0, offset);
      await settle();
    }

    expect(started).toEqual(['0@0', '0@1', '0@2']);
    expect(intake.room()).toBe(3);
  });
});

describe('MessageIntake outcomes', () => {
  it('tells the owner of each finished message and lets its offset be committed', async () => {
    const { take, finish, owner, tracker } = createIntake(4);
    await take([raw(0, 'a'), raw(1, 'b')]);

    finish(0, 0);
    await settle();

    expect(owner.done).toBe(1);
    expect(tracker.commitPositions()).toEqual([{ ...P0, offset: 1 }]);
  });

  it('reports a rejecting handler as HANDLER_FAILED and keeps its offset uncommitted', async () => {
    const { take, fail, owner, tracker } = createIntake(4);
    await take([raw(4, 'a')]);

    fail(0, 4, new Error('the failure store is unwritable'));
    await settle();

    expect(owner.failures).toEqual([
      expect.objectContaining({ code: 'HANDLER_FAILED', topic: TOPIC, partition: 0, offset: 4 }),
    ]);
    expect(owner.done).toBe(0);
    expect(tracker.commitPositions()).toEqual([{ ...P0, offset: 4 }]);
  });

  it('lists the messages whose handler still runs, per partition', async () => {
    const { intake, take, finish } = createIntake(4);
    await take([raw(3, 'b', 0), raw(1, 'a', 0), raw(7, 'a', 1)]);

    finish(1, 7);
    await settle();

    expect(intake.unfinished()).toEqual([{ ...P0, offsets: [1, 3] }]);
    expect(intake.hasInFlightIn([P0])).toBe(true);
    expect(intake.hasInFlightIn([P1])).toBe(false);
  });
});

describe('MessageIntake revocations', () => {
  it('drops waiting messages of revoked partitions and keeps the others', async () => {
    const { intake, take, started, finish } = createIntake(4);
    await take([raw(0, 'a', 0), raw(1, 'a', 0), raw(0, 'a', 1), raw(1, 'a', 1)]);

    intake.dropRevoked([P0]);
    finish(0, 0);
    finish(1, 0);
    await settle();

    expect(started).toEqual(['0@0', '1@0', '1@1']);
  });

  it('does not hold a key back for a handler left running when its partition was revoked', async () => {
    const { intake, tracker, take, started } = createIntake(4);
    await take([raw(0, 'a')]);

    intake.dropRevoked([P0]);
    tracker.revoke([P0]);
    tracker.assign([P0]);
    intake.beginFetch();
    await take([raw(0, 'a'), raw(1, 'a')]);

    expect(started).toEqual(['0@0', '0@0']);
  });

  it('drops what the running fetch brings of a partition revoked during it', async () => {
    const { intake, take, started } = createIntake(4);
    intake.beginFetch();

    intake.dropRevoked([P1]);
    await take([raw(0, 'a', 0), raw(0, 'b', 1)]);

    expect(started).toEqual(['0@0']);
  });

  it('drops messages of partitions it no longer tracks', async () => {
    const { tracker, take, started } = createIntake(4);
    tracker.revoke([P1]);

    await take([raw(0, 'a', 1)]);

    expect(started).toEqual([]);
  });

  it('does not count a message that finished after its partition was revoked', async () => {
    const { take, finish, owner, tracker } = createIntake(4);
    await take([raw(0, 'a')]);
    tracker.revoke([P0]);

    finish(0, 0);
    await settle();

    expect(owner.done).toBe(0);
  });
});
