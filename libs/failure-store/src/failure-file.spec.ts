import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { makeCmip6PostEvent } from '@piddi/testing';

import { readFailureFile, readStoredLines, type StoredLine } from './failure-file.js';
import { FailureStore } from './failure-store.js';
import type { Logger } from './logger.js';
import { MessageDump } from './message-dump.js';
import { toRetryEvent } from './retry-event.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'failure-file-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeLines(lines: string[], ending = '\n'): Promise<string> {
  const file = join(folder, 'failed_items_2025-07-23.jsonl');
  await writeFile(file, lines.join('\n') + ending);
  return file;
}

// A line shaped like those the Python piddiplatsch writes: key at top level, no coordinates.
function pythonStyleLine(member: number, retries: number): string {
  const event = makeCmip6PostEvent({ member });
  const key = `item-${member}`;
  const infos = { failure_timestamp: '2026-01-16T10:30:15Z', retries, reason: 'Network error' };
  return JSON.stringify({ ...event, key, __infos__: infos });
}

function recordingLogger(messages: string[]): Logger {
  const record = (message: string): void => void messages.push(message);
  return { debug: record, info: record, warn: record, error: record };
}

describe('readFailureFile', () => {
  it('reads lines in the shape of the Python tool back to their events', async () => {
    const file = await writeLines([pythonStyleLine(1, 0), pythonStyleLine(2, 3)]);

    const { entries, corrupt, torn } = await readFailureFile(file);
    const retries = entries.map(toRetryEvent);

    expect(corrupt).toEqual([]);
    expect(torn).toBeUndefined();
    expect(entries.map((entry) => [entry.line, entry.retries, entry.reason])).toEqual([
      [1, 0, 'Network error'],
      [2, 3, 'Network error'],
    ]);
    expect(retries[1]).toMatchObject({
      event: makeCmip6PostEvent({ member: 2 }),
      key: 'item-2',
      retries: 3,
      source: { file, line: 2 },
    });
    expect(JSON.parse(String(retries[0].value))).toEqual(makeCmip6PostEvent({ member: 1 }));
  });

  it('ignores a torn last line with a warning and keeps the entries before it', async () => {
    const file = await writeLines([pythonStyleLine(1, 0), pythonStyleLine(2, 0).slice(0, 80)], '');
    const messages: string[] = [];

    const contents = await readFailureFile(file, { logger: recordingLogger(messages) });

    expect(contents.entries).toHaveLength(1);
    expect(contents.corrupt).toEqual([]);
    expect(contents.torn).toMatchObject({ kind: 'torn', file, line: 2 });
    expect(messages).toHaveLength(1);
  });

  it('counts the bytes up to the end of the last complete line, not a torn one', async () => {
    const first = pythonStyleLine(1, 0);
    const file = await writeLines([first, pythonStyleLine(2, 0).slice(0, 80)], '');

    const { readBytes } = await readFailureFile(file);

    expect(readBytes).toBe(Buffer.byteLength(`${first}\n`));
  });

  it('reports a corrupt middle line with its number and still reads the lines after it', async () => {
    const file = await writeLines([pythonStyleLine(1, 0), '{"data": {', pythonStyleLine(3, 0)]);

    const { entries, corrupt } = await readFailureFile(file);

    expect(entries.map((entry) => entry.line)).toEqual([1, 3]);
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]).toMatchObject({ code: 'CORRUPT_LINE', file, line: 2 });
  });

  it.each([
    ['a line that is not an object', '[1, 2]'],
    ['__infos__ that are not an object', '{"__infos__": "x"}'],
    ['a negative retry count', '{"__infos__": {"retries": -1}}'],
    ['a retry count given as text', '{"__infos__": {"retries": "2"}}'],
    ['an unknown message encoding', '{"__infos__": {"message_encoding": "rot13"}}'],
    ['text encoding without text', '{"raw_message": 5, "__infos__": {"message_encoding": "text"}}'],
    [
      'base64 encoding with other text',
      '{"raw_message": "?!", "__infos__": {"message_encoding": "base64"}}',
    ],
    ['an offset that is not a number', '{"__infos__": {"offset": "ten"}}'],
    ['an offset given as a list', '{"__infos__": {"offset": [10]}}'],
    ['a partition given as text', '{"__infos__": {"partition": "0"}}'],
  ])('reports %s as a corrupt line', async (_, line) => {
    const file = await writeLines(['{"data": 1}', line]);

    const { entries, corrupt } = await readFailureFile(file);

    expect(entries).toHaveLength(1);
    expect(corrupt.map((error) => [error.code, error.line])).toEqual([['CORRUPT_LINE', 2]]);
  });

  it('reads a line without __infos__ as an event with no retries', async () => {
    const file = await writeLines(['{"data": {"type": "STAC"}}']);

    const [entry] = (await readFailureFile(file)).entries;

    expect(entry).toMatchObject({ retries: 0, encoding: 'json', coordinates: {} });
    expect(toRetryEvent(entry).event).toEqual({ data: { type: 'STAC' } });
  });
});

