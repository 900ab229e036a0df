// Keys keep the spelling of the TOML file, so a key named in an error, in `config show` and in
// a PIDDI_<SECTION>_<KEY> variable is the same word everywhere.

/** `[consumer.transient]`: retries of outside services that fail transiently. */
export interface TransientConfig {
  retries: number;
  backoff_initial_ms: number;
  backoff_max_ms: number;
}

/** `[consumer]`: which topic is read and when the consumer gives up. */
export interface ConsumerConfig {
  topic: string;
  /** Empty when no retry topic is read. */
  retry_topic: string;
  output_dir: string;
  max_in_flight: number;
  /** Failed events tolerated before the consumer stops; -1 = unlimited. */
  max_errors: number;
  stop_on_skip: boolean;
  /** How long a stop waits for the events in flight; -1 = as long as they take. */
  drain_timeout_ms: number;
  plugin: 'cmip6';
  transient: TransientConfig;
}

/** `[kafka]`: librdkafka settings under their own dotted names, passed through unchanged. */
export type KafkaConfig = Record<string, string | number | boolean>;

/** `[handle]`: the Handle server and the identity Piddi registers with. */
export interface HandleConfig {
  server_url: string;
  prefix: string;
  username: string;
  password: string;
  client_cert: string;
  client_key: string;
  ca_cert: string;
  verify_tls: boolean;
  timeout_ms: number;
  max_concurrency: number;
  retries: number;
}

/** `[schema]`: how strictly events are checked. */
export interface SchemaConfig {
  strict_mode: boolean;
}

/** Where the previous version of a dataset is looked up. */
export type LookupBackend = 'stac' | 'elasticsearch' | 'disabled';

/** `[lookup]` */
export interface LookupConfig {
  backend: LookupBackend;
}

/** `query` for the STAC query extension, `cql2-json` for the filter extension. */
export type StacSearchSyntax = 'query' | 'cql2-json';

/** `[stac]`: the STAC API for PATCH events and version look-ups. */
export interface StacConfig {
  /** Empty when no STAC API is used. */
  base_url: string;
  timeout_ms: number;
  retries: number;
  health_check: boolean;
  /** How version look-ups phrase their search: the query or the filter extension. */
  search_syntax: StacSearchSyntax;
}

/** `[elasticsearch]`: the index used when `lookup.backend = "elasticsearch"`. */
export interface ElasticsearchConfig {
  url: string;
  index: string;
  username: string;
  password: string;
  timeout_ms: number;
  /** Appended to field names in term queries; empty when the fields are mapped as keyword. */
  keyword_suffix: string;
}

/** `[plugins.cmip6]`: how CMIP6 records are built. */
export interface Cmip6PluginConfig {
  landing_page_url: string;
  esgf_label: string;
  /** Most parts registered per dataset; -1 = all. */
  max_parts: number;
  excluded_asset_keys: string[];
  accept_legacy_md5: boolean;
}

/** `[plugins]` */
export interface PluginsConfig {
  cmip6: Cmip6PluginConfig;
}

/** `[stats]`: periodic statistics in the log and, optionally, in a SQLite file. */
export interface StatsConfig {
  interval_seconds: number;
  enable_db: boolean;
  db_path: string;
}

/** The whole, validated configuration of a Piddi run. */
export interface PiddiConfig {
  consumer: ConsumerConfig;
  kafka: KafkaConfig;
  handle: HandleConfig;
  schema: SchemaConfig;
  lookup: LookupConfig;
  stac: StacConfig;
  elasticsearch: ElasticsearchConfig;
  plugins: PluginsConfig;
  stats: StatsConfig;
}

/** Any subset of a configuration, e.g. the values of command-line flags. */
export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
