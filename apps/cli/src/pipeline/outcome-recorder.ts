import type { FailureStore } from '@piddi/failure-store';
import { RecordError, type RecordSet, type RecordWarning } from '@piddi/pid-records';
import type { ItemEvent } from '@piddi/stac-model';

import type { Logger } from '../logging.js';
import type { StatsCounter } from '../monitoring/index.js';
import type { EventOutcome } from './event-processor.js';
import { eventLogFields, originalEvent, type IncomingEvent } from './incoming-event.js';
import { isRetriable } from './transient-retry.js';

/** Where the recorder counts; `ConsumerStats` of the monitoring module. */
export interface OutcomeCounters {
  increment(counter: StatsCounter, by?: number): void;
}

/** Why the consumer should stop taking new events. */
export type StopReason = 'max_errors' | 'skipped';

export interface OutcomeRecorderOptions {
  failures: FailureStore;
  counters: OutcomeCounters;
  logger: Logger;
  /** Failed events after which the consumer stops; -1 = never. */
  maxErrors: number;
  /** Stop when an event had to be skipped (`stop_on_skip`, unless `--force`). */
  stopOnSkip: boolean;
  /** Told once when a limit is reached. */
  onStop: (reason: StopReason) => void;
}

/**
 * Records what became of each event: counts it, logs one line, and writes failed and skipped
 * events to the failure store before the event counts as done.
 */
export class OutcomeRecorder {
  #failed = 0;

  constructor(private readonly options: OutcomeRecorderOptions) {}

  /** Failed events so far. */
  get failedCount(): number {
    return this.#failed;
  }

  registered(incoming: IncomingEvent, event: ItemEvent, records: RecordSet): EventOutcome {
    const { counters, logger } = this.options;
    counters.increment('messages');
    counters.increment('handles', records.files.length + 1);
    counters.increment('warnings', records.warnings.length);
    if (event.method === 'PATCH') counters.increment('patched');
    if (records.dataset.fields.RETRACTED_ON !== undefined) counters.increment('retracted');
    counters.increment('replicas', countReplicas(records));

    // Each warning was logged by the record builder as it happened, with its item and asset.
    logger.info('Registered event', {
      ...eventLogFields(incoming),
      dataset: records.dataset.handle,
      files: records.files.length,
    });
    return 'registered';
  }

  async failed(incoming: IncomingEvent, error: unknown): Promise<EventOutcome> {
    const { counters, logger, failures, maxErrors } = this.options;
    const file = await failures.recordFailure(this.entryOf(incoming, error));
    counters.increment('messages');
    counters.increment('errors');
    counters.increment('warnings', warningsOf(error).length);
    this.#failed += 1;

    logger.error('Event failed', { ...eventLogFields(incoming), ...describeError(error), file });
    if (maxErrors >= 0 && this.#failed >= maxErrors) this.options.onStop('max_errors');
    return 'failed';
  }

  async skipped(incoming: IncomingEvent, error: unknown): Promise<EventOutcome> {
    const { counters, logger, failures } = this.options;
    const file = await failures.recordSkipped(this.entryOf(incoming, error));
    counters.increment('messages');
    counters.increment('skipped');
    counters.increment('warnings', warningsOf(error).length);

    logger.warn('Event skipped: an outside service failed', {
      ...eventLogFields(incoming),
      ...describeError(error),
      file,
    });
    if (this.options.stopOnSkip) this.options.onStop('skipped');
    return 'skipped';
  }

  /**
   * Counts a failed attempt as an outside failure when its error says it may pass (an outside
   * service down or slow); a bad event is not one.
   */
  attemptFailed(error: unknown): void {
    if (isRetriable(error)) this.options.counters.increment('externalFailures');
  }

  retrying(incoming: IncomingEvent, error: unknown, attempt: number): void {
    this.options.counters.increment('retries');
    this.options.logger.warn('Retrying after a transient failure', {
      ...eventLogFields(incoming),
      attempt,
      ...describeError(error),
    });
  }

  private entryOf(incoming: IncomingEvent, error: unknown) {
    const { reason, code } = describeError(error);
    return {
      event: originalEvent(incoming.value),
      reason,
      errorCode: code,
      retries: incoming.retries,
      coordinates: incoming.coordinates,
    };
  }
}

function describeError(error: unknown): { reason: string; code?: string } {
  if (!(error instanceof Error)) return { reason: String(error) };
  const code = (error as { code?: unknown }).code;
  return { reason: error.message, code: typeof code === 'string' ? code : undefined };
}

// A build that failed after it warned hands its warnings over on the error; the record
// builder logged each of them already.
function warningsOf(error: unknown): readonly RecordWarning[] {
  return error instanceof RecordError ? error.warnings : [];
}

function countReplicas(records: RecordSet): number {
  const replicas = records.dataset.fields.REPLICA_NODES;
  return Array.isArray(replicas) ? replicas.length : 0;
}
