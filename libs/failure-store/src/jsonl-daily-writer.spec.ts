import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { JsonlDailyWriter } from './jsonl-daily-writer.js';
import type { Logger } from './logger.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jsonl-daily-writer-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readLines(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

function recordingLogger(warnings: string[]): Logger {
  const ignore = (): void => undefined;
  return { debug: ignore, info: ignore, error: ignore, warn: (message) => warnings.push(message) };
}

describe('JsonlDailyWriter', () => {
  it('rotates to a new file at UTC midnight', async () => {
    let now = new Date('2025-07-23T23:59:59.999Z');
    const writer = new JsonlDailyWriter({ folder, prefix: 'items', now: () => now });

    const before = await writer.write({ n: 1 });
    now = new Date('2025-07-24T00:00:00.000Z');
    const after = await writer.write({ n: 2 });

    expect(before).toBe(join(folder, 'items_2025-07-23.jsonl'));
    expect(after).toBe(join(folder, 'items_2025-07-24.jsonl'));
    expect(await readLines(before)).toEqual(['{"n":1}']);
    expect(await readLines(after)).toEqual(['{"n":2}']);
  });

  it('picks the day in UTC, not in the local zone of the moment', async () => {
    const moment = new Date('2025-07-24T01:30:00+02:00');
    const writer = new JsonlDailyWriter({ folder, prefix: 'items', now: () => moment });

    expect(await writer.write({})).toBe(join(folder, 'items_2025-07-23.jsonl'));
  });

  it('creates missing folders on the first write', async () => {
    const nested = join(folder, 'a', 'b', 'c');
    const writer = new JsonlDailyWriter({ folder: nested, prefix: 'items' });

    await writer.write({ ok: true });

    expect(await readdir(nested)).toHaveLength(1);
  });

  it('appends to the lines already in the file', async () => {
    const moment = new Date('2025-07-23T12:00:00Z');
    const file = join(folder, 'items_2025-07-23.jsonl');
    await writeFile(file, '{"n":0}\n');
    const writer = new JsonlDailyWriter({ folder, prefix: 'items', now: () => moment });

    await writer.write({ n: 1 });

    expect(await readLines(file)).toEqual(['{"n":0}', '{"n":1}']);
  });

  it('keeps 500 concurrent large lines whole and apart, also across two writers', async () => {
    const options = { folder, prefix: 'items', fsync: false };
    const writers = [new JsonlDailyWriter(options), new JsonlDailyWriter(options)];
    const padding = 'x'.repeat(20_000);

    const files = await Promise.all(
      Array.from({ length: 500 }, (_, n) => writers[n % 2].write({ n, padding })),
    );

    const lines = (await readLines(files[0])).map((line) => JSON.parse(line));
    expect(new Set(files).size).toBe(1);
    expect(lines).toHaveLength(500);
    expect(lines.map((line) => line.n).sort((a, b) => a - b)).toEqual([...Array(500).keys()]);
    expect(lines.every((line) => line.padding === padding)).toBe(true);
  });

  it('keeps a line break inside a value on one line', async () => {
    const writer = new JsonlDailyWriter({ folder, prefix: 'items' });

    const file = await writer.write({ text: 'one\ntwo\r\nthree' });

    expect(await readLines(file)).toEqual(['{"text":"one\\ntwo\\r\\nthree"}']);
  });

  it('ends an unfinished last line left by a crash before appending', async () => {
    const moment = new Date('2025-07-23T12:00:00Z');
    const file = join(folder, 'items_2025-07-23.jsonl');
    await writeFile(file, '{"n":0}\n{"n":1,"cut');
    const warnings: string[] = [];
    const writer = new JsonlDailyWriter({
      folder,
      prefix: 'items',
      now: () => moment,
      logger: recordingLogger(warnings),
    });

    await writer.write({ n: 2 });

    expect(await readLines(file)).toEqual(['{"n":0}', '{"n":1,"cut', '{"n":2}']);
    expect(warnings).toHaveLength(1);
  });

  it('rejects a value without a JSON form', async () => {
    const writer = new JsonlDailyWriter({ folder, prefix: 'items' });

    await expect(writer.write({ size: 1n })).rejects.toMatchObject({ code: 'INVALID_ENTRY' });
    await expect(writer.write(undefined)).rejects.toMatchObject({ code: 'INVALID_ENTRY' });
  });

  it('reports a folder that cannot be created as WRITE_FAILED, not retriable', async () => {
    const blocker = join(folder, 'not-a-folder');
    await writeFile(blocker, '');
    const writer = new JsonlDailyWriter({ folder: join(blocker, 'inner'), prefix: 'items' });

    await expect(writer.write({})).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      retriable: false,
    });
  });

  it('reports a file that cannot be opened as WRITE_FAILED and still accepts later lines', async () => {
    const moment = new Date('2025-07-23T12:00:00Z');
    const writer = new JsonlDailyWriter({ folder, prefix: 'items', now: () => moment });
    const file = writer.fileFor(moment);
    await mkdir(file);

    await expect(writer.write({ n: 1 })).rejects.toMatchObject({ code: 'WRITE_FAILED', file });

    await rm(file, { recursive: true });
    await writer.write({ n: 2 });
    expect(await readLines(file)).toEqual(['{"n":2}']);
  });
});
