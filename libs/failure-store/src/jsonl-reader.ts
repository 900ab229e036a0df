import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

import { CorruptLineError, ReadFailedError } from './errors.js';

/**
 * One line of a JSON Lines file, as read. `line` numbers start at 1 and count blank lines;
 * `end` is the byte offset just past the line and its newline.
 */
export type JsonlLine =
  | { kind: 'value'; file: string; line: number; end: number; value: unknown }
  | { kind: 'corrupt'; file: string; line: number; end: number; error: CorruptLineError }
  | TornLine;

/**
 * The unfinished last line a crash in the middle of a write leaves behind: it lacks its
 * newline and is not valid JSON. Its event was never confirmed as stored, so it is reported
 * rather than treated as corruption.
 */
export interface TornLine {
  kind: 'torn';
  file: string;
  line: number;
  text: string;
}

/** Options of {@link readJsonlLines}. */
export interface ReadJsonlOptions {
  /** Bytes read at a time. @default 65536 */
  chunkSize?: number;
  /**
   * Read only the bytes before this offset, e.g. the file's size when a run began; lines
   * appended later are left for the next reader. A line cut by the offset is left too when
   * the file goes on past it: it was being appended, not torn by a crash.
   * @default the whole file
   */
  endOffset?: number;
}

interface RawLine {
  bytes: Buffer;
  /** False for a last line that has no newline. */
  terminated: boolean;
  /** Byte offset just past the line (and its newline). */
  end: number;
}

const NEWLINE = 0x0a;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON Lines file line by line without loading it whole. Blank lines are passed over;
 * a line that is not UTF-8 JSON is reported as `corrupt` with its number, except an
 * unfinished last line, which is reported as `torn`.
 * @throws ReadFailedError when the file cannot be opened or read.
 */
export async function* readJsonlLines(
  file: string,
  options: ReadJsonlOptions = {},
): AsyncGenerator<JsonlLine> {
  const { endOffset } = options;
  if (endOffset !== undefined && endOffset <= 0) return;
  const chunks = createReadStream(file, {
    highWaterMark: options.chunkSize ?? 65_536,
    end: endOffset === undefined ? undefined : endOffset - 1,
  });
  let line = 0;

  try {
    for await (const raw of splitLines(chunks)) {
      line += 1;
      if (!raw.terminated && (await goesOnPast(file, endOffset))) return;
      const parsed = parseLine(file, line, raw);
      if (parsed !== undefined) yield parsed;
    }
  } catch (cause) {
    throw new ReadFailedError(file, cause);
  } finally {
    chunks.destroy();
  }
}

async function goesOnPast(file: string, endOffset: number | undefined): Promise<boolean> {
  return endOffset !== undefined && (await stat(file)).size > endOffset;
}

async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let chunkStart = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      pending.push(chunk.subarray(start, end));
      yield { bytes: Buffer.concat(pending), terminated: true, end: chunkStart + end + 1 };
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
    chunkStart += chunk.length;
  }
  if (pending.length > 0) {
    yield { bytes: Buffer.concat(pending), terminated: false, end: chunkStart };
  }
}

function parseLine(file: string, line: number, raw: RawLine): JsonlLine | undefined {
  let text: string;
  try {
    text = STRICT_UTF8.decode(raw.bytes);
  } catch {
    return unreadable(file, line, raw, 'not UTF-8');
  }
  if (text.trim() === '') return undefined;

  try {
    return { kind: 'value', file, line, end: raw.end, value: JSON.parse(text) };
  } catch {
    return unreadable(file, line, raw, 'not valid JSON');
  }
}

function unreadable(file: string, line: number, raw: RawLine, problem: string): JsonlLine {
  if (!raw.terminated) return { kind: 'torn', file, line, text: raw.bytes.toString('utf8') };
  const error = new CorruptLineError(file, line, problem);
  return { kind: 'corrupt', file, line, end: raw.end, error };
}
