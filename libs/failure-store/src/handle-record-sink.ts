import { join } from 'node:path';

import { JsonlDailyWriter } from './jsonl-daily-writer.js';
import type { OutputFileOptions } from './message-dump.js';
import { DEFAULT_OUTPUT_DIR, OUTPUT_LAYOUT } from './output-layout.js';

/**
 * Writes the handle records of a dry run to `handles/handles_<date>.jsonl`, one line per
 * handle. The caller builds each line; the sink only places it in the file of the day.
 */
export class HandleRecordSink {
  private readonly writer: JsonlDailyWriter;

  constructor(options: OutputFileOptions = {}) {
    const { folder, prefix } = OUTPUT_LAYOUT.handles;
    this.writer = new JsonlDailyWriter({
      ...options,
      folder: join(options.outputDir ?? DEFAULT_OUTPUT_DIR, folder),
      prefix,
      fsync: options.fsync ?? false,
    });
  }

  /**
   * Appends one handle record line, e.g. `{handle, URL, data, timestamp}`.
   * @returns the path of the file written to.
   */
  write(line: Record<string, unknown>): Promise<string> {
    return this.writer.write(line);
  }
}
