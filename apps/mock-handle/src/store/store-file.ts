import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { MockHandleError } from '../errors.js';
import type { HandleRecord } from '../values/handle-value.js';

/** The JSON document kept in a store file. */
interface StoreDocument {
  handles: HandleRecord[];
}

/**
 * Reads the handles kept in a store file; a missing file is an empty store. A file that is
 * not a store is refused rather than overwritten, so nothing kept is lost.
 */
export function loadStoreFile(path: string): HandleRecord[] {
  const text = readIfPresent(path);
  if (text === undefined) return [];

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw invalidStoreFile(`Store file ${path} is not valid JSON; fix or remove it`, cause);
  }
  if (!isStoreDocument(document)) {
    throw invalidStoreFile(`Store file ${path} has no "handles" list; fix or remove it`);
  }
  return document.handles;
}

/**
 * Writes the handles to a temporary file beside the store file and renames it over the store
 * file, so a crash mid-write leaves the previous version whole. Synchronous on purpose: two
 * writes can then never interleave.
 */
export function saveStoreFile(path: string, records: HandleRecord[]): void {
  const document: StoreDocument = { handles: records };
  const temporary = `${path}.${process.pid}.tmp`;

  writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`);
  renameSync(temporary, path);
}

function invalidStoreFile(message: string, cause?: unknown): MockHandleError {
  return new MockHandleError('INVALID_STORE_FILE', message, { cause });
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStoreDocument(document: unknown): document is StoreDocument {
  return (
    typeof document === 'object' &&
    document !== null &&
    Array.isArray((document as StoreDocument).handles)
  );
}
