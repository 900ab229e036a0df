import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MessageDump } from './message-dump.js';

let outputDir: string;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'message-dump-'));
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

describe('MessageDump', () => {
  it('writes each message with its receipt time to dump/dump_messages_<UTC date>.jsonl', async () => {
    const moment = new Date('2025-11-03T08:00:00Z');
    const dump = new MessageDump({ outputDir, now: () => moment });

    const file = await dump.write(Buffer.from('{"data":{"type":"STAC"}}'), {
      topic: 'esgf',
      partition: 0,
      offset: 7,
      key: 'item-1',
    });

    expect(file).toBe(join(outputDir, 'dump/dump_messages_2025-11-03.jsonl'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      data: { type: 'STAC' },
      key: 'item-1',
      __infos__: {
        received_timestamp: '2025-11-03T08:00:00.000Z',
        message_encoding: 'json',
        topic: 'esgf',
        partition: 0,
        offset: '7',
        key: 'item-1',
      },
    });
  });

  it('rotates at UTC midnight', async () => {
    let now = new Date('2025-11-03T23:59:59.999Z');
    const dump = new MessageDump({ outputDir, now: () => now });

    const before = await dump.write({});
    now = new Date('2025-11-04T00:00:00Z');
    const after = await dump.write({});

    expect([before, after]).toEqual([
      join(outputDir, 'dump/dump_messages_2025-11-03.jsonl'),
      join(outputDir, 'dump/dump_messages_2025-11-04.jsonl'),
    ]);
  });
});
