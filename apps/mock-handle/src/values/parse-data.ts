import { HandleApiError, protocolError } from '../response-codes.js';
import { VALUE_FORMATS, type ValueData, type ValueFormat } from './handle-value.js';
import { readInteger } from './read-integer.js';
import {
  type AdminValue,
  dataFromBytes,
  encodeAdminValue,
  encodeValueList,
  type ValueReference,
} from './value-bytes.js';

type DataReader = (value: unknown, type: string, where: string) => ValueData;

const HEX = /^(?:[0-9A-Fa-f]{2})*$/;
const ADMIN_FLAGS = 12;

const DATA_READERS: Record<ValueFormat, DataReader> = {
  string: (value, _type, where) => dataFromBytes(Buffer.from(readScalar(value, where), 'utf8')),
  base64: (value, _type, where) => dataFromBytes(Buffer.from(readScalar(value, where), 'base64')),
  hex: (value, _type, where) => dataFromBytes(readHex(readScalar(value, where), where)),
  admin: readAdminData,
  vlist: readValueListData,
  site: (value, _type, where) => readOpaqueData('site', value, where),
  key: (value, _type, where) => readOpaqueData('key', value, where),
};

/**
 * Reads the `data` of a value into what the server answers for it later. A bare string (or
 * number) is text, as pyhandle sends it; an object needs a known `format` (any letter case) and
 * a `value`, which only a `vlist` may lack. Text, base64 and hex all become bytes, answered as
 * text when they are text. Data a server cannot read is refused with responseCode 4.
 */
export function parseValueData(data: unknown, type: string, where: string): ValueData {
  if (isScalar(data)) return dataFromBytes(Buffer.from(String(data), 'utf8'));
  if (!isObject(data)) throw unreadable(where, 'data must be a string or {format, value}');

  const format = typeof data.format === 'string' ? data.format.toLowerCase() : undefined;
  if (!isValueFormat(format)) {
    throw unreadable(where, `data format must be one of ${VALUE_FORMATS.join(', ')}`);
  }
  return DATA_READERS[format](readDataValue(data.value, format, where), type, where);
}

// Real servers read a vlist without value as an empty list; the other formats need a value.
function readDataValue(value: unknown, format: ValueFormat, where: string): unknown {
  if (value !== undefined && value !== null) return value;
  if (format === 'vlist') return [];

  throw unreadable(where, 'data has no value');
}

/** Whether a parsed JSON value is a plain object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, number or boolean, as the Java servers read into a string. */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The error for a part of a request the server cannot read: responseCode 4. */
export function unreadable(where: string, problem: string): HandleApiError {
  return protocolError(`Cannot read ${where}: ${problem}`);
}

// An admin value is answered as such only under type HS_ADMIN; under another type its bytes are.
function readAdminData(value: unknown, type: string, where: string): ValueData {
  if (!isObject(value)) throw unreadable(where, 'admin data must be {handle, index, permissions}');

  const admin: AdminValue = {
    handle: readScalar(value.handle, `${where} (admin handle)`),
    index: readIndex(value.index, `${where} (admin index)`),
    permissions: readAdminPermissions(value.permissions),
  };
  if (type.toUpperCase() === 'HS_ADMIN') return { format: 'admin', value: admin };
  return dataFromBytes(encodeAdminValue(admin));
}

function readValueListData(value: unknown, type: string, where: string): ValueData {
  if (!Array.isArray(value))
    throw unreadable(where, 'vlist data must be a list of {handle, index}');

  const references = value.map((entry) => readReference(entry, where));
  if (type.toUpperCase() === 'HS_VLIST') return { format: 'vlist', value: references };
  return dataFromBytes(encodeValueList(references));
}

/** Reads `{handle, index}`, the way values name values of other handles. */
export function readReference(entry: unknown, where: string): ValueReference {
  if (!isObject(entry)) throw unreadable(where, 'a reference must be {handle, index}');
  return { handle: readScalar(entry.handle, where), index: readIndex(entry.index, where) };
}

// Site and key data are kept as sent: their binary form is not modelled.
function readOpaqueData(format: 'site' | 'key', value: unknown, where: string): ValueData {
  if (!isObject(value)) throw unreadable(where, `${format} data must be an object`);
  return { format, value };
}

// Servers read permissions leniently: the last twelve characters, `1` set, anything else unset.
function readAdminPermissions(permissions: unknown): string {
  const text = isScalar(permissions) ? String(permissions) : '';
  const flags = text.padStart(ADMIN_FLAGS, '0').slice(-ADMIN_FLAGS);
  return [...flags].map((flag) => (flag === '1' ? '1' : '0')).join('');
}

function readScalar(value: unknown, where: string): string {
  if (!isScalar(value)) throw unreadable(where, 'expected a string');
  return String(value);
}

function readIndex(value: unknown, where: string): number {
  const index = readInteger(value);
  if (index === undefined) throw unreadable(where, `index ${JSON.stringify(value)} is no integer`);
  return index;
}

function readHex(value: string, where: string): Buffer {
  if (!HEX.test(value)) throw unreadable(where, 'hex data must be pairs of hex digits');
  return Buffer.from(value, 'hex');
}

function isValueFormat(format: string | undefined): format is ValueFormat {
  return VALUE_FORMATS.includes(format as ValueFormat);
}
