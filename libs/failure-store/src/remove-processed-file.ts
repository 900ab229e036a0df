import { randomUUID } from 'node:crypto';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { appendLine } from './append-line.js';
import { FailureStoreError } from './errors.js';
import { SILENT_LOGGER, type Logger } from './logger.js';
import { removeFile } from './remove-file.js';

/** Options of {@link removeProcessedFile}. */
export interface RemoveProcessedFileOptions {
  /**
   * Bytes from the start of the file whose every line was processed, as read:
   * `FailureFileContents.readBytes`. Lines after them are put back.
   */
  processedBytes: number;
  /**
   * How long an append that opened the file before it was moved aside may take to finish;
   * longer than one append (open, write, flush, close).
   * @default 1000
   */
  graceMs?: number;
  /** Flush the lines put back to the disk. @default true */
  fsync?: boolean;
  /** @default SILENT_LOGGER */
  logger?: Logger;
}

/** What {@link removeProcessedFile} did. */
export interface RemovedFile {
  file: string;
  /** Lines that were appended after `processedBytes` and are back in `file`. */
  keptLines: number;
}

const NEWLINE = 0x0a;
const JSONL_EXTENSION = '.jsonl';
// Rounds of the grace period at most: a file moved aside receives no new writer, so the
// appends under way end within the first round or two.
const MAX_GRACE_ROUNDS = 5;

/**
 * Deletes a failure, skipped or dump file whose first `processedBytes` were processed, without
 * losing lines a running consumer appended meanwhile (their offsets are already committed).
 * The file is renamed aside first, so new appends start a fresh file at the same path; once the
 * appends that had opened the old file are over, every complete line after `processedBytes` is
 * appended to the path again, and only then is the renamed file deleted.
 *
 * The renamed file ends in `.jsonl`: if the process dies before it is deleted, the next
 * `retry` of the folder takes it up like any other failure file.
 * @throws FailureStoreError (`WRITE_FAILED`) when the file cannot be renamed, or the lines
 *   cannot be put back (they stay in the renamed file, which the error names).
 */
export async function removeProcessedFile(
  file: string,
  options: RemoveProcessedFileOptions,
): Promise<RemovedFile> {
  const logger = options.logger ?? SILENT_LOGGER;
  const tombstone = tombstoneFor(file);
  if (!(await moveAside(file, tombstone))) return { file, keptLines: 0 };

  const keptLines = await putBackAppendedLines(file, tombstone, options, logger);
  await removeFile(tombstone);

  if (keptLines > 0) {
    logger.info('Kept the lines appended while the file was processed', { file, keptLines });
  }
  return { file, keptLines };
}

// `failed_items_2026-12-03.jsonl` -> `failed_items_2026-12-03.removing-1a2b3c4d.jsonl`:
// a name no writer appends to, unique so that a leftover of an earlier run is never replaced.
function tombstoneFor(file: string): string {
  const name = basename(file);
  const stem = name.endsWith(JSONL_EXTENSION) ? name.slice(0, -JSONL_EXTENSION.length) : name;
  return join(dirname(file), `${stem}.removing-${randomUUID().slice(0, 8)}${JSONL_EXTENSION}`);
}

async function moveAside(file: string, tombstone: string): Promise<boolean> {
  try {
    await rename(file, tombstone);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new FailureStoreError('WRITE_FAILED', `Could not delete ${file}: ${String(cause)}.`, {
      file,
      cause,
    });
  }
}

async function putBackAppendedLines(
  file: string,
  tombstone: string,
  options: RemoveProcessedFileOptions,
  logger: Logger,
): Promise<number> {
  try {
    const tail = await readSettledTail(tombstone, options.processedBytes, options.graceMs ?? 1000);
    if (tail.unfinished > 0) {
      logger.warn('Dropped an unfinished last line that no append completed', {
        file,
        bytes: tail.unfinished,
      });
    }
    for (const line of tail.lines) {
      await appendLine(file, line, { fsync: options.fsync ?? true, logger });
    }
    return tail.lines.length;
  } catch (cause) {
    throw new FailureStoreError(
      'WRITE_FAILED',
      `Could not put back the lines appended to ${file} while it was processed: ` +
        `${String(cause)}. They are kept in ${tombstone}; retry that file.`,
      { file: tombstone, cause },
    );
  }
}

interface Tail {
  /** The complete, non-blank lines after the processed bytes, without their newlines. */
  lines: Buffer[];
  /** Bytes of a last line that never got its newline (a writer that crashed mid-line). */
  unfinished: number;
}

// Waits until the moved file stops growing for one grace period, then reads what follows the
// processed bytes.
async function readSettledTail(tombstone: string, from: number, graceMs: number): Promise<Tail> {
  const handle = await open(tombstone, 'r');
  try {
    const size = await waitUntilSettled(handle, graceMs);
    if (size <= from) return { lines: [], unfinished: 0 };
    const bytes = Buffer.alloc(size - from);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, from);
    return splitTail(bytes.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function waitUntilSettled(handle: FileHandle, graceMs: number): Promise<number> {
  let size = (await handle.stat()).size;
  for (let round = 0; round < MAX_GRACE_ROUNDS; round++) {
    await new Promise((resolve) => setTimeout(resolve, graceMs));
    const grown = (await handle.stat()).size;
    if (grown === size) break;
    size = grown;
  }
  return size;
}

function splitTail(bytes: Buffer): Tail {
  const lastNewline = bytes.lastIndexOf(NEWLINE);
  const complete = bytes.subarray(0, lastNewline + 1);
  const lines: Buffer[] = [];
  for (let start = 0; start < complete.length;) {
    const end = complete.indexOf(NEWLINE, start);
    const line = complete.subarray(start, end);
    if (line.toString('utf8').trim() !== '') lines.push(line);
    start = end + 1;
  }
  return { lines, unfinished: bytes.length - complete.length };
}
