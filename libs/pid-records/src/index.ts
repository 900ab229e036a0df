export { buildRecords } from './build-records.js';
export { createVersionLookup, recordOptionsFromConfig } from './config.js';
export type { RecordConfigDependencies, RecordConfigSections } from './config.js';
export type { ConfigSection } from './config-values.js';
export {
  InvalidDatasetError,
  InvalidFileError,
  InvalidItemIdError,
  InvalidPidError,
  InvalidRecordOptionsError,
  NoFilesError,
  PluginAlreadyRegisteredError,
  RecordError,
  UnknownPluginError,
  VersionLookupError,
} from './errors.js';
export type { RecordErrorCode, RecordErrorContext } from './errors.js';
export { URL_INDEX, encodeFieldValue, toDryRunLine, toHandleValues } from './handle-values.js';
export type { DryRunLine, HandleValue } from './handle-values.js';
export { PREFERRED_ASSET_KEYS } from './hosting-nodes.js';
export type { HostingNode } from './hosting-nodes.js';
export {
  CMIP6_FACETS,
  computeDatasetPid,
  computeFilePid,
  computePid,
  handleName,
  handleReference,
  splitDatasetId,
  splitItemId,
} from './identifiers.js';
export type { Cmip6Facet, DatasetIdentity } from './identifiers.js';
export { SILENT_LOGGER } from './logger.js';
export type { LogFields, RecordLogger } from './logger.js';
export {
  buildDatasetHandlesQuery,
  buildDatasetVersionsQuery,
} from './lookup/elasticsearch-queries.js';
export type {
  HandleValueQueryOptions,
  IndexedHandleValue,
} from './lookup/elasticsearch-queries.js';
export { ElasticsearchVersionLookup } from './lookup/elasticsearch-version-lookup.js';
export type { ElasticsearchLookupOptions } from './lookup/elasticsearch-version-lookup.js';
export { StacVersionLookup } from './lookup/stac-version-lookup.js';
export type {
  StacItemSearch,
  StacLookupOptions,
  StacSearchSyntax,
} from './lookup/stac-version-lookup.js';
export { DisabledVersionLookup } from './lookup/version-lookup.js';
export type {
  PreviousVersion,
  VersionLookup,
  VersionLookupContext,
} from './lookup/version-lookup.js';
export { parseVersionNumber, selectPreviousVersion } from './lookup/version-order.js';
export {
  DEFAULT_ESGF_LABEL,
  DEFAULT_EXCLUDED_ASSET_KEYS,
  resolveRecordOptions,
} from './options.js';
export type { RecordOptions, ResolvedRecordOptions } from './options.js';
export { CMIP6_PLUGIN } from './plugins/cmip6-plugin.js';
export {
  getRecordPlugin,
  listRecordPlugins,
  registerRecordPlugin,
} from './plugins/plugin-registry.js';
export type { RecordPlugin } from './plugins/record-plugin.js';
export { isRetracted } from './retraction.js';
export { normalizeTime } from './times.js';
export type {
  BuildContext,
  DatasetRecord,
  FieldValue,
  FileRecord,
  PidRecord,
  PidSource,
  RecordFields,
  RecordSet,
  RecordWarning,
  RecordWarningCode,
} from './types.js';
