import { HandleError } from './errors.js';

const DATA_FORMATS = ['string', 'base64', 'hex', 'admin', 'vlist', 'site', 'key'] as const;

/** Data formats of a handle value, as the Handle REST API names them. */
export type HandleDataFormat = (typeof DATA_FORMATS)[number];

/** The value of an HS_ADMIN entry: who administers the handle and with which rights. */
export interface AdminValue {
  /** Admin handle, e.g. `0.NA/21.TEST`. */
  handle: string;
  /** Index of the admin's key in that handle, e.g. 200. */
  index: number;
  /** Twelve `0`/`1` permission bits, e.g. `011111110011`. */
  permissions: string;
}

/** The `data` of a handle value. */
export type HandleValueData =
  | { format: 'admin'; value: AdminValue }
  | { format: 'string' | 'base64' | 'hex'; value: string }
  | { format: 'vlist' | 'site' | 'key'; value: unknown };

/** One typed, indexed value of a handle record. */
export interface HandleValue {
  /** Positive integer, unique within the handle. */
  index: number;
  type: string;
  data: HandleValueData;
  /** Seconds a resolver may cache the value; the server uses 86400 when absent. */
  ttl?: number;
  /** Set by the server, ISO 8601 UTC. */
  timestamp?: string;
  permissions?: string;
  references?: unknown[];
}

/** A handle and its values as the server returns them. */
export interface HandleRecord {
  handle: string;
  values: HandleValue[];
}

/**
 * Brings a value as a server may send it into the typed shape: `data` given as a bare string
 * becomes `{format: 'string'}`, and an admin `index` given as a string becomes a number.
 */
export function normalizeHandleValue(raw: unknown, handle: string): HandleValue {
  const value = raw as Partial<HandleValue> & { data?: unknown };
  if (!isObject(raw) || !Number.isInteger(Number(value.index)) || typeof value.type !== 'string') {
    throw invalidValue(handle, `value ${JSON.stringify(raw)} lacks an integer index or a type`);
  }

  return {
    ...value,
    index: Number(value.index),
    type: value.type,
    data: normalizeData(value.data),
  };
}

/**
 * Checks values before they are sent: positive unique integer indexes, a type, a known data
 * format (any letter case, as servers read it) and a data value. A server would refuse the
 * others with 400, after a round trip.
 */
export function validateHandleValues(values: readonly HandleValue[], handle: string): void {
  const seen = new Set<number>();
  for (const value of values) {
    if (seen.has(value.index)) throw invalidValue(handle, `index ${value.index} is used twice`);
    const problem = findValueProblem(value);
    if (problem) throw invalidValue(handle, problem);
    seen.add(value.index);
  }
}

function findValueProblem(value: HandleValue): string | undefined {
  const at = `the value at index ${value.index}`;
  if (!Number.isInteger(value.index) || value.index < 1) {
    return `index ${value.index} of ${value.type} is not a positive integer`;
  }
  if (!value.type) return `${at} has no type`;
  if (!isObject(value.data) || typeof value.data.format !== 'string') {
    return `${at} has no data format`;
  }

  const format = value.data.format.toLowerCase() as HandleDataFormat;
  if (!DATA_FORMATS.includes(format)) {
    const known = DATA_FORMATS.join(', ');
    return `${at} has the unknown data format ${JSON.stringify(value.data.format)}; use ${known}`;
  }
  // A real server reads a vlist without value as an empty list; every other format needs one.
  const missing = value.data.value === undefined || value.data.value === null;
  return missing && format !== 'vlist' ? `${at} has no data value` : undefined;
}

function normalizeData(data: unknown): HandleValueData {
  if (!isObject(data)) return { format: 'string', value: data === undefined ? '' : String(data) };
  if (data.format !== 'admin' || !isObject(data.value)) return data as HandleValueData;

  const admin = data.value as unknown as AdminValue;
  return { format: 'admin', value: { ...admin, index: Number(admin.index) } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidValue(handle: string, reason: string): HandleError {
  return new HandleError('INVALID_VALUE', `Invalid value for handle ${handle}: ${reason}`, {
    handle,
  });
}
