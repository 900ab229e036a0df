import { HandleError } from './errors.js';
import type { AdminValue, HandleValue } from './handle-values.js';

/** A field of a record before it becomes a value; objects and arrays are stored as JSON. */
export type FieldValue = string | number | boolean | object | null | undefined;

/** Fields of a record by value type, e.g. `{ URL: 'https://…', CHECKSUM: '…' }`. */
export type HandleFields = Record<string, FieldValue>;

/** Options of {@link buildHandleValues}. */
export interface BuildValuesOptions {
  /** Prefix of the handle; the default admin is `0.NA/<prefix>`. */
  prefix?: string;
  /**
   * The HS_ADMIN value at index 100; fields given here replace the defaults, `false` leaves the
   * admin out (e.g. when adding values to an existing handle).
   * @default { handle: '0.NA/<prefix>', index: 200, permissions: '011111110011' }
   */
  admin?: Partial<AdminValue> | false;
}

/** Options of {@link valuesToFields}. */
export interface ValuesToFieldsOptions {
  /** Decode string values that hold a JSON object or array back into that object or array. */
  parseJson?: boolean;
}

/** Index of the URL value. */
export const URL_INDEX = 1;
/** Index of the HS_ADMIN value. */
export const ADMIN_INDEX = 100;
/** Permission bits of the default HS_ADMIN value, the ones common Handle clients write. */
export const DEFAULT_ADMIN_PERMISSIONS = '011111110011';
/** Index of the secret key in the default admin handle. */
export const DEFAULT_ADMIN_KEY_INDEX = 200;

const FIRST_FIELD_INDEX = 2;
const RESERVED_INDEXES = { first: 100, last: 199 };

/**
 * Turns fields into handle values: URL at index 1, HS_ADMIN at 100, the other fields in their
 * order from 2 upward, skipping 100-199. `null` and `undefined` fields are left out.
 */
export function buildHandleValues(
  fields: HandleFields,
  options: BuildValuesOptions = {},
): HandleValue[] {
  const values: HandleValue[] = [];
  let nextIndex = FIRST_FIELD_INDEX;

  for (const [type, field] of Object.entries(fields)) {
    if (field === undefined || field === null) continue;
    validateFieldType(type);
    const index = type === 'URL' ? URL_INDEX : nextIndex;
    if (index === nextIndex) nextIndex = followingIndex(nextIndex);
    values.push({ index, type, data: { format: 'string', value: encodeField(field) } });
  }
  if (options.admin !== false) {
    values.push(buildAdminValue({ prefix: options.prefix, admin: options.admin }));
  }

  return values.sort((left, right) => left.index - right.index);
}

/**
 * Turns handle values back into fields by type. Admin values are left out; a type that occurs
 * at two indexes is refused because a field holds one value only.
 */
export function valuesToFields(
  values: readonly HandleValue[],
  options: ValuesToFieldsOptions = {},
): HandleFields {
  const fields: HandleFields = {};
  const indexByType = new Map<string, number>();

  for (const value of [...values].sort((left, right) => left.index - right.index)) {
    if (value.data.format === 'admin') continue;
    const earlier = indexByType.get(value.type);
    if (earlier !== undefined) {
      throw new HandleError(
        'INVALID_VALUE',
        `Value type ${value.type} occurs at indexes ${earlier} and ${value.index}; read the values directly`,
      );
    }
    indexByType.set(value.type, value.index);
    const stored = value.data.value as FieldValue;
    fields[value.type] = options.parseJson ? decodeField(stored) : stored;
  }

  return fields;
}

/**
 * The HS_ADMIN value at index 100 that gives the prefix admin (`0.NA/<prefix>`, key index 200,
 * permissions `011111110011`) control of a handle; `admin` replaces any of those fields.
 */
export function buildAdminValue(options: {
  prefix?: string;
  admin?: Partial<AdminValue>;
}): HandleValue {
  const admin = options.admin ?? {};
  if (!admin.handle && !options.prefix) {
    throw new HandleError('INVALID_OPTIONS', 'Pass the prefix (or admin.handle) to build HS_ADMIN');
  }

  const value: AdminValue = {
    handle: admin.handle ?? `0.NA/${options.prefix}`,
    index: admin.index ?? DEFAULT_ADMIN_KEY_INDEX,
    permissions: admin.permissions ?? DEFAULT_ADMIN_PERMISSIONS,
  };
  return { index: ADMIN_INDEX, type: 'HS_ADMIN', data: { format: 'admin', value } };
}

function followingIndex(index: number): number {
  const next = index + 1;
  return next >= RESERVED_INDEXES.first && next <= RESERVED_INDEXES.last
    ? RESERVED_INDEXES.last + 1
    : next;
}

function validateFieldType(type: string): void {
  if (type.trim() === '') throw new HandleError('INVALID_VALUE', 'A field has an empty type');
  if (type === 'HS_ADMIN') {
    throw new HandleError('INVALID_VALUE', 'Pass HS_ADMIN through the admin option, not a field');
  }
}

function encodeField(field: Exclude<FieldValue, null | undefined>): string {
  return typeof field === 'object' ? JSON.stringify(field) : String(field);
}

function decodeField(value: unknown): FieldValue {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value as FieldValue;
  try {
    return JSON.parse(value) as FieldValue;
  } catch {
    return value;
  }
}
