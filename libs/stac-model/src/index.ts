export type * from './types.js';
export { EventError, PatchError, StacApiError, StacModelError } from './errors.js';
export type {
  EventErrorCode,
  EventErrorContext,
  EventProblem,
  StacApiErrorCode,
  StacApiErrorContext,
} from './errors.js';
export { SILENT_LOGGER } from './logger.js';
export type { LogFields, StacLogger } from './logger.js';
export { PID_PATTERN, parsePid } from './pid.js';
export {
  CMIP6_COLLECTION_PATTERN,
  CMIP6_ITEM_ID_PATTERN,
  isCmip6Collection,
  parseCmip6ItemId,
} from './item-id.js';
export type { Cmip6DatasetId } from './item-id.js';
export {
  CHECKSUM_PATTERN,
  CMIP6_ITEM_ID_SCHEMA,
  CMIP6_ITEM_SCHEMA,
  STAC_ALTERNATE_SCHEMA,
  STAC_ASSET_SCHEMA,
  STAC_ITEM_SCHEMA,
} from './schemas/item-schema.js';
export {
  EVENT_SCHEMA,
  ITEM_PATCH_SCHEMA,
  JSON_PATCH_OPERATION_SCHEMA,
} from './schemas/event-schema.js';
export { createSchemaAjv } from './schemas/schema-validator.js';
export { findAssetProblems } from './asset-problems.js';
export type { AssetCheckMode, AssetProblem } from './asset-problems.js';
export type { EventInput } from './read-message.js';
export { parseEvent, tryParseEvent } from './parse-event.js';
export type { ParseEventOptions, ParseEventResult } from './parse-event.js';
export { applyItemPatch } from './patch/apply-item-patch.js';
export type { ApplyItemPatchOptions } from './patch/apply-item-patch.js';
export { applyMergePatch } from './patch/merge-patch.js';
export { StacApiClient } from './client/stac-api-client.js';
export type { StacApiClientOptions, StacSearchRequest } from './client/stac-api-client.js';
export { resolveEvent } from './resolve-event.js';
export type { ResolveEventOptions, StacItemSource } from './resolve-event.js';
