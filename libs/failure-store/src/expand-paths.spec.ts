import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { expandJsonlPaths } from './expand-paths.js';

const FILES = [
  'outputs/failures/retries-0/failed_items_2025-07-23.jsonl',
  'outputs/failures/retries-0/failed_items_2025-07-24.jsonl',
  'outputs/failures/retries-0/notes.txt',
  'outputs/failures/retries-1/failed_items_2025-07-23.jsonl',
  'outputs/failures/retries-1/old/failed_items_2025-06-01.jsonl',
  'outputs/skipped/skipped_items_2025-07-23.jsonl',
  'outputs/dump/dump_messages_2025-07-23.jsonl',
  'outputs/handles/handles_2025-07-23.jsonl',
  'outputs/empty-by-design/.keep',
];

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'expand-paths-'));
  for (const file of FILES) {
    await mkdir(join(root, dirname(file)), { recursive: true });
    await writeFile(join(root, file), '');
  }
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function expand(...paths: string[]): Promise<string[]> {
  const files = await expandJsonlPaths(paths, { cwd: root });
  return files.map((file) => file.slice(root.length + 1));
}

describe('expandJsonlPaths', () => {
  it('takes a named file as given, whatever its extension', async () => {
    expect(await expand('outputs/failures/retries-0/notes.txt')).toEqual([
      'outputs/failures/retries-0/notes.txt',
    ]);
  });

  it('takes every .jsonl file below a folder, sorted', async () => {
    expect(await expand('outputs/failures')).toEqual([
      'outputs/failures/retries-0/failed_items_2025-07-23.jsonl',
      'outputs/failures/retries-0/failed_items_2025-07-24.jsonl',
      'outputs/failures/retries-1/failed_items_2025-07-23.jsonl',
      'outputs/failures/retries-1/old/failed_items_2025-06-01.jsonl',
    ]);
  });

  it('gives nothing, without error, for a folder without .jsonl files', async () => {
    expect(await expand('outputs/empty-by-design')).toEqual([]);
  });

  it('takes the .jsonl files a glob matches', async () => {
    expect(await expand('outputs/failures/*/*_2025-07-23.jsonl')).toEqual([
      'outputs/failures/retries-0/failed_items_2025-07-23.jsonl',
      'outputs/failures/retries-1/failed_items_2025-07-23.jsonl',
    ]);
  });

  it('never takes other files through a glob', async () => {
    expect(await expand('outputs/failures/retries-0/*')).toEqual([
      'outputs/failures/retries-0/failed_items_2025-07-23.jsonl',
      'outputs/failures/retries-0/failed_items_2025-07-24.jsonl',
    ]);
  });

  it('takes the .jsonl files below the folders a glob matches', async () => {
    expect(await expand('outputs/failures/retries-[1-9]')).toEqual([
      'outputs/failures/retries-1/failed_items_2025-07-23.jsonl',
      'outputs/failures/retries-1/old/failed_items_2025-06-01.jsonl',
    ]);
  });

  it('matches any depth with **', async () => {
    expect(await expand('outputs/**/*_2025-07-23.jsonl')).toEqual([
      'outputs/failures/retries-0/failed_items_2025-07-23.jsonl',
      'outputs/failures/retries-1/failed_items_2025-07-23.jsonl',
      'outputs/skipped/skipped_items_2025-07-23.jsonl',
    ]);
  });

  it('lists a file named by several paths once', async () => {
    const files = await expand(
      'outputs/skipped',
      'outputs/skipped/skipped_items_2025-07-23.jsonl',
      'outputs/*/skipped_items_*.jsonl',
    );

    expect(files).toEqual(['outputs/skipped/skipped_items_2025-07-23.jsonl']);
  });

  it('accepts absolute paths and patterns', async () => {
    const files = await expandJsonlPaths([join(root, 'outputs/skipped/*.jsonl')]);

    expect(files).toEqual([join(root, 'outputs/skipped/skipped_items_2025-07-23.jsonl')]);
  });

  it('reads glob characters only in the pattern, not in the working folder', async () => {
    const odd = join(root, 'run[1]');
    await mkdir(odd);
    await writeFile(join(odd, 'a.jsonl'), '');

    expect(await expandJsonlPaths(['*.jsonl'], { cwd: odd })).toEqual([join(odd, 'a.jsonl')]);
  });

  it('takes files linked into a folder but does not enter linked folders', async () => {
    const linked = join(root, 'linked');
    await mkdir(linked);
    await symlink(
      join(root, 'outputs/skipped/skipped_items_2025-07-23.jsonl'),
      join(linked, 'a.jsonl'),
    );
    await symlink(join(root, 'outputs'), join(linked, 'loop'));

    expect(await expand('linked')).toEqual(['linked/a.jsonl']);
  });

  it.each([
    ['a missing file', 'outputs/failures/retries-0/failed_items_1999-01-01.jsonl'],
    ['a missing folder', 'outputs/nowhere'],
    ['a glob that matches nothing', 'outputs/failures/*/failed_items_1999-*.jsonl'],
    ['a glob below a missing folder', 'nowhere/*.jsonl'],
  ])('rejects %s with PATH_NOT_FOUND', async (_, path) => {
    await expect(expand(path)).rejects.toMatchObject({ code: 'PATH_NOT_FOUND', file: path });
  });
});

describe('expandJsonlPaths and the kinds of output file', () => {
  const EVENTS_BELOW_OUTPUTS = [
    'outputs/failures/retries-0/failed_items_2025-07-23.jsonl',
    'outputs/failures/retries-0/failed_items_2025-07-24.jsonl',
    'outputs/failures/retries-1/failed_items_2025-07-23.jsonl',
    'outputs/failures/retries-1/old/failed_items_2025-06-01.jsonl',
    'outputs/skipped/skipped_items_2025-07-23.jsonl',
  ];

  it('leaves out dry-run records and dumps when walking the output folder', async () => {
    expect(await expand('outputs')).toEqual(EVENTS_BELOW_OUTPUTS);
  });

  it('leaves them out of a ** glob from above their folders too', async () => {
    expect(await expand('outputs/**/*.jsonl')).toEqual(EVENTS_BELOW_OUTPUTS);
  });

  it.each([
    ['the dump folder', 'outputs/dump'],
    ['a glob inside the dump folder', 'outputs/dump/*.jsonl'],
    ['a glob that matches the dump folder', 'outputs/d*'],
    ['the dump file', 'outputs/dump/dump_messages_2025-07-23.jsonl'],
  ])('takes the dumps when named by %s', async (_, path) => {
    expect(await expand(path)).toEqual(['outputs/dump/dump_messages_2025-07-23.jsonl']);
  });

  it('never finds dry-run records in their own folder', async () => {
    expect(await expand('outputs/handles')).toEqual([]);
  });

  it('takes a dry-run record file named as a file, as any file', async () => {
    expect(await expand('outputs/handles/handles_2025-07-23.jsonl')).toEqual([
      'outputs/handles/handles_2025-07-23.jsonl',
    ]);
  });
});
