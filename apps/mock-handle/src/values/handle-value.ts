/** The `data.format` names of the Handle.Net REST API. */
export const VALUE_FORMATS = ['string', 'base64', 'hex', 'admin', 'vlist', 'site', 'key'] as const;

export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** The `data` of a handle value. */
export interface ValueData {
  format: ValueFormat;
  value: unknown;
}

/** A handle value as the server stores and answers it. */
export interface HandleValue {
  index: number;
  type: string;
  data: ValueData;
  ttl: number;
  /** ISO 8601, UTC, set by the server on every write of the value. */
  timestamp: string;
  permissions?: string;
  references?: unknown[];
}

/** A value as a client sent it, checked, before the server stamps it. */
export type IncomingValue = Omit<HandleValue, 'timestamp'>;

/** A handle and its values. */
export interface HandleRecord {
  /** The name as first stored, shown on the pages; API answers echo the request's spelling. */
  handle: string;
  values: HandleValue[];
}

/** Ttl of a value sent without one, in seconds. */
export const DEFAULT_TTL = 86400;

/** Permissions of a value sent without any: admin read and write, public read. */
export const DEFAULT_PERMISSIONS = '1110';

// The third permission flag is "public read"; values without it stay hidden from anonymous readers.
const PUBLIC_READ_FLAG = 2;

/** Whether anyone, without credentials, may read the value. */
export function isPublicValue(value: HandleValue): boolean {
  const permissions = value.permissions ?? DEFAULT_PERMISSIONS;
  return permissions[PUBLIC_READ_FLAG] === '1';
}

/** Stamps a checked value with the write time. */
export function stampValue(value: IncomingValue, now: Date): HandleValue {
  return { ...value, timestamp: formatTimestamp(now) };
}

/** ISO 8601 in UTC to the second, as real servers write it: `2026-01-16T10:30:15Z`. */
export function formatTimestamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Orders values by index, the order answers list them in. */
export function sortByIndex(values: HandleValue[]): HandleValue[] {
  return [...values].sort((a, b) => a.index - b.index);
}
