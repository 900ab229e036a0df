import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import type { HandleValue } from './handle-value.js';
import { parseIndexField } from './parse-data.js';

/** The `index` and `type` filters of a resolution; empty lists mean "every value". */
export interface ValueFilter {
  indexes: number[];
  types: string[];
}

/** Reads the repeatable `index` and `type` query parameters; a bad index is refused (202). */
export function readValueFilter(query: URLSearchParams): ValueFilter {
  return { indexes: readIndexes(query), types: query.getAll('type') };
}

/** Reads the repeatable `index` parameter as positive integers. */
export function readIndexes(query: URLSearchParams): number[] {
  return query.getAll('index').map((text) => {
    const index = parseIndexField(text);
    if (index === undefined) {
      throw new HandleApiError(
        RESPONSE_CODE.invalidValue,
        `Query parameter index=${text} is not a positive integer`,
      );
    }
    return index;
  });
}

/**
 * Keeps the values that match any listed index or any listed type, as a Handle resolution
 * does. Types compare without case; a type ending in `.` also matches its sub-types, so
 * `URL.` matches `URL` and `URL.mirror`.
 */
export function filterValues(values: HandleValue[], filter: ValueFilter): HandleValue[] {
  if (filter.indexes.length === 0 && filter.types.length === 0) return values;

  return values.filter(
    (value) =>
      filter.indexes.includes(value.index) ||
      filter.types.some((type) => typeMatches(type, value.type)),
  );
}

/** Whether a requested type selects a value's type. */
export function typeMatches(requested: string, actual: string): boolean {
  const wanted = requested.toLowerCase();
  const type = actual.toLowerCase();
  if (wanted === type) return true;
  if (!wanted.endsWith('.')) return false;

  return type.startsWith(wanted) || type === wanted.slice(0, -1);
}
