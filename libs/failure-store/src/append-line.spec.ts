import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'append-line-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Writes one small line, then one larger than the file size limit, and prints the error code.
const WRITE_PAST_LIMIT = `
  process.on('SIGXFSZ', () => undefined);
  const { JsonlDailyWriter } = await import(process.env.WRITER_MODULE);
  const writer = new JsonlDailyWriter({ folder: process.env.OUT_FOLDER, prefix: 'items' });
  await writer.write({ n: 1 });
  await writer.write({ pad: 'x'.repeat(3000) }).then(
    () => console.log('written'),
    (error) => console.log(error.code),
  );
`;

// A real short write: the shell caps the child's file size at 2 KiB, so the kernel accepts
// only part of the long line and refuses the rest.
function runUnderFileSizeLimit(): string {
  const child = spawnSync(
    'bash',
    [
      '-c',
      'ulimit -f 2 && exec "$0" --import tsx --input-type=module -e "$1"',
      process.execPath,
      WRITE_PAST_LIMIT,
    ],
    {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      env: {
        ...process.env,
        WRITER_MODULE: join(import.meta.dirname, 'jsonl-daily-writer.ts'),
        OUT_FOLDER: folder,
      },
      encoding: 'utf8',
    },
  );
  expect(child.stderr).toBe('');
  return child.stdout.trim();
}

describe('appendLine', () => {
  it('cuts a half-written line off again and reports WRITE_FAILED', async () => {
    const outcome = runUnderFileSizeLimit();

    const [file] = await readdir(folder);
    expect(outcome).toBe('WRITE_FAILED');
    expect(await readFile(join(folder, file), 'utf8')).toBe('{"n":1}\n');
  });
});
