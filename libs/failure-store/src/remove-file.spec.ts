import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { removeFile } from './remove-file.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'remove-file-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('removeFile', () => {
  it('deletes the file', async () => {
    const file = join(folder, 'failed_items_2025-07-23.jsonl');
    await writeFile(file, '{}\n');

    await removeFile(file);

    await expect(access(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('counts a file that is already gone as removed', async () => {
    await expect(removeFile(join(folder, 'gone.jsonl'))).resolves.toBeUndefined();
  });

  it('reports a path it cannot delete as WRITE_FAILED', async () => {
    const notAFile = join(folder, 'a-folder.jsonl');
    await mkdir(notAFile);

    await expect(removeFile(notAFile)).rejects.toMatchObject({ code: 'WRITE_FAILED' });
  });
});
