import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { VALUE_FORMATS, type ValueData, type ValueFormat } from './handle-value.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const HEX = /^(?:[0-9A-Fa-f]{2})*$/;
const ADMIN_PERMISSIONS = /^[01]{12}$/;

type ValueCheck = (value: unknown) => string | undefined;

// Each check answers why a value does not fit its format, or undefined when it fits.
const FORMAT_CHECKS: Record<ValueFormat, ValueCheck> = {
  string: (value) => (typeof value === 'string' ? undefined : 'must be a string'),
  base64: (value) =>
    typeof value === 'string' && value.length % 4 === 0 && BASE64.test(value)
      ? undefined
      : 'must be a base64 string',
  hex: (value) => (typeof value === 'string' && HEX.test(value) ? undefined : 'must be hex'),
  admin: checkAdminValue,
  vlist: checkValueList,
  site: checkEncodedOrObject,
  key: checkEncodedOrObject,
};

/**
 * Checks the `data` of a value: a bare string is taken as `{format: 'string'}`, as real servers
 * accept from pyhandle; an object needs a known `format` and a `value` of that format.
 */
export function parseValueData(data: unknown, where: string): ValueData {
  if (typeof data === 'string') return { format: 'string', value: data };
  if (!isObject(data)) throw invalidData(where, 'must be a string or {format, value}');

  const format = data.format;
  if (!isValueFormat(format)) {
    throw invalidData(where, `format must be one of ${VALUE_FORMATS.join(', ')}`);
  }
  const problem = FORMAT_CHECKS[format](data.value);
  if (problem !== undefined) throw invalidData(where, `value of format ${format} ${problem}`);

  return { format, value: data.value };
}

function checkAdminValue(value: unknown): string | undefined {
  if (!isObject(value)) return 'must be {handle, index, permissions}';
  if (typeof value.handle !== 'string' || value.handle === '') return 'needs a handle';
  if (parseIndexField(value.index) === undefined) return 'needs a positive integer index';
  if (typeof value.permissions !== 'string' || !ADMIN_PERMISSIONS.test(value.permissions)) {
    return 'needs permissions of 12 flags (0 or 1)';
  }
  return undefined;
}

function checkValueList(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'must be a list of {handle, index}';
  const fits = value.every(
    (entry) =>
      isObject(entry) &&
      typeof entry.handle === 'string' &&
      parseIndexField(entry.index) !== undefined,
  );
  return fits ? undefined : 'must be a list of {handle, index}';
}

function checkEncodedOrObject(value: unknown): string | undefined {
  return typeof value === 'string' || isObject(value) ? undefined : 'must be a string or object';
}

/** A positive integer index, written as a number or as a string of digits such as `"200"`. */
export function parseIndexField(index: unknown): number | undefined {
  const number = typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : index;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) return undefined;
  return number;
}

/** Whether a parsed JSON value is a plain object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isValueFormat(format: unknown): format is ValueFormat {
  return VALUE_FORMATS.includes(format as ValueFormat);
}

function invalidData(where: string, problem: string): HandleApiError {
  return new HandleApiError(RESPONSE_CODE.invalidValue, `Invalid data of ${where}: ${problem}`);
}
