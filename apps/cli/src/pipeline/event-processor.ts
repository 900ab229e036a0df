import type { PidRecord, RecordSet } from '@piddi/pid-records';
import type { ItemEvent, ResolvedItemEvent } from '@piddi/stac-model';
import { tryParseEvent } from '@piddi/stac-model';

import { describeEvent, type IncomingEvent } from './incoming-event.js';
import type { OutcomeRecorder } from './outcome-recorder.js';
import { isRetriable, withTransientRetries, type TransientPolicy } from './transient-retry.js';

/** Where records go: the Handle server, or the dry-run file. */
export interface RecordWriter {
  /** Writes every record of one event, files before their dataset. */
  write(records: RecordSet): Promise<void>;
}

/** The steps of processing one event; each is a library call the CLI configured. */
export interface ProcessorSteps {
  /** PATCH events: fetch the item from the STAC API and apply the patch. */
  resolve(event: ItemEvent): Promise<ResolvedItemEvent>;
  buildRecords(event: ResolvedItemEvent): Promise<RecordSet>;
  writer: RecordWriter;
  outcomes: OutcomeRecorder;
  transient: TransientPolicy;
  /** Called for every event as received, before anything else (`consume --dump`). */
  dump?: (incoming: IncomingEvent) => Promise<void>;
}

/** What became of an event; in every case it is done, and its offset may be committed. */
export type EventOutcome = 'registered' | 'failed' | 'skipped';

/**
 * Takes one event from bytes to handles. It never throws for a bad event: every event ends
 * registered, recorded as failed, or recorded as skipped. It throws only when the outcome
 * itself cannot be recorded (the failure store cannot write), so that nothing is committed.
 */
export class EventProcessor {
  constructor(private readonly steps: ProcessorSteps) {}

  async process(incoming: IncomingEvent): Promise<EventOutcome> {
    const { outcomes } = this.steps;
    await this.steps.dump?.(incoming);

    // Malformed assets are left to the record builder, which knows which assets are files:
    // in strict mode a bad file fails the event (INVALID_FILE), a bad thumbnail does not.
    const parsed = tryParseEvent(incoming.value ?? '', {
      source: describeEvent(incoming),
      assets: 'lenient',
    });
    if (!parsed.ok) return outcomes.failed(incoming, parsed.error);

    let records: RecordSet;
    try {
      records = await this.retryTransient(incoming, () => this.prepare(parsed.event));
    } catch (error) {
      if (isRetriable(error)) return outcomes.skipped(incoming, error);
      return outcomes.failed(incoming, error);
    }

    try {
      await this.retryTransient(incoming, () => this.steps.writer.write(records));
    } catch (error) {
      return outcomes.failed(incoming, error);
    }
    return outcomes.registered(incoming, parsed.event, records);
  }

  private async prepare(event: ItemEvent): Promise<RecordSet> {
    const resolved = await this.steps.resolve(event);
    return this.steps.buildRecords(resolved);
  }

  private retryTransient<T>(incoming: IncomingEvent, task: () => Promise<T>): Promise<T> {
    const { outcomes, transient } = this.steps;
    return withTransientRetries(task, transient, {
      onAttemptFailed: (error) => outcomes.attemptFailed(error),
      onRetry: (error, attempt) => outcomes.retrying(incoming, error, attempt),
    });
  }
}

/** Every record of a set, files first: the order in which they are written. */
export function recordsInWriteOrder(records: RecordSet): PidRecord[] {
  return [...records.files, records.dataset];
}
