import { CMIP6_ITEM_ID_PATTERN } from '../item-id.js';
import { PID_PATTERN } from '../pid.js';

// Two annotation keywords tie each rule to the error code a caller sees: `errorCode` applies
// to every failure inside the subschema (the innermost one wins), `missingCode` to a
// required member that is absent. See schema-validator.ts.

/** A hex string of whole bytes; whether it is a known multihash is the records' concern. */
export const CHECKSUM_PATTERN = '^(?:[0-9a-fA-F]{2})+$';

// Where the records reference says an empty value is simply absent, null is accepted and
// means "not given"; `pattern` and `minLength` apply to strings only. An empty PID is still
// refused: it is a PID written wrong, not one left out.
const OPTIONAL_TEXT = { type: ['string', 'null'] } as const;

const PID_SCHEMA = {
  type: ['string', 'null'],
  pattern: PID_PATTERN,
  errorCode: 'INVALID_PID',
} as const;

const FILE_SIZE_SCHEMA = {
  type: 'integer',
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  errorCode: 'INVALID_FILE_SIZE',
} as const;

const CHECKSUM_SCHEMA = {
  type: 'string',
  pattern: CHECKSUM_PATTERN,
  errorCode: 'INVALID_CHECKSUM',
} as const;

const FILE_FIELDS = {
  href: { ...OPTIONAL_TEXT, minLength: 1 },
  'alternate:name': OPTIONAL_TEXT,
  'file:size': FILE_SIZE_SCHEMA,
  'file:checksum': CHECKSUM_SCHEMA,
  published_on: OPTIONAL_TEXT,
} as const;

/** One entry of an asset's `alternate` map. */
export const STAC_ALTERNATE_SCHEMA = { type: 'object', properties: FILE_FIELDS } as const;

/** An asset with the fields Piddi reads; sizes and checksums may also sit on alternates. */
export const STAC_ASSET_SCHEMA = {
  type: 'object',
  properties: {
    ...FILE_FIELDS,
    type: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    tracking_id: PID_SCHEMA,
    'cmip6:tracking_id': PID_SCHEMA,
    alternate: { type: 'object', additionalProperties: STAC_ALTERNATE_SCHEMA },
  },
} as const;

/**
 * A STAC item as Piddi reads it, of any collection: a GeoJSON Feature with an id, properties
 * and assets, whose PIDs, file sizes and checksums are well-formed where present. Members
 * Piddi does not read are not checked.
 */
export const STAC_ITEM_SCHEMA = {
  type: 'object',
  errorCode: 'INVALID_ITEM',
  required: ['type', 'id', 'properties', 'assets'],
  properties: {
    type: { const: 'Feature' },
    id: {
      type: 'string',
      minLength: 1,
      errorCode: 'INVALID_ITEM_ID',
      missingCode: 'INVALID_ITEM_ID',
    },
    collection: { type: 'string' },
    properties: {
      type: 'object',
      properties: {
        pid: PID_SCHEMA,
        'cmip6:pid': PID_SCHEMA,
        retracted: { type: ['boolean', 'string', 'number', 'null'] },
      },
    },
    assets: { type: 'object', additionalProperties: STAC_ASSET_SCHEMA },
  },
} as const;

/** The CMIP6 rule on top of {@link STAC_ITEM_SCHEMA}: the id names dataset and version. */
export const CMIP6_ITEM_ID_SCHEMA = {
  type: 'string',
  pattern: CMIP6_ITEM_ID_PATTERN,
  errorCode: 'INVALID_ITEM_ID',
} as const;

/** A CMIP6 STAC item: {@link STAC_ITEM_SCHEMA} with an id of ten or more parts ending in `v<digits>`. */
export const CMIP6_ITEM_SCHEMA = {
  allOf: [STAC_ITEM_SCHEMA, { properties: { id: CMIP6_ITEM_ID_SCHEMA } }],
} as const;
