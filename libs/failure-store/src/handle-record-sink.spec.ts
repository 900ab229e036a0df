import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HandleRecordSink } from './handle-record-sink.js';

let outputDir: string;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'handle-record-sink-'));
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

describe('HandleRecordSink', () => {
  it('writes each handle record line as given to handles/handles_<UTC date>.jsonl', async () => {
    let now = new Date('2025-11-03T23:59:59Z');
    const sink = new HandleRecordSink({ outputDir, now: () => now });
    const dataset = {
      handle: '21.T14995/abc',
      URL: 'https://handle.example/abc',
      data: { AGGREGATION_LEVEL: 'DATASET' },
      timestamp: '2025-11-03T23:59:59Z',
    };

    const first = await sink.write(dataset);
    const second = await sink.write({ ...dataset, handle: '21.T14995/def' });
    now = new Date('2025-11-04T00:00:01Z');
    const nextDay = await sink.write(dataset);

    expect(first).toBe(join(outputDir, 'handles/handles_2025-11-03.jsonl'));
    expect(second).toBe(first);
    expect(nextDay).toBe(join(outputDir, 'handles/handles_2025-11-04.jsonl'));
    const lines = (await readFile(first, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([dataset, { ...dataset, handle: '21.T14995/def' }]);
  });
});
