import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FailureStore } from '@piddi/failure-store';
import { NoFilesError, VersionLookupError, type RecordSet } from '@piddi/pid-records';
import type { ItemEvent } from '@piddi/stac-model';

import type { Logger } from '../logging.js';
import { ConsumerStats } from '../monitoring/index.js';
import type { IncomingEvent } from './incoming-event.js';
import { OutcomeRecorder } from './outcome-recorder.js';

interface LoggedLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

let outputDir: string;
let stats: ConsumerStats;
let lines: LoggedLine[];

function recordingLogger(): Logger {
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, message, fields });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function createRecorder(): OutcomeRecorder {
  return new OutcomeRecorder({
    failures: new FailureStore({ outputDir, fsync: false }),
    counters: stats,
    logger: recordingLogger(),
    maxErrors: -1,
    stopOnSkip: false,
    onStop: () => {},
  });
}

const INCOMING: IncomingEvent = {
  value: Buffer.from('{}'),
  retries: 0,
  coordinates: { topic: 'esgf', partition: 2, offset: '17', key: 'CMIP6.x' },
};
const POST = { method: 'POST' } as ItemEvent;

function recordSet(warnings: number): RecordSet {
  const file = { handle: '21.T/f', pid: 'f', pidSource: 'computed', fields: {} } as const;
  return {
    dataset: { ...file, handle: '21.T/d', aggregationLevel: 'DATASET', itemId: 'x' },
    files: [{ ...file, aggregationLevel: 'FILE', itemId: 'x', assetKey: 'data0000' }],
    warnings: Array.from({ length: warnings }, (_, index) => ({
      code: 'UNREADABLE_TIME' as const,
      message: `warning ${index}`,
      itemId: 'x',
    })),
  };
}

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'outcome-recorder-'));
  stats = new ConsumerStats();
  lines = [];
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

describe('OutcomeRecorder.registered', () => {
  it('counts the record warnings without logging them again', () => {
    createRecorder().registered(INCOMING, POST, recordSet(2));

    expect(stats.snapshot().counters).toMatchObject({ messages: 1, handles: 2, warnings: 2 });
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
  });
});

describe('OutcomeRecorder.failed and skipped', () => {
  const WARNINGS = recordSet(2).warnings;
  const noFiles = () =>
    new NoFilesError('Item "x" has no file', { itemId: 'x', warnings: WARNINGS });

  it('count the warnings of a build that failed after it warned', async () => {
    await createRecorder().failed(INCOMING, noFiles());

    expect(stats.snapshot().counters).toMatchObject({ messages: 1, errors: 1, warnings: 2 });
  });

  it('count them for an event skipped after a failed lookup too', async () => {
    const lookupDown = new VersionLookupError('index down', {
      retriable: true,
      warnings: WARNINGS,
    });

    await createRecorder().skipped(INCOMING, lookupDown);

    expect(stats.snapshot().counters).toMatchObject({ messages: 1, skipped: 1, warnings: 2 });
  });

  it('count none for a failure that carries no warnings', async () => {
    await createRecorder().failed(INCOMING, new Error('Handle server down'));

    expect(stats.snapshot().counters).toMatchObject({ errors: 1, warnings: 0 });
  });
});

describe('outcome log lines', () => {
  const COORDINATES = { topic: 'esgf', partition: 2, offset: '17', key: 'CMIP6.x' };

  it('give the Kafka coordinates of a registered event as fields of their own', () => {
    createRecorder().registered(INCOMING, POST, recordSet(0));

    expect(lines).toEqual([
      {
        level: 'info',
        message: 'Registered event',
        fields: { ...COORDINATES, dataset: '21.T/d', files: 1 },
      },
    ]);
  });

  it('give them for a failed event too, with the reason and the file it was recorded in', async () => {
    const error = Object.assign(new Error('Handle server down'), { code: 'SERVER_ERROR' });

    await createRecorder().failed(INCOMING, error);

    expect(lines).toEqual([
      {
        level: 'error',
        message: 'Event failed',
        fields: expect.objectContaining({
          ...COORDINATES,
          reason: 'Handle server down',
          code: 'SERVER_ERROR',
          file: expect.stringContaining(join(outputDir, 'failures', 'retries-0')),
        }),
      },
    ]);
  });
});

describe('outside failure counters', () => {
  const transient = () => Object.assign(new Error('Handle server down'), { retriable: true });

  it('count a retried failure once as an outside failure and once as a retry', () => {
    const recorder = createRecorder();

    recorder.attemptFailed(transient());
    recorder.retrying(INCOMING, transient(), 1);

    expect(stats.snapshot().counters).toMatchObject({ externalFailures: 1, retries: 1 });
  });

  it('count the last, exhausted attempt as an outside failure but not as a retry', () => {
    const recorder = createRecorder();

    recorder.attemptFailed(transient());
    recorder.retrying(INCOMING, transient(), 1);
    recorder.attemptFailed(transient());

    expect(stats.snapshot().counters).toMatchObject({ externalFailures: 2, retries: 1 });
  });

  it('do not count a bad event as an outside failure', () => {
    createRecorder().attemptFailed(new Error('The item id has 3 parts'));

    expect(stats.snapshot().counters).toMatchObject({ externalFailures: 0, retries: 0 });
  });
});
