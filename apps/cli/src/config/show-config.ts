import TOML from '@iarna/toml';

import type { ConfigTable } from './config-layers.js';
import { formatKey, listSections, parseKey } from './config-keys.js';
import type { PiddiConfig } from './config-types.js';
import { createConfigError } from './errors.js';
import { findValue, isTable } from './merge-layers.js';
import { redactConfig } from './redact-config.js';

/** What `config show` prints. */
export interface ShowConfigOptions {
  /** @default 'toml' */
  format?: 'toml' | 'json';
  /** A section such as `handle` or `consumer.transient`. */
  section?: string;
  /** `section.key`, or just `key` together with `section`. */
  key?: string;
}

/**
 * Renders the configuration, a section or a single key, with every secret shown as `********`;
 * the text has no trailing newline.
 * @throws ConfigError CONFIG_KEY_NOT_FOUND naming what exists instead.
 */
export function showConfig(config: PiddiConfig, options: ShowConfigOptions = {}): string {
  const { format = 'toml', section, key } = options;
  const redacted = redactConfig(config) as unknown as ConfigTable;
  const path = parseKey(joinName(section, key));

  const value = path.length === 0 ? redacted : findValue(redacted, path);
  if (value === undefined) throw createNotFoundError(redacted, path);

  const text = format === 'json' ? JSON.stringify(value, null, 2) : renderToml(path, value);
  return text.trimEnd();
}

function joinName(section: string | undefined, key: string | undefined): string {
  if (!section) return key ?? '';
  if (!key || key.startsWith(`${section}.`)) return key ?? section;
  return `${section}.${key}`;
}

// A table keeps its [section] header, so the output can be pasted into a configuration file.
function renderToml(path: readonly string[], value: unknown): string {
  const document = isTable(value)
    ? path.reduceRight<unknown>((inner, part) => ({ [part]: inner }), value)
    : { [path.at(-1) ?? 'value']: value };
  return TOML.stringify(document as TOML.JsonMap);
}

function createNotFoundError(config: ConfigTable, path: readonly string[]) {
  const key = formatKey(path);
  const parent = path.slice(0, -1);
  const table = findValue(config, parent);
  const known =
    parent.length > 0 && isTable(table)
      ? `keys of [${formatKey(parent)}]: ${Object.keys(table).join(', ')}`
      : `sections: ${listSections().map(formatKey).sort().join(', ')}`;
  return createConfigError({
    code: 'CONFIG_KEY_NOT_FOUND',
    key,
    message: `${key} is not in the configuration; ${known}.`,
  });
}
