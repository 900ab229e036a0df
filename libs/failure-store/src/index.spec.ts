import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { makeCmip6PostEvent } from '@piddi/testing';

import {
  FailureStore,
  expandJsonlPaths,
  readFailureFile,
  removeFile,
  toRetryEvent,
} from './index.js';

let outputDir: string;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'failure-store-api-'));
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

describe('the retry flow through the public API', () => {
  it('finds recorded failures by folder, gives their events back and removes the file', async () => {
    const store = new FailureStore({ outputDir, now: () => new Date('2025-07-23T12:00:00Z') });
    const events = [1, 2, 3].map((member) => makeCmip6PostEvent({ member }));
    for (const [offset, event] of events.entries()) {
      await store.recordFailure({ event, reason: 'r', coordinates: { topic: 't', offset } });
    }

    const files = await expandJsonlPaths([join(outputDir, 'failures')]);
    const { entries } = await readFailureFile(files[0]);
    await removeFile(files[0]);

    expect(files).toEqual([join(outputDir, 'failures/retries-0/failed_items_2025-07-23.jsonl')]);
    expect(entries.map((entry) => toRetryEvent(entry).event)).toEqual(events);
    await expect(expandJsonlPaths([join(outputDir, 'failures')])).resolves.toEqual([]);
  });
});
