import { handleKey } from '../handle-name.js';
import type { HandleRecord } from '../values/handle-value.js';

/** Called with every record after each change, to keep them somewhere. */
export type PersistRecords = (records: HandleRecord[]) => void;

/**
 * The handles the server holds, looked up without regard to case. Records are copied in and
 * out so a caller can never change a stored record behind the store's back.
 */
export class HandleStore {
  readonly #records = new Map<string, HandleRecord>();
  readonly #persist: PersistRecords | undefined;

  constructor(records: HandleRecord[] = [], persist?: PersistRecords) {
    for (const record of records) this.#records.set(handleKey(record.handle), copy(record));
    this.#persist = persist;
  }

  /** The record of a handle, or undefined. */
  get(handle: string): HandleRecord | undefined {
    const record = this.#records.get(handleKey(handle));
    return record && copy(record);
  }

  /** Stores a record, keeping the spelling of an existing handle's name. */
  put(record: HandleRecord): void {
    const key = handleKey(record.handle);
    const stored = this.#records.get(key);
    this.#records.set(key, copy({ ...record, handle: stored?.handle ?? record.handle }));
    this.#save();
  }

  /** Removes a handle; answers whether it was there. */
  delete(handle: string): boolean {
    const removed = this.#records.delete(handleKey(handle));
    if (removed) this.#save();
    return removed;
  }

  /**
   * The names of the handles under a prefix in upper case, sorted that way: how a real server
   * that ignores case keeps them.
   */
  listUnder(prefix: string): string[] {
    const start = handleKey(`${prefix}/`);
    return [...this.#records.entries()]
      .filter(([key]) => key.startsWith(start))
      .map(([, record]) => record.handle.toUpperCase())
      .sort();
  }

  /** Every record, sorted by name. */
  all(): HandleRecord[] {
    return [...this.#records.values()].sort((a, b) => a.handle.localeCompare(b.handle)).map(copy);
  }

  #save(): void {
    this.#persist?.(this.all());
  }
}

function copy(record: HandleRecord): HandleRecord {
  return structuredClone(record);
}
