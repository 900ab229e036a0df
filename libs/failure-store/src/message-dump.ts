import { join } from 'node:path';

import { JsonlDailyWriter } from './jsonl-daily-writer.js';
import type { Logger } from './logger.js';
import { DEFAULT_OUTPUT_DIR, OUTPUT_LAYOUT } from './output-layout.js';
import { composeLine, type KafkaCoordinates } from './stored-line.js';

/** Options of {@link MessageDump} and {@link HandleRecordSink}. */
export interface OutputFileOptions {
  /** @default 'outputs' */
  outputDir?: string;
  /**
   * Flush each line to the disk before `write` resolves. Off by default: this output can be
   * produced again, and flushing every message would slow the consumer down.
   * @default false
   */
  fsync?: boolean;
  /** @default () => new Date() */
  now?: () => Date;
  logger?: Logger;
}

/**
 * Writes every message as received to `dump/dump_messages_<date>.jsonl`: the event (or its
 * raw value) plus `__infos__` with the receipt time and Kafka coordinates. Dump files can be
 * read back like failure files.
 */
export class MessageDump {
  private readonly writer: JsonlDailyWriter;
  private readonly now: () => Date;

  constructor(options: OutputFileOptions = {}) {
    const { folder, prefix } = OUTPUT_LAYOUT.dump;
    this.now = options.now ?? (() => new Date());
    this.writer = new JsonlDailyWriter({
      ...options,
      folder: join(options.outputDir ?? DEFAULT_OUTPUT_DIR, folder),
      prefix,
      fsync: options.fsync ?? false,
      now: this.now,
    });
  }

  /**
   * Appends one received message.
   * @param event the parsed event object, or the raw message value (bytes, text or null).
   * @returns the path of the file written to.
   */
  write(event: unknown, coordinates: KafkaCoordinates = {}): Promise<string> {
    const moment = this.now();
    const line = composeLine(event, { received_timestamp: moment.toISOString() }, coordinates);
    return this.writer.write(line, moment);
  }
}
