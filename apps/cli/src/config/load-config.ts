import type { ConfigTable } from './config-layers.js';
import { OVERRIDE_SOURCE, readDefaultLayer, readFileLayer } from './config-layers.js';
import type { DeepPartial, PiddiConfig } from './config-types.js';
import { readEnvLayers } from './env-layer.js';
import type { ConfigIssue } from './errors.js';
import { ConfigError } from './errors.js';
import { mergeLayers } from './merge-layers.js';
import { validateValues } from './validate-values.js';

/** The sources of one configuration, merged in this order, later over earlier. */
export interface LoadConfigOptions {
  /** TOML files given with --config, merged over the built-in `default.toml`. */
  files?: readonly string[];
  /**
   * Variables `PIDDI_<SECTION>_<KEY>`, merged over the files.
   * @default process.env
   */
  env?: NodeJS.ProcessEnv;
  /** Values of command-line flags, merged last; `undefined` members are ignored. */
  overrides?: DeepPartial<PiddiConfig>;
}

/** The merged configuration before it is accepted, with everything found wrong in it. */
export interface ResolvedConfig {
  values: ConfigTable;
  /** Dotted key → the source that set it last. */
  sources: ReadonlyMap<string, string>;
  errors: ConfigIssue[];
  /** PIDDI_ variables that name no section and were therefore not used. */
  ignoredEnv: string[];
}

/** A loaded configuration and, for every key, the source that set it. */
export interface LoadedConfig {
  config: PiddiConfig;
  /** Dotted key → the source that set it last, for messages such as start-up warnings. */
  sources: ReadonlyMap<string, string>;
}

/**
 * Loads the configuration of a run: `default.toml` < files < environment < flags, merged once
 * and validated once.
 * @throws ConfigError with code CONFIG_FILE_NOT_FOUND, CONFIG_PARSE_ERROR or CONFIG_INVALID;
 * its `issues` name every wrong key and where its value came from.
 */
export function loadConfig(options: LoadConfigOptions = {}): PiddiConfig {
  return loadConfigWithSources(options).config;
}

/**
 * Like {@link loadConfig}, and also says where each value came from.
 * @throws ConfigError as {@link loadConfig} does.
 */
export function loadConfigWithSources(options: LoadConfigOptions = {}): LoadedConfig {
  const resolved = resolveConfig(options);
  if (resolved.errors.length > 0) throw new ConfigError('CONFIG_INVALID', resolved.errors);

  return { config: resolved.values as unknown as PiddiConfig, sources: resolved.sources };
}

/**
 * Merges all sources and collects their problems without throwing for invalid values.
 * @throws ConfigError when a file is missing or not valid TOML.
 */
export function resolveConfig(options: LoadConfigOptions = {}): ResolvedConfig {
  const { files = [], env = process.env, overrides = {} } = options;
  const fileLayers = [readDefaultLayer(), ...files.map(readFileLayer)];

  const base = mergeLayers(fileLayers).values;
  const fromEnv = readEnvLayers(env, base);
  const overrideLayer = { source: OVERRIDE_SOURCE, values: overrides as ConfigTable };
  const merged = mergeLayers([...fileLayers, ...fromEnv.layers, overrideLayer]);

  const errors = validateValues(merged);
  return { values: merged.values, sources: merged.sources, errors, ignoredEnv: fromEnv.ignored };
}
