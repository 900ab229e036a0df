import { parseKey, toEnvName } from './config-keys.js';
import type { PiddiConfig } from './config-types.js';
import { collectConfigWarnings } from './config-warnings.js';
import type { ConfigIssue } from './errors.js';
import { ConfigError } from './errors.js';
import type { ResolvedConfig } from './load-config.js';
import { resolveConfig } from './load-config.js';
import { findValue } from './merge-layers.js';
import { isSecretKey } from './redact-config.js';

/** What `config validate` reports: errors make the configuration unusable, warnings do not. */
export interface ConfigReport {
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

/**
 * A check that another part of the CLI runs on a well-typed configuration before it starts,
 * e.g. the Kafka consumer's own check of its settings.
 */
export type ConfigCheck = (
  config: PiddiConfig,
  sources: ReadonlyMap<string, string>,
) => ConfigIssue[];

/**
 * Checks a configuration file as a run would load it (defaults < file < environment), and
 * reports every problem instead of stopping at the first. Without a path the built-in
 * configuration and the environment are checked. `checks` run once the values themselves are
 * valid; their findings are errors.
 */
export function validateConfigFile(
  path: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  checks: readonly ConfigCheck[] = [],
): ConfigReport {
  let resolved: ResolvedConfig;
  try {
    resolved = resolveConfig({ files: path === undefined ? [] : [path], env });
  } catch (error) {
    if (error instanceof ConfigError) return { errors: [...error.issues], warnings: [] };
    throw error;
  }

  const warnings = [...findIgnoredEnv(resolved), ...findPlaintextSecrets(resolved, path)];
  if (resolved.errors.length > 0) return { errors: resolved.errors, warnings };

  const config = resolved.values as unknown as PiddiConfig;
  warnings.push(...collectConfigWarnings(config, resolved.sources));
  const errors = checks.flatMap((check) => check(config, resolved.sources));
  return { errors, warnings };
}

function findIgnoredEnv(resolved: ResolvedConfig): ConfigIssue[] {
  return resolved.ignoredEnv.map((name) => ({
    code: 'UNKNOWN_ENV_VARIABLE',
    source: `environment variable ${name}`,
    message: `Environment variable ${name} names no configuration section and is ignored.`,
  }));
}

function findPlaintextSecrets(resolved: ResolvedConfig, path: string | undefined): ConfigIssue[] {
  if (path === undefined) return [];

  const fromFile = [...resolved.sources].filter(([, source]) => source === path);

  return fromFile.flatMap(([key]) => {
    const keyPath = parseKey(key);
    if (!isSecretKey(keyPath) || findValue(resolved.values, keyPath) === '') return [];

    const envName = toEnvName(keyPath);
    const message =
      `${key} is written in plain text in ${path}; ` +
      `remove it from the file and set ${envName} in the environment instead.`;
    return [{ code: 'PLAINTEXT_SECRET' as const, key, source: path, message }];
  });
}
