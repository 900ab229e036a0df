import { describe, expect, it } from '@jest/globals';

import { OffsetTracker, type OffsetReceipt } from './offset-tracker.js';

const P0 = { topic: 'events', partition: 0 };
const P1 = { topic: 'events', partition: 1 };

function receiveAll(
  tracker: OffsetTracker,
  offsets: number[],
  ref = P0,
): Map<number, OffsetReceipt> {
  return new Map(offsets.map((offset) => [offset, tracker.receive({ ...ref, offset })]));
}

describe('OffsetTracker commit position', () => {
  const cases: {
    name: string;
    received: number[];
    done: number[];
    expected: number | undefined;
  }[] = [
    { name: 'nothing received', received: [], done: [], expected: undefined },
    { name: 'nothing done', received: [0, 1, 2], done: [], expected: 0 },
    { name: 'the first done', received: [0, 1, 2], done: [0], expected: 1 },
    { name: 'later ones done before the first', received: [0, 1, 2], done: [1, 2], expected: 0 },
    { name: 'a hole in the middle', received: [0, 1, 2], done: [0, 2], expected: 1 },
    { name: 'all done', received: [0, 1, 2], done: [2, 0, 1], expected: 3 },
    { name: 'offsets with gaps (compaction)', received: [5, 7, 9], done: [5, 7], expected: 9 },
    { name: 'offsets with gaps, all done', received: [5, 7, 9], done: [9, 7, 5], expected: 10 },
    { name: 'received out of order', received: [3, 1, 2], done: [1], expected: 2 },
  ];

  it.each(cases)('is the first offset not done: $name', ({ received, done, expected }) => {
    const tracker = new OffsetTracker();
    tracker.assign([P0]);
    const receipts = receiveAll(tracker, received);

    for (const offset of done) receipts.get(offset)?.complete();

    const positions = tracker.commitPositions();
    expect(positions).toEqual(expected === undefined ? [] : [{ ...P0, offset: expected }]);
  });

  it('keeps partitions independent: a stuck message holds back only its own partition', () => {
    const tracker = new OffsetTracker();
    tracker.assign([P0, P1]);
    receiveAll(tracker, [0, 1], P0);
    const p1 = receiveAll(tracker, [10, 11], P1);

    p1.get(10)?.complete();
    p1.get(11)?.complete();

    expect(tracker.commitPositions()).toEqual([
      { ...P0, offset: 0 },
      { ...P1, offset: 12 },
    ]);
  });
});

describe('OffsetTracker commits', () => {
  it('offers only positions that moved since they were marked committed', () => {
    const tracker = new OffsetTracker();
    tracker.assign([P0, P1]);
    receiveAll(tracker, [0], P0).get(0)?.complete();
    receiveAll(tracker, [0], P1).get(0)?.complete();
    tracker.markCommitted([{ ...P0, offset: 1 }]);

    expect(tracker.commitPositions()).toEqual([{ ...P1, offset: 1 }]);
    expect(tracker.commitPositions({ all: true })).toHaveLength(2);
  });

  it('offers a position again after its commit failed', () => {
    const tracker = new OffsetTracker();
    tracker.assign([P0]);
    receiveAll(tracker, [4]).get(4)?.complete();
    tracker.markCommitted([{ ...P0, offset: 5 }]);

    tracker.markUncommitted([P0]);

    expect(tracker.commitPositions()).toEqual([{ ...P0, offset: 5 }]);
  });

  it('limits positions to the partitions asked for', () => {
    const tracker = new OffsetTracker();
    tracker.assign([P0, P1]);
    receiveAll(tracker, [0], P0);
    receiveAll(tracker, [0], P1);

    expect(tracker.commitPositions({ refs: [P1] })).toEqual([{ ...P1, offset: 0 }]);
  });
});

describe('OffsetTracker assignments', () => {
  it('ignores a late completion from before a revoke, even once the partition is back', () => {
    const tracker = new OffsetTracker();
    tracker.assign([P0]);
    const stale = tracker.receive({ ...P0, offset: 7 });
    tracker.revoke([P0]);
    tracker.assign([P0]);
    tracker.receive({ ...P0, offset: 7 });

    expect(stale.complete()).toBe(false);
    expect(tracker.commitPositions()).toEqual([{ ...P0, offset: 7 }]);
  });

  it('offers no position for a revoked partition', () => {
    const tracker = new OffsetTracker();
    tracker.assign([P0, P1]);
    receiveAll(tracker, [0], P0).get(0)?.complete();

    tracker.revoke([P0]);

    expect(tracker.isAssigned(P0)).toBe(false);
    expect(tracker.commitPositions({ all: true })).toEqual([]);
  });

  it('counts pending messages per partition', () => {
    const tracker = new OffsetTracker();
    tracker.assign([P0, P1]);
    receiveAll(tracker, [0, 1, 2], P0).get(1)?.complete();
    receiveAll(tracker, [0], P1);

    expect(tracker.pendingCount([P0])).toBe(2);
    expect(tracker.pendingCount()).toBe(3);
  });

  it('refuses a message from a partition it does not track', () => {
    const tracker = new OffsetTracker();

    expect(() => tracker.receive({ ...P1, offset: 0 })).toThrow(/not assigned/);
  });
});
