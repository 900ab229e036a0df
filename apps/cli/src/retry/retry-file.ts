import { readFailureFile, removeProcessedFile, toRetryEvent } from '@piddi/failure-store';

import type { Logger } from '../logging.js';
import type { RetryTarget } from './retry-targets.js';

/** What retrying one file gave. */
export interface FileRetryReport {
  file: string;
  succeeded: number;
  failed: number;
  /** Lines that could not be read (corrupt, or a torn last line); they keep the file. */
  unreadable: number;
  deleted: boolean;
  /** Lines a running consumer appended while the file was retried; they stay in the file. */
  keptLines: number;
}

export interface RetryFileOptions {
  /** Read the file only up to this byte: its size when the run began. */
  endOffset: number;
  target: RetryTarget;
  /** Events retried at once. */
  concurrency: number;
  deleteAfter: boolean;
  logger: Logger;
}

async function forEachBounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Retries every event of a failure, skipped or dump file. With `deleteAfter`, the lines read
 * are deleted only when every one of them was readable and every event succeeded; lines a
 * consumer appended meanwhile are kept.
 */
export async function retryFile(file: string, options: RetryFileOptions): Promise<FileRetryReport> {
  const { logger } = options;
  const contents = await readFailureFile(file, { logger, endOffset: options.endOffset });
  const report: FileRetryReport = {
    file,
    succeeded: 0,
    failed: 0,
    unreadable: contents.corrupt.length + (contents.torn ? 1 : 0),
    deleted: false,
    keptLines: 0,
  };

  await forEachBounded(contents.entries, options.concurrency, async (entry) => {
    const succeeded = await options.target.retry(toRetryEvent(entry));
    if (succeeded) report.succeeded += 1;
    else report.failed += 1;
  });

  if (options.deleteAfter && report.failed === 0 && report.unreadable === 0) {
    const removed = await removeProcessedFile(file, { processedBytes: contents.readBytes, logger });
    report.deleted = true;
    report.keptLines = removed.keptLines;
  }
  return report;
}
