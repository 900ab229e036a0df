/** A field's value before it is encoded into a handle value. */
export type FieldValue = string | number | FieldValue[] | { [key: string]: FieldValue };

/** The fields of one handle record by value type, in the order they are written. */
export type RecordFields = Record<string, FieldValue>;

/** Where a record's PID came from: carried by the event, or computed from the item id. */
export type PidSource = 'event' | 'computed';

interface PidRecordBase {
  /** Handle name, `<prefix>/<pid>`. */
  handle: string;
  /** The suffix of the handle: a lower-case UUID. */
  pid: string;
  pidSource: PidSource;
  /** Every field of the record, `URL` first; empty values are already left out. */
  fields: RecordFields;
}

/** The handle record of a dataset (one STAC item). */
export interface DatasetRecord extends PidRecordBase {
  aggregationLevel: 'DATASET';
  itemId: string;
}

/** The handle record of one file (one asset of a STAC item). */
export interface FileRecord extends PidRecordBase {
  aggregationLevel: 'FILE';
  itemId: string;
  assetKey: string;
}

/** Either kind of handle record. */
export type PidRecord = DatasetRecord | FileRecord;

/** Stable codes of the warnings a build reports. */
export type RecordWarningCode =
  | 'INVALID_FILE_SKIPPED'
  | 'MAX_PARTS_REACHED'
  | 'UNREADABLE_TIME'
  | 'UNKNOWN_HOSTING_NODE'
  | 'INVALID_REPLICA_URL'
  | 'NON_CANONICAL_CHECKSUM';

/** Something an operator should know about a build that still produced records. */
export interface RecordWarning {
  code: RecordWarningCode;
  /** What happened, on which input, and what was written instead. */
  message: string;
  itemId: string;
  assetKey?: string;
  /** The record field concerned, e.g. `RETRACTED_ON`. */
  field?: string;
}

/** Every record one event produces. Files are listed in the order of `HAS_PARTS`. */
export interface RecordSet {
  dataset: DatasetRecord;
  files: FileRecord[];
  warnings: RecordWarning[];
}

/** Per-call context of a build. */
export interface BuildContext {
  /** Aborts a pending previous-version lookup. */
  signal?: AbortSignal;
}
