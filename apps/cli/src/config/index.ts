export type {
  Cmip6PluginConfig,
  ConsumerConfig,
  DeepPartial,
  ElasticsearchConfig,
  HandleConfig,
  KafkaConfig,
  LookupBackend,
  LookupConfig,
  PiddiConfig,
  PluginsConfig,
  SchemaConfig,
  StacConfig,
  StacSearchSyntax,
  StatsConfig,
  TransientConfig,
} from './config-types.js';
export { CONFIG_SCHEMA } from './config-schema.js';
export { DEFAULT_CONFIG_URL } from './config-layers.js';
export { toEnvName } from './config-keys.js';
export type { ConfigErrorCode, ConfigIssue, ConfigWarningCode } from './errors.js';
export { ConfigError } from './errors.js';
export type { LoadConfigOptions, LoadedConfig, ResolvedConfig } from './load-config.js';
export { loadConfig, loadConfigWithSources, resolveConfig } from './load-config.js';
export { collectConfigWarnings } from './config-warnings.js';
export type { ConfigCheck, ConfigReport } from './validate-config.js';
export { validateConfigFile } from './validate-config.js';
export type { ShowConfigOptions } from './show-config.js';
export { showConfig } from './show-config.js';
export { REDACTED, isSecretKey, redactConfig } from './redact-config.js';
export { findSource } from './merge-layers.js';