describe('reading back what the store wrote', () => {
  const coordinates = { topic: 'esgf', partition: 1, offset: 77n, key: 'item-9' };

  async function roundTrip(event: unknown) {
    const store = new FailureStore({ outputDir: folder });
    const file = await store.recordFailure({ event, reason: 'r', retries: 4, coordinates });
    const { entries } = await readFailureFile(file);
    expect(entries).toHaveLength(1);
    return toRetryEvent(entries[0]);
  }

  it('gives back a JSON event without __infos__ or the added key, with its coordinates', async () => {
    const event = makeCmip6PostEvent({ member: 9 });

    const retry = await roundTrip(event);

    expect(retry.event).toEqual(event);
    expect(JSON.parse(String(retry.value))).toEqual(event);
    expect(retry).toMatchObject({
      key: 'item-9',
      retries: 4,
      coordinates: { topic: 'esgf', partition: 1, offset: '77', key: 'item-9' },
    });
  });

  it.each([
    ['text that is not JSON', Buffer.from('not json {')],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0x00, 0xc3, 0x28])],
    ['an empty value', Buffer.alloc(0)],
  ])('gives back %s byte for byte', async (_, bytes) => {
    const retry = await roundTrip(bytes);

    expect(retry.event).toBeUndefined();
    expect(retry.value).toEqual(bytes);
  });

  it('gives back a message without a value as null', async () => {
    expect((await roundTrip(null)).value).toBeNull();
  });

  it('keeps a key field that belongs to the event', async () => {
    const retry = await roundTrip({ data: 1, key: 'own' });

    expect(retry.event).toEqual({ data: 1, key: 'own' });
    expect(retry.key).toBe('item-9');
  });

  it('reads a dump file with receipt times and no retries', async () => {
    const moment = new Date('2025-11-03T08:00:00Z');
    const dump = new MessageDump({ outputDir: folder, now: () => moment });
    const file = await dump.write({ data: 1 }, { topic: 't', partition: 0, offset: 5, key: null });

    const [entry] = (await readFailureFile(file)).entries;

    expect(entry).toMatchObject({
      timestamp: '2025-11-03T08:00:00.000Z',
      retries: 0,
      coordinates: { topic: 't', partition: 0, offset: '5', key: null },
    });
    expect(toRetryEvent(entry)).toMatchObject({ event: { data: 1 }, key: null });
  });
});

describe('readStoredLines', () => {
  it('streams entries, corrupt lines and a torn end in file order', async () => {
    const file = await writeLines(['{"a":1}', 'oops', '{"a":3}']);
    await appendFile(file, '{"a":');

    const kinds: string[] = [];
    for await (const stored of readStoredLines(file)) kinds.push(kindOf(stored));

    expect(kinds).toEqual(['entry@1', 'corrupt@2', 'entry@3', 'torn@4']);
  });
});

function kindOf(stored: StoredLine): string {
  if (stored.kind === 'entry') return `entry@${stored.entry.line}`;
  if (stored.kind === 'corrupt') return `corrupt@${stored.error.line}`;
  return `torn@${stored.line}`;
}
