import { formatTime } from './times.js';
import type { FieldValue, PidRecord } from './types.js';

/** One value of a handle as the Handle REST API writes it. */
export interface HandleValue {
  index: number;
  type: string;
  data: { format: 'string'; value: string };
}

/** One line of the dry-run output (`handles_<UTC date>.jsonl`). */
export interface DryRunLine {
  handle: string;
  URL: string;
  /** Every field but URL, encoded as in a handle value. */
  data: Record<string, string>;
  /** When the line was written, ISO 8601 UTC. */
  timestamp: string;
}

/** Index of the URL value. */
export const URL_INDEX = 1;
const FIRST_FIELD_INDEX = 2;
// Indexes 100-199 are where Handle servers keep administrative values (HS_ADMIN at 100).
const RESERVED_INDEXES = { first: 100, last: 199 };

/** A field as a handle value's string: lists and objects as JSON, the rest as written. */
export function encodeFieldValue(value: FieldValue): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The record's fields as handle values: URL at index 1, the others in record order from 2
 * upward, skipping 100-199. HS_ADMIN is not among them; the writer adds it.
 */
export function toHandleValues(record: PidRecord): HandleValue[] {
  const values: HandleValue[] = [];
  let nextIndex = FIRST_FIELD_INDEX;

  for (const [type, value] of Object.entries(record.fields)) {
    const index = type === 'URL' ? URL_INDEX : nextIndex;
    if (type !== 'URL') nextIndex = followingIndex(nextIndex);
    values.push({ index, type, data: { format: 'string', value: encodeFieldValue(value) } });
  }

  return values.sort((left, right) => left.index - right.index);
}

/** The dry-run JSON line of a record, stamped with `now`. */
export function toDryRunLine(record: PidRecord, now: Date): DryRunLine {
  const data: Record<string, string> = {};
  for (const [type, value] of Object.entries(record.fields)) {
    if (type !== 'URL') data[type] = encodeFieldValue(value);
  }

  return {
    handle: record.handle,
    URL: encodeFieldValue(record.fields.URL),
    data,
    timestamp: formatTime(now),
  };
}

function followingIndex(index: number): number {
  const next = index + 1;
  return next >= RESERVED_INDEXES.first && next <= RESERVED_INDEXES.last
    ? RESERVED_INDEXES.last + 1
    : next;
}
