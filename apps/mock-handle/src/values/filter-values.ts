import { protocolError } from '../response-codes.js';
import type { HandleValue } from './handle-value.js';
import { readInteger } from './read-integer.js';

/** The `index` and `type` filters of a resolution; empty lists mean "every value". */
export interface ValueFilter {
  indexes: number[];
  types: string[];
}

/** Reads the repeatable `index` and `type` query parameters; a bad index is refused (4). */
export function readValueFilter(query: URLSearchParams): ValueFilter {
  return { indexes: readIndexes(query), types: query.getAll('type') };
}

/**
 * Reads the repeatable `index` parameter as integers. One that is no integer is refused with
 * responseCode 4; zero and negative ones are read, and match no value.
 */
export function readIndexes(query: URLSearchParams): number[] {
  return query.getAll('index').map((text) => readQueryInteger('index', text));
}

/** Reads an integer query parameter; refuses anything else with responseCode 4. */
export function readQueryInteger(name: string, text: string): number {
  const number = readInteger(text);
  if (number === undefined) throw protocolError(`Query parameter ${name}=${text} is no integer`);
  return number;
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
