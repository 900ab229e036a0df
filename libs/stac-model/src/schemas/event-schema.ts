import { CMIP6_COLLECTION_PATTERN } from '../item-id.js';
import { CMIP6_ITEM_ID_SCHEMA, STAC_ITEM_SCHEMA } from './item-schema.js';

const JSON_POINTER = { type: 'string', pattern: '^(?:/.*)?$' } as const;

function whenMember(name: string, values: readonly string[]) {
  return { required: [name], properties: { [name]: { enum: values } } };
}

/** One RFC 6902 operation: `add`, `replace` and `test` need a value, `move` and `copy` a `from`. */
export const JSON_PATCH_OPERATION_SCHEMA = {
  type: 'object',
  required: ['op', 'path'],
  properties: {
    op: { enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] },
    path: JSON_POINTER,
    from: JSON_POINTER,
  },
  allOf: [
    { if: whenMember('op', ['add', 'replace', 'test']), then: { required: ['value'] } },
    { if: whenMember('op', ['move', 'copy']), then: { required: ['from'] } },
  ],
} as const;

const OPERATION_LIST_SCHEMA = { type: 'array', items: JSON_PATCH_OPERATION_SCHEMA } as const;

/**
 * A PATCH payload's `patch`: an RFC 6902 list, the wrapped `{operations: [...]}` form, or any
 * other object as an RFC 7396 merge patch (so a merge patch cannot set a member `operations`).
 */
export const ITEM_PATCH_SCHEMA = {
  type: ['array', 'object'],
  errorCode: 'INVALID_PATCH',
  missingCode: 'INVALID_PATCH',
  if: { type: 'array' },
  then: OPERATION_LIST_SCHEMA,
  else: {
    if: { required: ['operations'] },
    then: { properties: { operations: OPERATION_LIST_SCHEMA } },
  },
} as const;

const ITEM = { ...STAC_ITEM_SCHEMA, missingCode: 'MISSING_ITEM' } as const;
const ITEM_ID = { type: 'string', minLength: 1 } as const;

const PAYLOAD_BY_METHOD = [
  { if: whenMember('method', ['POST']), then: { required: ['item'], properties: { item: ITEM } } },
  {
    if: whenMember('method', ['PUT']),
    then: { required: ['item_id', 'item'], properties: { item_id: ITEM_ID, item: ITEM } },
  },
  {
    if: whenMember('method', ['PATCH']),
    then: {
      required: ['item_id', 'patch'],
      properties: {
        item_id: { ...ITEM_ID, errorCode: 'INVALID_PATCH', missingCode: 'INVALID_PATCH' },
        patch: ITEM_PATCH_SCHEMA,
      },
    },
  },
] as const;

const CMIP6_PAYLOAD = {
  if: {
    required: ['collection_id'],
    properties: { collection_id: { pattern: CMIP6_COLLECTION_PATTERN } },
  },
  then: {
    properties: {
      item_id: CMIP6_ITEM_ID_SCHEMA,
      item: { properties: { id: CMIP6_ITEM_ID_SCHEMA } },
    },
  },
} as const;

const PAYLOAD_SCHEMA = {
  type: 'object',
  required: ['collection_id', 'method'],
  properties: {
    collection_id: { type: 'string', minLength: 1 },
    method: { enum: ['POST', 'PUT', 'PATCH'], errorCode: 'UNKNOWN_METHOD' },
  },
  allOf: [...PAYLOAD_BY_METHOD, CMIP6_PAYLOAD],
} as const;

const METADATA_SCHEMA = {
  type: 'object',
  properties: {
    // null: no publication time given; the records fall back to the processing time.
    time: { type: ['string', 'null'] },
    event_id: { type: 'string' },
    request_id: { type: 'string' },
    schema_version: { type: 'string' },
  },
} as const;

/**
 * An ESGF STAC item event: `{data: {type: "STAC", payload}, metadata}` with a POST, PUT or
 * PATCH payload. The payload is checked only when `data.type` is `STAC`; items of the CMIP6
 * collection must also carry a CMIP6 item id. Compile it with {@link createSchemaAjv}, which
 * knows the `errorCode` and `missingCode` annotations that name each rule's error code.
 */
export const EVENT_SCHEMA = {
  type: 'object',
  errorCode: 'INVALID_ENVELOPE',
  required: ['data'],
  properties: {
    data: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { const: 'STAC', errorCode: 'UNSUPPORTED_EVENT_TYPE' },
        version: { type: 'string' },
      },
      if: { required: ['type'], properties: { type: { const: 'STAC' } } },
      then: { required: ['payload'], properties: { payload: PAYLOAD_SCHEMA } },
    },
    metadata: METADATA_SCHEMA,
  },
} as const;
