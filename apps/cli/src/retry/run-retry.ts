import { snapshotJsonlFiles, type FileSnapshot } from '@piddi/failure-store';
import { createEventProducer } from '@piddi/kafka-source';

import { buildPipeline } from '../pipeline/build-pipeline.js';
import type { RunSession } from '../run-session.js';
import { retryFile, type FileRetryReport } from './retry-file.js';
import { KafkaRetryTarget, PipelineRetryTarget, type RetryTarget } from './retry-targets.js';

export interface RetryMode {
  paths: string[];
  deleteAfter: boolean;
  dryRun: boolean;
  viaKafka: boolean;
}

/** Opens where retried events go; `close` releases it. */
async function openTarget(session: RunSession, mode: RetryMode) {
  const { config, logger, stats } = session;
  if (mode.viaKafka) {
    const topic = config.consumer.retry_topic;
    if (!topic) throw new Error('--via-kafka needs consumer.retry_topic in the configuration');
    const producer = await createEventProducer(config.kafka, { logger });
    return { target: new KafkaRetryTarget(producer, topic), close: () => producer.close() };
  }

  const pipeline = buildPipeline(
    config,
    { dryRun: mode.dryRun, dump: false, force: true },
    { logger, counters: stats, onStop: () => {} },
  );
  return { target: new PipelineRetryTarget(pipeline.processor), close: pipeline.close };
}

function summaryLine(report: Pick<FileRetryReport, 'succeeded' | 'failed' | 'unreadable'>): string {
  const unreadable = report.unreadable > 0 ? `, ${report.unreadable} unreadable line(s)` : '';
  return `${report.succeeded} succeeded, ${report.failed} failed${unreadable}`;
}

function deletionNote(report: FileRetryReport): string {
  if (!report.deleted) return '';
  if (report.keptLines === 0) return ' (deleted)';
  return ` (deleted; kept ${report.keptLines} line(s) appended meanwhile)`;
}

/**
 * Retries the events of failure, skipped or dump files and prints a summary per file and
 * overall. Each file is read as it was when the run began, so that events this run records
 * again (under retries-<N+1>) wait for the next run. Resolves to the exit code: 0 when every
 * event succeeded.
 */
export async function runRetry(session: RunSession, mode: RetryMode): Promise<number> {
  const files = await snapshotJsonlFiles(mode.paths);
  const { target, close } = await openTarget(session, mode);
  const total = { succeeded: 0, failed: 0, unreadable: 0 };
  const concurrency = session.config.consumer.max_in_flight;

  try {
    for (const snapshot of files) {
      const report = await retryTarget(snapshot, target, mode, session, concurrency);
      total.succeeded += report.succeeded;
      total.failed += report.failed;
      total.unreadable += report.unreadable;
      session.print(`${snapshot.file}: ${summaryLine(report)}${deletionNote(report)}`);
    }
  } finally {
    await close();
  }
  session.print(`${files.length} file(s): ${summaryLine(total)}`);
  return total.failed + total.unreadable === 0 ? 0 : 1;
}

function retryTarget(
  snapshot: FileSnapshot,
  target: RetryTarget,
  mode: RetryMode,
  session: RunSession,
  concurrency: number,
) {
  return retryFile(snapshot.file, {
    endOffset: snapshot.size,
    target,
    concurrency,
    deleteAfter: mode.deleteAfter,
    logger: session.logger,
  });
}
