import { describe, expect, it } from '@jest/globals';

import { SILENT_LOGGER } from './logger.js';
import { OffsetCommitter } from './offset-committer.js';
import { OffsetTracker, type CommitPosition } from './offset-tracker.js';
import { ERROR_CODES, type LibrdKafkaError, type RdKafkaConsumer } from './rdkafka.js';

const P0 = { topic: 'events', partition: 0 };
const P1 = { topic: 'events', partition: 1 };

/** Records what was committed; a commit throws while `refuse` is set. */
function createFakeConsumer() {
  const consumer = {
    refuse: false,
    sent: [] as CommitPosition[][],
    sentSync: [] as CommitPosition[][],
    commit: (positions: CommitPosition[]) => {
      if (consumer.refuse) throw new Error('Local: Broker transport failure');
      consumer.sent.push(positions);
    },
    commitSync: (positions: CommitPosition[]) => {
      if (consumer.refuse) throw new Error('Broker: Coordinator not available');
      consumer.sentSync.push(positions);
    },
  };
  return consumer;
}

/** The partitions librdkafka reports back after a commit, with their offsets. */
const answer = (...positions: (CommitPosition & { error?: LibrdKafkaError })[]) => positions;

function createCommitter(everyMessages = 500) {
  const consumer = createFakeConsumer();
  const tracker = new OffsetTracker();
  tracker.assign([P0, P1]);
  const committer = new OffsetCommitter(
    consumer as unknown as RdKafkaConsumer,
    tracker,
    SILENT_LOGGER,
    everyMessages,
  );
  const finish = (ref: typeof P0, offset: number) => {
    tracker.receive({ ...ref, offset }).complete();
    committer.noteCompleted();
  };
  return { consumer, tracker, committer, finish };
}

describe('OffsetCommitter while consuming', () => {
  it('commits once commitEveryMessages messages have finished', () => {
    const { consumer, finish } = createCommitter(3);

    finish(P0, 0);
    finish(P0, 1);
    const beforeThird = consumer.sent.length;
    finish(P1, 0);

    expect(beforeThird).toBe(0);
    expect(consumer.sent).toEqual([
      [
        { ...P0, offset: 2 },
        { ...P1, offset: 1 },
      ],
    ]);
  });

  it('sends only the positions that moved since the last commit', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    finish(P1, 0);
    committer.commitProgress();

    finish(P1, 1);
    committer.commitProgress();
    committer.commitProgress();

    expect(consumer.sent).toEqual([
      [
        { ...P0, offset: 1 },
        { ...P1, offset: 1 },
      ],
      [{ ...P1, offset: 2 }],
    ]);
  });

  it('sends a position again with the next commit when sending it threw', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    consumer.refuse = true;
    committer.commitProgress();

    consumer.refuse = false;
    committer.commitProgress();

    expect(consumer.sent).toEqual([[{ ...P0, offset: 1 }]]);
  });

  it('sends positions again when the broker answered the commit with an error', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    committer.commitProgress();
    const failure = { code: ERROR_CODES.ERR__TIMED_OUT, message: 'timed out' } as LibrdKafkaError;

    committer.onCommitResult(failure, answer({ ...P0, offset: 1 }));
    committer.commitProgress();

    expect(consumer.sent).toEqual([[{ ...P0, offset: 1 }], [{ ...P0, offset: 1 }]]);
  });

  it('sends again only the partitions whose commit failed', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    finish(P1, 0);
    committer.commitProgress();
    const partError = { code: 16, message: 'not coordinator' } as LibrdKafkaError;

    committer.onCommitResult(
      undefined,
      answer({ ...P0, offset: 1 }, { ...P1, offset: 1, error: partError }),
    );
    committer.commitProgress();

    expect(consumer.sent[1]).toEqual([{ ...P1, offset: 1 }]);
  });

  it('takes "no offset" as nothing to commit rather than a failure', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    committer.commitProgress();
    const noOffset = { code: ERROR_CODES.ERR__NO_OFFSET, message: 'no offset' } as LibrdKafkaError;

    committer.onCommitResult(noOffset, answer({ ...P0, offset: 1 }));
    committer.commitProgress();

    expect(consumer.sent).toHaveLength(1);
  });

  it('commits nothing more once closed', () => {
    const { consumer, committer, finish } = createCommitter(1);
    committer.close();

    finish(P0, 0);
    committer.commitProgress();

    expect(consumer.sent).toEqual([]);
  });
});

describe('OffsetCommitter on revoke and at the end', () => {
  it('commits the revoked partitions synchronously, also when unchanged', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    finish(P1, 0);
    committer.commitProgress();

    committer.commitRevoked([P1]);

    expect(consumer.sentSync).toEqual([[{ ...P1, offset: 1 }]]);
  });

  it('carries on when the commit of revoked partitions fails', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    consumer.refuse = true;

    expect(() => committer.commitRevoked([P0])).not.toThrow();
  });

  it('commits every position at the end, never past a message not done', () => {
    const { consumer, tracker, committer, finish } = createCommitter();
    finish(P0, 0);
    tracker.receive({ ...P0, offset: 1 });
    finish(P0, 2);

    committer.commitFinal();

    expect(consumer.sentSync).toEqual([[{ ...P0, offset: 1 }]]);
  });

  it('fails the final commit with KAFKA_COMMIT_FAILED', () => {
    const { consumer, committer, finish } = createCommitter();
    finish(P0, 0);
    consumer.refuse = true;

    expect(() => committer.commitFinal()).toThrow(
      expect.objectContaining({ code: 'KAFKA_COMMIT_FAILED', retriable: true }),
    );
  });
});
