import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { makeCmip6PostEvent } from '@piddi/testing';

import { FailureStore, type FailureEntry } from './failure-store.js';

const MOMENT = new Date('2025-07-23T10:30:15.250Z');
const COORDINATES = { topic: 'esgf', partition: 3, offset: '1042', key: 'CMIP6.item.v1' };

let outputDir: string;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'failure-store-'));
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

function storeAt(moment: Date = MOMENT): FailureStore {
  return new FailureStore({ outputDir, now: () => moment });
}

async function readOnlyLine(file: string): Promise<Record<string, unknown>> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  return JSON.parse(lines[0]);
}

async function recordOne(entry: Partial<FailureEntry>): Promise<Record<string, unknown>> {
  const file = await storeAt().recordFailure({ event: {}, reason: 'Invalid item', ...entry });
  return readOnlyLine(file);
}

describe('FailureStore.recordFailure', () => {
  it('writes to failures/retries-<N>/failed_items_<UTC date>.jsonl', async () => {
    const store = storeAt();

    const first = await store.recordFailure({ event: {}, reason: 'r' });
    const third = await store.recordFailure({ event: {}, reason: 'r', retries: 2 });

    expect(first).toBe(join(outputDir, 'failures/retries-0/failed_items_2025-07-23.jsonl'));
    expect(third).toBe(join(outputDir, 'failures/retries-2/failed_items_2025-07-23.jsonl'));
  });

  it('writes the original event plus __infos__ with the failure and its coordinates', async () => {
    const event = makeCmip6PostEvent({ member: 1 });

    const line = await recordOne({
      event,
      reason: 'Handle Service timeout',
      errorCode: 'TIMEOUT',
      retries: 1,
      coordinates: COORDINATES,
    });

    expect(line).toEqual({
      ...event,
      key: 'CMIP6.item.v1',
      __infos__: {
        failure_timestamp: '2025-07-23T10:30:15.250Z',
        retries: 1,
        reason: 'Handle Service timeout',
        error_code: 'TIMEOUT',
        message_encoding: 'json',
        topic: 'esgf',
        partition: 3,
        offset: '1042',
        key: 'CMIP6.item.v1',
      },
    });
  });

  it('writes a 64-bit offset exactly, as a decimal string', async () => {
    const line = await recordOne({ coordinates: { offset: 9_007_199_254_740_993n } });

    expect(line.__infos__).toMatchObject({ offset: '9007199254740993' });
  });

  it('leaves out the parts of the coordinates that are not known', async () => {
    const line = await recordOne({ event: { data: 1 } });

    expect(line).toEqual({
      data: 1,
      __infos__: {
        failure_timestamp: MOMENT.toISOString(),
        retries: 0,
        reason: 'Invalid item',
        message_encoding: 'json',
      },
    });
  });

  it('writes a missing Kafka key as null inside __infos__ only', async () => {
    const line = await recordOne({ coordinates: { topic: 't', key: null } });

    expect(line).not.toHaveProperty('key');
    expect(line.__infos__).toMatchObject({ key: null });
  });

  it('never overwrites a key field of the event itself', async () => {
    const line = await recordOne({ event: { key: 'own' }, coordinates: { key: 'kafka' } });

    expect(line.key).toBe('own');
    expect(line.__infos__).toMatchObject({ key: 'kafka' });
  });

  it('parses a raw value that is a JSON object into the line', async () => {
    const event = makeCmip6PostEvent({ member: 2 });

    const line = await recordOne({ event: Buffer.from(JSON.stringify(event)) });

    expect(line).toMatchObject({ ...event, __infos__: { message_encoding: 'json' } });
  });

  it.each([
    ['text that is not JSON', 'not json {', 'not json {'],
    ['bytes that are not JSON', Buffer.from('{"data": '), '{"data": '],
    ['a JSON value that is not an object', '[1, 2]', '[1, 2]'],
    ['a parsed JSON value that is not an object', [1, 2], '[1,2]'],
  ])('keeps %s verbatim as raw_message text', async (_, event, raw) => {
    const line = await recordOne({ event });

    expect(line.raw_message).toBe(raw);
    expect(line.__infos__).toMatchObject({ message_encoding: 'text' });
  });

  it('keeps bytes that are not UTF-8 as base64', async () => {
    const line = await recordOne({ event: Buffer.from([0xff, 0xfe, 0x00, 0x7b]) });

    expect(line.raw_message).toBe('//4Aew==');
    expect(line.__infos__).toMatchObject({ message_encoding: 'base64' });
  });

  it('records a message without a value', async () => {
    const line = await recordOne({ event: null });

    expect(line.raw_message).toBeNull();
    expect(line.__infos__).toMatchObject({ message_encoding: 'none' });
  });

  it('moves to the next day file at UTC midnight', async () => {
    let now = new Date('2025-07-23T23:59:59.999Z');
    const store = new FailureStore({ outputDir, now: () => now });

    const before = await store.recordFailure({ event: {}, reason: 'r' });
    now = new Date('2025-07-24T00:00:00.000Z');
    const after = await store.recordFailure({ event: {}, reason: 'r' });

    expect(before).toMatch(/failed_items_2025-07-23\.jsonl$/);
    expect(after).toMatch(/failed_items_2025-07-24\.jsonl$/);
    expect((await readOnlyLine(after)).__infos__).toMatchObject({
      failure_timestamp: '2025-07-24T00:00:00.000Z',
    });
  });

  it('records 500 concurrent failures as 500 whole lines', async () => {
    const store = storeAt();

    const files = await Promise.all(
      Array.from({ length: 500 }, (_, member) =>
        store.recordFailure({
          event: makeCmip6PostEvent({ member, files: 20 }),
          reason: 'r',
          coordinates: { topic: 't', partition: 0, offset: member },
        }),
      ),
    );

    const text = await readFile(files[0], 'utf8');
    const offsets = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).__infos__.offset);
    expect(new Set(files).size).toBe(1);
    expect(new Set(offsets).size).toBe(500);
  });

  it.each([-1, 1.5, Number.NaN])('rejects the retry count %p', async (retries) => {
    await expect(
      storeAt().recordFailure({ event: {}, reason: 'r', retries }),
    ).rejects.toMatchObject({ code: 'INVALID_ENTRY' });
  });
});

describe('FailureStore.recordSkipped', () => {
  it('writes to skipped/skipped_items_<UTC date>.jsonl with a skip timestamp', async () => {
    const file = await storeAt().recordSkipped({
      event: { data: 1 },
      reason: 'STAC API unavailable',
      errorCode: 'STAC_UNAVAILABLE',
      coordinates: COORDINATES,
    });

    expect(file).toBe(join(outputDir, 'skipped/skipped_items_2025-07-23.jsonl'));
    expect(await readOnlyLine(file)).toEqual({
      data: 1,
      key: 'CMIP6.item.v1',
      __infos__: {
        skip_timestamp: MOMENT.toISOString(),
        retries: 0,
        reason: 'STAC API unavailable',
        error_code: 'STAC_UNAVAILABLE',
        message_encoding: 'json',
        ...COORDINATES,
      },
    });
  });
});
