import type { ConfigLayer, ConfigTable } from './config-layers.js';
import type { KeyPath } from './config-keys.js';
import { ENV_PREFIX, isFreeFormSection, listSections, toEnvName } from './config-keys.js';
import { findValue } from './merge-layers.js';

/** What the environment contributes: one layer per variable, and the variables it ignored. */
export interface EnvLayers {
  layers: ConfigLayer[];
  /** PIDDI_ variables that name no section, e.g. a misspelt `PIDDI_HANDEL_PASSWORD`. */
  ignored: string[];
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

// Deepest tables first, so `PIDDI_CONSUMER_TRANSIENT_RETRIES` is not read as a `[consumer]` key.
const ENV_SECTIONS = listSections().sort((a, b) => toEnvName(b).length - toEnvName(a).length);

/**
 * Turns `PIDDI_<SECTION>_<KEY>` variables into layers. A value takes the type of the value it
 * replaces in `base`; one that cannot be converted is kept as text, so validation names it.
 */
export function readEnvLayers(env: NodeJS.ProcessEnv, base: ConfigTable): EnvLayers {
  const result: EnvLayers = { layers: [], ignored: [] };
  const names = Object.keys(env).filter((name) => name.startsWith(ENV_PREFIX));

  for (const name of names.sort()) {
    const raw = env[name];
    if (raw === undefined) continue;

    const path = resolveEnvName(name);
    if (!path) {
      result.ignored.push(name);
      continue;
    }
    const value = coerceEnvValue(raw, findValue(base, path));
    result.layers.push({ source: `environment variable ${name}`, values: nestValue(path, value) });
  }
  return result;
}

/**
 * The key an environment variable sets, or undefined when it names no section. In `[kafka]`
 * underscores stand for the dots of librdkafka names: `PIDDI_KAFKA_GROUP_ID` → `group.id`.
 */
export function resolveEnvName(name: string): KeyPath | undefined {
  for (const section of ENV_SECTIONS) {
    const prefix = `${toEnvName(section)}_`;
    if (!name.startsWith(prefix) || name.length === prefix.length) continue;

    const key = name.slice(prefix.length).toLowerCase();
    return [...section, isFreeFormSection(section) ? key.replaceAll('_', '.') : key];
  }
  return undefined;
}

/** Converts a variable's text to the type of `template`: number, boolean or list of strings. */
export function coerceEnvValue(raw: string, template: unknown): unknown {
  if (typeof template === 'number') return parseNumber(raw);
  if (typeof template === 'boolean') return parseBoolean(raw);
  if (Array.isArray(template)) return parseList(raw);
  return raw;
}

function parseNumber(raw: string): number | string {
  const number = Number(raw.trim());
  return raw.trim() !== '' && Number.isFinite(number) ? number : raw;
}

function parseBoolean(raw: string): boolean | string {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return raw;
}

/** A JSON array (`["a","b"]`) or a comma list (`a, b`); an empty text is an empty list. */
function parseList(raw: string): unknown {
  const text = raw.trim();
  if (!text.startsWith('[')) return text.split(',').flatMap((item) => item.trim() || []);

  try {
    return JSON.parse(text) as unknown;
  } catch {
    return raw;
  }
}

function nestValue(path: KeyPath, value: unknown): ConfigTable {
  return path.reduceRight<unknown>((inner, name) => ({ [name]: inner }), value) as ConfigTable;
}
