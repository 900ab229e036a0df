import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readFailureFile } from './failure-file.js';
import { snapshotJsonlFiles } from './file-snapshot.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'file-snapshot-'));
  await mkdir(join(folder, 'retries-0'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('snapshotJsonlFiles', () => {
  it('notes the size of every file found', async () => {
    await writeFile(join(folder, 'retries-0', 'a.jsonl'), '{"n":1}\n');
    await writeFile(join(folder, 'b.jsonl'), '');

    expect(await snapshotJsonlFiles([folder])).toEqual([
      { file: join(folder, 'b.jsonl'), size: 0 },
      { file: join(folder, 'retries-0', 'a.jsonl'), size: 8 },
    ]);
  });

  it('lets a reader skip what was appended after the snapshot', async () => {
    const file = join(folder, 'retries-0', 'a.jsonl');
    await writeFile(file, '{"n":1}\n');
    const [snapshot] = await snapshotJsonlFiles([file]);
    await appendFile(file, '{"n":2}\n');

    const { entries } = await readFailureFile(file, { endOffset: snapshot!.size });

    expect(entries.map((entry) => entry.record.n)).toEqual([1]);
  });
});
