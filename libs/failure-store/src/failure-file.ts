import { CorruptLineError } from './errors.js';
import {
  readJsonlLines,
  type JsonlLine,
  type ReadJsonlOptions,
  type TornLine,
} from './jsonl-reader.js';
import { SILENT_LOGGER, type Logger } from './logger.js';
import { toStoredEntry, type StoredEntry } from './stored-entry.js';

/**
 * One line of a failure, skipped or dump file: an entry, a corrupt line or a torn last line.
 * `end` is the byte offset just past the line and its newline.
 */
export type StoredLine =
  | { kind: 'entry'; entry: StoredEntry; end: number }
  | { kind: 'corrupt'; error: CorruptLineError; end: number }
  | TornLine;

/** Options of the failure file readers. */
export interface ReadFailureFileOptions extends ReadJsonlOptions {
  /** Told about torn last lines (warn) and corrupt lines (error). @default SILENT_LOGGER */
  logger?: Logger;
}

/** Everything read from one failure, skipped or dump file. */
export interface FailureFileContents {
  file: string;
  entries: StoredEntry[];
  /** Lines that could not be read, each with its file and line number. */
  corrupt: CorruptLineError[];
  /** The unfinished last line a crash left behind, if any. */
  torn?: TornLine;
  /**
   * Bytes from the start of the file to the end of the last complete line read. Lines
   * appended after the file was read start here; `removeProcessedFile` keeps them.
   */
  readBytes: number;
}

/**
 * Streams the lines of a failure, skipped or dump file. Corrupt lines and a torn last line are
 * yielded, not thrown, so one bad line does not hide the rest of the file.
 * @throws ReadFailedError when the file cannot be opened or read.
 */
export async function* readStoredLines(
  file: string,
  options: ReadFailureFileOptions = {},
): AsyncGenerator<StoredLine> {
  const logger = options.logger ?? SILENT_LOGGER;
  for await (const item of readJsonlLines(file, options)) {
    const stored = toStoredLine(item);
    if (stored.kind === 'torn') {
      logger.warn('Ignored an unfinished last line', { file, line: stored.line });
    } else if (stored.kind === 'corrupt') {
      logger.error('Found a corrupt line', { file, line: stored.error.line });
    }
    yield stored;
  }
}

/**
 * Reads a whole failure, skipped or dump file into memory.
 * @throws ReadFailedError when the file cannot be opened or read.
 */
export async function readFailureFile(
  file: string,
  options: ReadFailureFileOptions = {},
): Promise<FailureFileContents> {
  const contents: FailureFileContents = { file, entries: [], corrupt: [], readBytes: 0 };
  for await (const stored of readStoredLines(file, options)) {
    if (stored.kind === 'torn') {
      contents.torn = stored;
      continue;
    }
    if (stored.kind === 'entry') contents.entries.push(stored.entry);
    else contents.corrupt.push(stored.error);
    contents.readBytes = stored.end;
  }
  return contents;
}

function toStoredLine(item: JsonlLine): StoredLine {
  if (item.kind === 'torn') return item;
  if (item.kind === 'corrupt') return { kind: 'corrupt', error: item.error, end: item.end };

  try {
    const entry = toStoredEntry(item.value, item.file, item.line);
    return { kind: 'entry', entry, end: item.end };
  } catch (error) {
    if (error instanceof CorruptLineError) return { kind: 'corrupt', error, end: item.end };
    throw error;
  }
}
