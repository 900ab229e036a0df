import type { FieldValue, RecordFields } from './types.js';

/** A field value while a record is assembled: may still be empty or missing. */
export type DraftValue =
  FieldValue | null | undefined | DraftValue[] | { [key: string]: DraftValue };

/**
 * Leaves out empty values (`""`, `[]`, `{}`, null, undefined), also inside objects and lists,
 * so that a record never carries a field without content. Key order is kept.
 */
export function compactFields(draft: Record<string, DraftValue>): RecordFields {
  const fields: RecordFields = {};
  for (const [type, value] of Object.entries(draft)) {
    const compacted = compactValue(value);
    if (compacted !== undefined) fields[type] = compacted;
  }
  return fields;
}

function compactValue(value: DraftValue): FieldValue | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return compactList(value);
  if (typeof value === 'object') return compactObject(value);
  return value;
}

function compactList(values: DraftValue[]): FieldValue[] | undefined {
  const compacted = values
    .map(compactValue)
    .filter((value): value is FieldValue => value !== undefined);
  return compacted.length > 0 ? compacted : undefined;
}

function compactObject(value: { [key: string]: DraftValue }): FieldValue | undefined {
  const compacted = compactFields(value);
  return Object.keys(compacted).length > 0 ? compacted : undefined;
}
