import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FailureStore } from '@piddi/failure-store';
import type { RecordSet } from '@piddi/pid-records';
import type { ResolvedItemEvent } from '@piddi/stac-model';
import { makeCmip6PostEvent } from '@piddi/testing';

import type { Logger } from '../logging.js';
import { ConsumerStats } from '../monitoring/index.js';
import { EventProcessor, type RecordWriter } from './event-processor.js';
import { OutcomeRecorder } from './outcome-recorder.js';

const SILENT: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const POLICY = { retries: 2, backoffInitialMs: 1, backoffMaxMs: 2 };

let outputDir: string;
let stats: ConsumerStats;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'event-processor-'));
  stats = new ConsumerStats();
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

const RECORDS = {
  dataset: { handle: '21.T/d', fields: {} },
  files: [],
  warnings: [],
} as unknown as RecordSet;

// A writer that fails with a transient error the first `failures` times.
function flakyWriter(failures: number): RecordWriter {
  let calls = 0;
  return {
    write: async () => {
      calls += 1;
      if (calls <= failures) {
        throw Object.assign(new Error('Handle server answered 500'), { retriable: true });
      }
    },
  };
}

function processorWith(writer: RecordWriter): EventProcessor {
  const outcomes = new OutcomeRecorder({
    failures: new FailureStore({ outputDir, fsync: false }),
    counters: stats,
    logger: SILENT,
    maxErrors: -1,
    stopOnSkip: false,
    onStop: () => {},
  });
  return new EventProcessor({
    resolve: async (event) => event as ResolvedItemEvent,
    buildRecords: async () => RECORDS,
    writer,
    outcomes,
    transient: POLICY,
  });
}

function process(processor: EventProcessor) {
  const value = Buffer.from(JSON.stringify(makeCmip6PostEvent({ member: 1 })));
  return processor.process({ value, coordinates: {}, retries: 0 });
}

describe('EventProcessor counting outside failures', () => {
  it('counts a write that fails once and then succeeds as one failure and one retry', async () => {
    expect(await process(processorWith(flakyWriter(1)))).toBe('registered');

    expect(stats.snapshot().counters).toMatchObject({ externalFailures: 1, retries: 1 });
  });

  it('counts every failed attempt of an exhausted write, and only the repeats as retries', async () => {
    expect(await process(processorWith(flakyWriter(99)))).toBe('failed');

    expect(stats.snapshot().counters).toMatchObject({
      externalFailures: POLICY.retries + 1,
      retries: POLICY.retries,
      errors: 1,
    });
  });
});
