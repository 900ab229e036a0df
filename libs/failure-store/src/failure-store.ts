import { join } from 'node:path';

import { InvalidEntryError } from './errors.js';
import { JsonlDailyWriter } from './jsonl-daily-writer.js';
import { SILENT_LOGGER, type Logger } from './logger.js';
import { DEFAULT_OUTPUT_DIR, OUTPUT_LAYOUT, failureFolder } from './output-layout.js';
import { composeLine, type KafkaCoordinates } from './stored-line.js';

/** An event that could not be processed, and why. */
export interface FailureEntry {
  /**
   * The event as received: the parsed JSON object, or the raw message value (bytes or text)
   * when it could not be parsed, or null when the message had no value.
   */
  event: unknown;
  /** Why the event failed, for the operator. */
  reason: string;
  /** The stable code of the error that stopped the event, when there was one. */
  errorCode?: string;
  /** How often the event was retried before this failure. @default 0 */
  retries?: number;
  coordinates?: KafkaCoordinates;
}

/** Options of {@link FailureStore}. */
export interface FailureStoreOptions {
  /** @default 'outputs' */
  outputDir?: string;
  /** Flush each line to the disk before the record call resolves. @default true */
  fsync?: boolean;
  /** @default () => new Date() */
  now?: () => Date;
  /** @default SILENT_LOGGER */
  logger?: Logger;
}

/**
 * Keeps events that could not be processed, so that none is lost: failures under
 * `failures/retries-<N>/failed_items_<date>.jsonl`, skipped events under
 * `skipped/skipped_items_<date>.jsonl`. Each line is the original event plus `__infos__`.
 * A record call resolves once its line is complete on disk; only then may the caller commit
 * the event's offset.
 */
export class FailureStore {
  readonly outputDir: string;
  private readonly options: Required<Omit<FailureStoreOptions, 'outputDir'>>;
  private readonly failureWriters = new Map<number, JsonlDailyWriter>();
  private readonly skippedWriter: JsonlDailyWriter;

  constructor(options: FailureStoreOptions = {}) {
    this.outputDir = options.outputDir ?? DEFAULT_OUTPUT_DIR;
    this.options = {
      fsync: options.fsync ?? true,
      now: options.now ?? (() => new Date()),
      logger: options.logger ?? SILENT_LOGGER,
    };
    const { folder, prefix } = OUTPUT_LAYOUT.skipped;
    this.skippedWriter = this.createWriter(join(this.outputDir, folder), prefix);
  }

  /**
   * Records an event that failed; it goes to the folder of its retry count.
   * @returns the path of the file written to.
   */
  async recordFailure(entry: FailureEntry): Promise<string> {
    const retries = checkRetries(entry.retries);
    const moment = this.options.now();
    const line = composeLine(
      entry.event,
      outcomeOf(entry, retries, { failure_timestamp: moment.toISOString() }),
      entry.coordinates,
    );

    return this.failureWriter(retries).write(line, moment);
  }

  /**
   * Records an event skipped after a transient failure of an outside service.
   * @returns the path of the file written to.
   */
  async recordSkipped(entry: FailureEntry): Promise<string> {
    const retries = checkRetries(entry.retries);
    const moment = this.options.now();
    const line = composeLine(
      entry.event,
      outcomeOf(entry, retries, { skip_timestamp: moment.toISOString() }),
      entry.coordinates,
    );

    return this.skippedWriter.write(line, moment);
  }

  private failureWriter(retries: number): JsonlDailyWriter {
    let writer = this.failureWriters.get(retries);
    if (writer === undefined) {
      writer = this.createWriter(
        failureFolder(this.outputDir, retries),
        OUTPUT_LAYOUT.failures.prefix,
      );
      this.failureWriters.set(retries, writer);
    }
    return writer;
  }

  private createWriter(folder: string, prefix: string): JsonlDailyWriter {
    return new JsonlDailyWriter({ folder, prefix, ...this.options });
  }
}

function checkRetries(retries: number | undefined): number {
  const count = retries ?? 0;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new InvalidEntryError(`The retry count must be a whole number >= 0, got ${count}`);
  }
  return count;
}

function outcomeOf(entry: FailureEntry, retries: number, timestamp: Record<string, string>) {
  return { ...timestamp, retries, reason: entry.reason, error_code: entry.errorCode };
}
