import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { WriteFailedError } from './errors.js';
import type { Logger } from './logger.js';

/** How a line is appended. */
export interface AppendOptions {
  /** Flush the line (and a new file's folder entry) to the disk before resolving. */
  fsync: boolean;
  logger: Logger;
}

// Errors after which the same append may well succeed a little later.
const TRANSIENT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EIO']);
const NEWLINE = 0x0a;

// One chain per file for the whole process, so two writers aimed at the same file still take
// turns; the chain is dropped once it runs dry.
const pendingAppends = new Map<string, Promise<void>>();

/**
 * Appends `text` (a string, or bytes kept as they are) and a newline to `file` after every
 * earlier append to that file has finished. Resolves only once the whole line is in the file
 * (and on the disk when `fsync` is on).
 */
export function appendLine(
  file: string,
  text: string | Uint8Array,
  options: AppendOptions,
): Promise<void> {
  const path = resolve(file);
  const previous = pendingAppends.get(path) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(() => writeLine(path, text, options));

  pendingAppends.set(path, current);
  const forget = (): void => {
    if (pendingAppends.get(path) === current) pendingAppends.delete(path);
  };
  current.then(forget, forget);
  return current;
}

async function writeLine(
  file: string,
  text: string | Uint8Array,
  options: AppendOptions,
): Promise<void> {
  const createdFolder = await createFolder(dirname(file));
  const handle = await open(file, 'a+').catch((cause: unknown) => {
    throw toWriteError(file, cause);
  });

  try {
    const line = Buffer.concat([Buffer.from(text), Buffer.of(NEWLINE)]);
    await appendToHandle(handle, { file, line, createdFolder }, options);
    await handle.close();
  } catch (cause) {
    await handle.close().catch(() => undefined);
    throw toWriteError(file, cause);
  }
}

interface PendingLine {
  file: string;
  line: Buffer;
  /** The first folder created for this line, if any. */
  createdFolder: string | undefined;
}

async function appendToHandle(
  handle: FileHandle,
  { file, line, createdFolder }: PendingLine,
  options: AppendOptions,
): Promise<void> {
  const sizeBefore = (await handle.stat()).size;
  const torn = await endsWithTornLine(handle, sizeBefore);
  if (torn) {
    options.logger.warn('Sealed an unfinished last line before appending', { file });
  }

  try {
    await writeAll(handle, torn ? Buffer.concat([Buffer.of(NEWLINE), line]) : line);
    if (options.fsync) await flushToDisk(handle, file, sizeBefore === 0, createdFolder);
  } catch (cause) {
    // A half-written line would glue itself to the next one; cut it off again.
    await handle.truncate(sizeBefore).catch(() => undefined);
    throw cause;
  }
}

// A crash mid-write leaves a last line without its newline. Ending it keeps the fragment on
// a line of its own (the reader reports it) instead of corrupting the line written now.
async function endsWithTornLine(handle: FileHandle, size: number): Promise<boolean> {
  if (size === 0) return false;

  const lastByte = Buffer.alloc(1);
  await handle.read(lastByte, 0, 1, size - 1);
  return lastByte[0] !== NEWLINE;
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    written += bytesWritten;
  }
}

async function createFolder(folder: string): Promise<string | undefined> {
  try {
    return await mkdir(folder, { recursive: true });
  } catch (cause) {
    throw toWriteError(folder, cause);
  }
}

// A new file or folder survives a power cut only once the entry in its parent is flushed too.
async function flushToDisk(
  handle: FileHandle,
  file: string,
  isNewFile: boolean,
  createdFolder: string | undefined,
): Promise<void> {
  await handle.datasync();
  if (isNewFile) await syncFolder(dirname(file));
  if (createdFolder === undefined) return;

  for (let folder = dirname(file); folder !== dirname(createdFolder); folder = dirname(folder)) {
    await syncFolder(dirname(folder));
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function toWriteError(file: string, cause: unknown): WriteFailedError {
  if (cause instanceof WriteFailedError) return cause;

  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  return new WriteFailedError(file, cause, TRANSIENT_CODES.has(code));
}
