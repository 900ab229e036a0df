import { HandleApiError, protocolError, RESPONSE_CODE } from '../response-codes.js';
import { DEFAULT_PERMISSIONS, DEFAULT_TTL, type IncomingValue } from './handle-value.js';
import { isObject, isScalar, parseValueData, readReference, unreadable } from './parse-data.js';
import { readInteger } from './read-integer.js';

/** What a PUT body holds: its values and, when it has one, its `handle` field. */
export interface PutBody {
  values: IncomingValue[];
  /** Whether the body has a `handle` field, which must then name the handle of the URL. */
  namesHandle: boolean;
  handle: unknown;
}

/**
 * Reads a PUT body. Like real servers it takes `{"values": [...]}`, a bare list of values, or
 * one value alone; other keys are ignored but `handle`. What cannot be read as values (bad JSON,
 * an unknown data format, a value without index, type or data) is refused with responseCode 4.
 * Values that read but hold something a server refuses get 202 naming `handle`, the target.
 */
export function parseValuesBody(body: string, handle: string): PutBody {
  const json = parseJson(body);
  const list = extractValueList(json);

  const values = list.map((value, position) => parseValue(value, position, handle));
  const namesHandle = isObject(json) && Object.hasOwn(json, 'handle');
  return { values, namesHandle, handle: isObject(json) ? json.handle : undefined };
}

function extractValueList(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isObject(body) && Object.hasOwn(body, 'values')) {
    if (body.values === null) return [];
    if (Array.isArray(body.values)) return body.values;
    throw protocolError('Cannot read the body: "values" must be a list');
  }
  if (isObject(body) && body.index !== undefined && body.type !== undefined) return [body];

  throw protocolError('Invalid JSON in PUT request: send {"values": [...]}');
}

/** Reads one value of the list; `position` names it in the message. */
export function parseValue(value: unknown, position: number, handle: string): IncomingValue {
  const where = `value ${position}`;
  if (!isObject(value)) throw unreadable(where, 'a value must be an object');

  const index = readInteger(value.index);
  if (index === undefined) throw unreadable(where, 'a value needs an integer index');
  if (!isScalar(value.type)) throw unreadable(where, 'a value needs a type');
  const type = String(value.type);
  const label = `the value at index ${index}`;

  return {
    index,
    type,
    data: parseValueData(value.data, type, label),
    ttl: parseTtl(value.ttl, label),
    ...parsePermissions(value.permissions, label, handle),
    ...parseReferences(value.references, label),
  };
}

function parseTtl(ttl: unknown, label: string): number {
  if (ttl === undefined) return DEFAULT_TTL;

  const seconds = readInteger(ttl);
  if (seconds === undefined) throw unreadable(label, 'ttl must be a whole number of seconds');
  return seconds;
}

// The default permissions are not written out, as on real servers.
function parsePermissions(permissions: unknown, label: string, handle: string) {
  if (permissions === undefined || permissions === DEFAULT_PERMISSIONS) return {};
  if (typeof permissions === 'string' && /^[01]{4}$/.test(permissions)) return { permissions };

  throw new HandleApiError(
    RESPONSE_CODE.invalidValue,
    `${label} has permissions that are not 4 flags (0 or 1)`,
    { handle },
  );
}

function parseReferences(references: unknown, label: string) {
  if (references === undefined || references === null) return {};
  if (!Array.isArray(references)) throw unreadable(label, 'references must be a list');
  if (references.length === 0) return {};
  return { references: references.map((reference) => readReference(reference, label)) };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw protocolError('Cannot read the body: it is not JSON');
  }
}
