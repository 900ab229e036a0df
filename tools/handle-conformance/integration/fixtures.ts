import { randomUUID } from 'node:crypto';

import type { HandleValue } from '@piddi/handle-client';

/** A handle under `prefix` that no other test uses, e.g. `21.T9999/create-1a2b3c4d`. */
export function uniqueHandle(prefix: string, label: string): string {
  return `${prefix}/${label}-${randomUUID().slice(0, 8)}`;
}

/** A value of format `string`. */
export function stringValue(index: number, type: string, value: string): HandleValue {
  return { index, type, data: { format: 'string', value } };
}

/** The URL value at index 1, as records conventionally hold it. */
export function urlValue(url: string): HandleValue {
  return stringValue(1, 'URL', url);
}

/** A small record: URL at 1, a checksum at 2 and a sub-typed value at 3. */
export function sampleValues(): HandleValue[] {
  return [
    urlValue('https://data.example.org/file.nc'),
    stringValue(2, 'CHECKSUM', '1220abcdef'),
    stringValue(3, 'FILE.NAME', 'file.nc'),
  ];
}

/** Indexes of values in the order a server returned them. */
export function indexesOf(values: Array<{ index: number | string }> | undefined): number[] {
  return (values ?? []).map((value) => Number(value.index));
}
