import type { HandleRecordSink } from '@piddi/failure-store';
import { toDryRunLine, type RecordSet } from '@piddi/pid-records';

import type { RecordWriter } from './event-processor.js';
import { recordsInWriteOrder } from './event-processor.js';

/** Writes records to `handles/handles_<date>.jsonl` instead of a Handle server (`--dry-run`). */
export class DryRunWriter implements RecordWriter {
  constructor(
    private readonly sink: HandleRecordSink,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async write(records: RecordSet): Promise<void> {
    for (const record of recordsInWriteOrder(records)) {
      await this.sink.write({ ...toDryRunLine(record, this.now()) });
    }
  }
}
