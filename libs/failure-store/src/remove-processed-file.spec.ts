import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readFailureFile } from './failure-file.js';
import { FailureStore } from './failure-store.js';
import type { Logger } from './logger.js';
import { removeProcessedFile } from './remove-processed-file.js';

const GRACE_MS = 200;
const DAY = new Date('2025-07-23T12:00:00Z');

let outputDir: string;
let store: FailureStore;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'remove-processed-'));
  store = new FailureStore({ outputDir, now: () => DAY });
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

function recordFailure(n: number): Promise<string> {
  return store.recordFailure({ event: { n }, reason: 'Handle server down' });
}

async function eventsIn(file: string): Promise<unknown[]> {
  const { entries } = await readFailureFile(file);
  return entries.map((entry) => entry.record.n);
}

async function waitForTombstone(folder: string): Promise<void> {
  while (!(await readdir(folder)).some((name) => name.includes('.removing-'))) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('removeProcessedFile', () => {
  it('deletes a file that nobody appended to and leaves nothing behind', async () => {
    const file = await recordFailure(1);
    const { readBytes } = await readFailureFile(file);

    const removed = await removeProcessedFile(file, { processedBytes: readBytes, graceMs: 1 });

    expect(removed).toEqual({ file, keptLines: 0 });
    expect(await readdir(join(outputDir, 'failures', 'retries-0'))).toEqual([]);
  });

  it('keeps a line appended after the file was read, and only that line', async () => {
    const file = await recordFailure(1);
    await recordFailure(2);
    const { readBytes } = await readFailureFile(file);
    await recordFailure(3);

    const removed = await removeProcessedFile(file, { processedBytes: readBytes, graceMs: 1 });

    expect(removed.keptLines).toBe(1);
    expect(await eventsIn(file)).toEqual([3]);
    expect(await readdir(join(outputDir, 'failures', 'retries-0'))).toEqual([
      'failed_items_2025-07-23.jsonl',
    ]);
  });

  it('keeps a line written by an append that had opened the file before it was moved', async () => {
    const file = await recordFailure(1);
    const { readBytes } = await readFailureFile(file);
    const lateWriter = await open(file, 'a');

    const removal = removeProcessedFile(file, { processedBytes: readBytes, graceMs: GRACE_MS });
    await waitForTombstone(join(outputDir, 'failures', 'retries-0'));
    await lateWriter.write('{"n":2}\n');
    await lateWriter.close();
    const removed = await removal;

    expect(removed.keptLines).toBe(1);
    expect(await eventsIn(file)).toEqual([2]);
  });

  it('puts the kept lines after those a new writer appended meanwhile', async () => {
    const file = await recordFailure(1);
    const { readBytes } = await readFailureFile(file);
    const lateWriter = await open(file, 'a');

    const removal = removeProcessedFile(file, { processedBytes: readBytes, graceMs: GRACE_MS });
    await waitForTombstone(join(outputDir, 'failures', 'retries-0'));
    await recordFailure(3);
    await lateWriter.write('{"n":2}\n');
    await lateWriter.close();
    await removal;

    expect(await eventsIn(file)).toEqual([3, 2]);
  });

  it('drops an unfinished last line with a warning, and keeps the complete ones', async () => {
    const file = await recordFailure(1);
    const { readBytes } = await readFailureFile(file);
    await appendFile(file, '{"n":2}\n\n{"n":3,"tor');
    const warnings: string[] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (message) => void warnings.push(message),
      error: () => {},
    };

    const removed = await removeProcessedFile(file, {
      processedBytes: readBytes,
      graceMs: 1,
      logger,
    });

    expect(removed.keptLines).toBe(1);
    expect(await readFile(file, 'utf8')).toBe('{"n":2}\n');
    expect(warnings).toEqual(['Dropped an unfinished last line that no append completed']);
  });

  it('counts a file that is already gone as removed', async () => {
    const gone = join(outputDir, 'gone.jsonl');

    await expect(removeProcessedFile(gone, { processedBytes: 0, graceMs: 1 })).resolves.toEqual({
      file: gone,
      keptLines: 0,
    });
  });

  it('keeps lines that are not JSON byte for byte', async () => {
    const file = join(outputDir, 'items.jsonl');
    await writeFile(file, '{"n":1}\n');
    const notUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]);
    await appendFile(file, notUtf8);

    await removeProcessedFile(file, { processedBytes: 8, graceMs: 1 });

    expect(await readFile(file)).toEqual(notUtf8);
  });
});
