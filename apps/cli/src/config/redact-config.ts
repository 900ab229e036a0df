import type { ConfigTable } from './config-layers.js';
import type { PiddiConfig } from './config-types.js';
import { isTable } from './merge-layers.js';

/** What a secret is shown as. */
export const REDACTED = '********';

// Matched against a key's own name, so it covers `handle.password` as well as librdkafka's
// `sasl.password`, `ssl.key.password`, `ssl.key.pem` (an inline private key) and
// `sasl.oauthbearer.config` (which may carry a client secret).
const SECRET_NAME = /password|passphrase|secret|(^|\.)key\.pem$|^sasl\.oauthbearer\.config$/i;

/** True when the key's value must never be logged or printed. */
export function isSecretKey(path: readonly string[]): boolean {
  const name = path.at(-1);
  return name !== undefined && SECRET_NAME.test(name);
}

/**
 * A copy of the configuration with every secret replaced by `********`, safe to log or print.
 * An empty secret stays empty: it reveals only that nothing is set.
 */
export function redactConfig<T extends object = PiddiConfig>(config: T): T {
  return redactTable(config as ConfigTable, []) as T;
}

function redactTable(table: ConfigTable, path: readonly string[]): ConfigTable {
  const entries = Object.entries(table).map(([name, value]) => {
    const keyPath = [...path, name];
    if (isTable(value)) return [name, redactTable(value, keyPath)];
    return [name, redactValue(value, keyPath)];
  });
  return Object.fromEntries(entries) as ConfigTable;
}

function redactValue(value: unknown, path: readonly string[]): unknown {
  if (!isSecretKey(path) || value === '') return structuredClone(value);
  return REDACTED;
}
