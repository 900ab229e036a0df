import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { DEFAULT_TTL, type IncomingValue } from './handle-value.js';
import { isObject, parseIndexField, parseValueData } from './parse-data.js';

/**
 * Reads the values of a PUT body. Like real servers it takes `{"values": [...]}` (other keys
 * ignored), a bare list of values, or one value alone. Refuses with responseCode 202 bad JSON,
 * a `values` that is not a list, a value without a positive index or a type, bad data, and an
 * index used twice.
 */
export function parseValuesBody(body: string): IncomingValue[] {
  const list = extractValueList(parseJson(body));

  const values = list.map((value, position) => parseValue(value, position));
  assertUniqueIndexes(values);
  return values;
}

function extractValueList(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isObject(body) && Array.isArray(body.values)) return body.values;
  if (isObject(body) && body.values === undefined && body.type !== undefined) return [body];

  throw invalidValue('The body must be {"values": [...]}, a list of values or one value');
}

/** Checks one value of the list; `position` names it in the message. */
export function parseValue(value: unknown, position: number): IncomingValue {
  const where = `value ${position}`;
  if (!isObject(value)) throw invalidValue(`${where} must be an object`);

  const index = parseIndexField(value.index);
  if (index === undefined) throw invalidValue(`${where} needs a positive integer index`);
  const label = `value at index ${index}`;
  if (typeof value.type !== 'string' || value.type === '') {
    throw invalidValue(`${label} needs a non-empty type`);
  }

  return {
    index,
    type: value.type,
    data: parseValueData(value.data, label),
    ttl: parseTtl(value.ttl, label),
    ...parseOptionalFields(value, label),
  };
}

function parseTtl(ttl: unknown, label: string): number {
  if (ttl === undefined) return DEFAULT_TTL;

  const number = typeof ttl === 'string' && /^\d+$/.test(ttl) ? Number(ttl) : ttl;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw invalidValue(`${label} has a ttl that is not a whole number of seconds`);
  }
  return number;
}

function parseOptionalFields(value: Record<string, unknown>, label: string) {
  const fields: Pick<IncomingValue, 'permissions' | 'references'> = {};
  if (value.permissions !== undefined) {
    if (typeof value.permissions !== 'string' || !/^[01]{4}$/.test(value.permissions)) {
      throw invalidValue(`${label} has permissions that are not 4 flags (0 or 1)`);
    }
    fields.permissions = value.permissions;
  }
  if (Array.isArray(value.references) && value.references.length > 0) {
    fields.references = value.references;
  }
  return fields;
}

function assertUniqueIndexes(values: IncomingValue[]): void {
  const seen = new Set<number>();
  for (const { index } of values) {
    if (seen.has(index)) throw invalidValue(`Index ${index} is used by more than one value`);
    seen.add(index);
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw invalidValue('The body is not valid JSON');
  }
}

function invalidValue(message: string): HandleApiError {
  return new HandleApiError(RESPONSE_CODE.invalidValue, message);
}
