import { DrainTimeoutError, type KafkaSource } from '@piddi/kafka-source';

import type { Logger } from '../logging.js';
import type { Pipeline } from '../pipeline/build-pipeline.js';
import type { StopReason } from '../pipeline/outcome-recorder.js';

/** Why a consumer run stopped: a limit of `[consumer]`, a signal, or idleness. */
export type ConsumeStopReason = StopReason | 'signal' | 'idle';

/** Exit code of a consumer that stopped with events unfinished after `drain_timeout_ms`. */
export const EXIT_EVENTS_UNFINISHED = 3;

/**
 * Runs the source until it stops, and gives the `DrainTimeoutError` of a stop that left events
 * unfinished instead of throwing it: what finished is committed and the rest comes again, so
 * it is an outcome of the stop rather than a failure of the run. Other errors are thrown.
 */
export async function runUntilStopped(source: KafkaSource): Promise<DrainTimeoutError | undefined> {
  try {
    await source.run();
    return undefined;
  } catch (error) {
    if (error instanceof DrainTimeoutError) return error;
    throw error;
  }
}

/**
 * Closes the pipeline once the source has stopped, unless handlers are still running; says
 * whether they are. Closing the Handle client under them would fail their writes, and their
 * events would be recorded as failed although Kafka delivers them again: they are left alone,
 * and the command ends the process without waiting for them.
 */
export async function closeUnlessBusy(pipeline: Pipeline, source: KafkaSource): Promise<boolean> {
  if (source.inFlightCount > 0) return true;

  await pipeline.close();
  return false;
}

/** Logs, at error level, the events a stop left unfinished and what becomes of them. */
export function reportUnfinishedEvents(
  logger: Logger,
  error: DrainTimeoutError,
  drainTimeoutMs: number,
): void {
  const events = error.unfinished.reduce((sum, { offsets }) => sum + offsets.length, 0);
  logger.error(
    'Stopped with events unfinished after consumer.drain_timeout_ms; they are not committed ' +
      'and will be delivered again',
    { code: error.code, drainTimeoutMs, events, unfinished: error.unfinished },
  );
}

/**
 * The exit code of a consumer run: 1 when events failed or were skipped past a limit, which
 * needs an operator; else 3 when the stop left events unfinished, which the next start takes
 * again; else 0.
 */
export function consumeExitCode(
  stopReason: ConsumeStopReason | undefined,
  unfinished: boolean,
): number {
  if (stopReason === 'max_errors' || stopReason === 'skipped') return 1;
  return unfinished ? EXIT_EVENTS_UNFINISHED : 0;
}
