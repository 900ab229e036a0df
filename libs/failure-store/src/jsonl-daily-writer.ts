import { join } from 'node:path';

import { appendLine } from './append-line.js';
import { InvalidEntryError } from './errors.js';
import { SILENT_LOGGER, type Logger } from './logger.js';
import { dailyFileName } from './output-layout.js';

/** Where a {@link JsonlDailyWriter} writes and how carefully. */
export interface JsonlDailyWriterOptions {
  /** Folder of the daily files; created on the first write. */
  folder: string;
  /** File name prefix: lines go to `<folder>/<prefix>_<YYYY-MM-DD>.jsonl`. */
  prefix: string;
  /**
   * Flush every line to the disk before `write` resolves, so a crash right after cannot lose
   * it. Turn off only for output that can be produced again (dumps, dry-run records).
   * @default true
   */
  fsync?: boolean;
  /** The clock that picks the UTC day. @default () => new Date() */
  now?: () => Date;
  /** @default SILENT_LOGGER */
  logger?: Logger;
}

/**
 * Appends JSON values, one per line, to a file per UTC day. Lines from concurrent calls never
 * interleave, and `write` resolves only once its line is complete in the file.
 */
export class JsonlDailyWriter {
  readonly folder: string;
  readonly prefix: string;
  private readonly fsync: boolean;
  private readonly now: () => Date;
  private readonly logger: Logger;

  constructor(options: JsonlDailyWriterOptions) {
    this.folder = options.folder;
    this.prefix = options.prefix;
    this.fsync = options.fsync ?? true;
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? SILENT_LOGGER;
  }

  /** The file that lines written at `moment` go to. */
  fileFor(moment: Date): string {
    return join(this.folder, dailyFileName(this.prefix, moment));
  }

  /**
   * Writes `value` as one JSON line to the file of `moment`'s UTC day (default: now).
   * @returns the path of the file written to.
   * @throws InvalidEntryError when `value` has no JSON form; WriteFailedError when the file
   *   could not be written.
   */
  async write(value: unknown, moment: Date = this.now()): Promise<string> {
    const text = toJsonText(value);
    const file = this.fileFor(moment);

    await appendLine(file, text, { fsync: this.fsync, logger: this.logger });
    this.logger.debug('Appended a line', { file, bytes: text.length + 1 });
    return file;
  }
}

// JSON.stringify escapes every line break inside strings, so the text is always one line.
function toJsonText(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new InvalidEntryError(`Cannot write a value without a JSON form: ${String(cause)}`);
  }
  if (text === undefined) throw new InvalidEntryError('Cannot write an undefined value');
  return text;
}
