import { buildAdminValue, type HandleClient } from '@piddi/handle-client';
import { toHandleValues, type PidRecord, type RecordSet } from '@piddi/pid-records';

import type { RecordWriter } from './event-processor.js';

/**
 * Writes records to a Handle server, replacing what is there so that an event delivered twice
 * writes the same handles. Files go first, all at once (the client bounds the requests in
 * flight), and the dataset only after every file: a dataset handle never points at file
 * handles that were not written.
 */
export class HandleWriter implements RecordWriter {
  constructor(
    private readonly client: HandleClient,
    private readonly prefix: string,
  ) {}

  async write(records: RecordSet): Promise<void> {
    await Promise.all(records.files.map((file) => this.writeRecord(file)));
    await this.writeRecord(records.dataset);
  }

  private async writeRecord(record: PidRecord): Promise<void> {
    const values = [...toHandleValues(record), buildAdminValue({ prefix: this.prefix })];
    await this.client.putHandle(record.handle, values, { overwrite: true });
  }
}
