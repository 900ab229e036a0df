import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import TOML from '@iarna/toml';

import { createConfigError } from './errors.js';

/** A plain table of configuration values, as parsed from TOML or built from flags. */
export type ConfigTable = Record<string, unknown>;

/** Values from one source, merged over the layers before it. */
export interface ConfigLayer {
  /** Named in every error about a value of this layer. */
  source: string;
  values: ConfigTable;
}

/** Where the built-in configuration lives; it ships beside the compiled module. */
export const DEFAULT_CONFIG_URL = new URL('./default.toml', import.meta.url);

/** Source name of the built-in values. */
export const DEFAULT_SOURCE = 'built-in defaults (default.toml)';

/** Source name of values given on the command line. */
export const OVERRIDE_SOURCE = 'command-line flags';

/** Reads the built-in `default.toml`. */
export function readDefaultLayer(): ConfigLayer {
  const path = fileURLToPath(DEFAULT_CONFIG_URL);
  return { source: DEFAULT_SOURCE, values: parseTomlFile(path) };
}

/** Reads a TOML file given with --config; fails with CONFIG_FILE_NOT_FOUND or CONFIG_PARSE_ERROR. */
export function readFileLayer(path: string): ConfigLayer {
  return { source: path, values: parseTomlFile(path) };
}

function parseTomlFile(path: string): ConfigTable {
  const text = readText(path);
  try {
    return toPlainTable(TOML.parse(text));
  } catch (error) {
    throw createParseError(path, error);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw createConfigError({
      code: 'CONFIG_FILE_NOT_FOUND',
      source: path,
      message: `Configuration file ${path} cannot be read (${reason}); check the --config path.`,
    });
  }
}

// The parser's own message quotes the offending lines, which may hold a password: only its
// first sentence and the position are kept, and the original error is not attached.
function createParseError(path: string, error: unknown) {
  const { line, col, message } = error as { line?: number; col?: number; message?: string };
  const position = line === undefined ? '' : `:${line + 1}:${(col ?? 0) + 1}`;
  const reason = (message ?? 'invalid TOML').split(/ at row |:\n/)[0];
  return createConfigError({
    code: 'CONFIG_PARSE_ERROR',
    source: path,
    message: `${path}${position}: not valid TOML: ${reason}. Fix the file and try again.`,
  });
}

// The TOML parser hands back objects without a prototype and tagged with symbols; cloning
// gives plain objects while dates stay dates (and are then rejected where text is expected).
function toPlainTable(parsed: object): ConfigTable {
  return structuredClone(parsed) as ConfigTable;
}
