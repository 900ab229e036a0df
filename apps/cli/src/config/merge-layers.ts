import type { ConfigLayer, ConfigTable } from './config-layers.js';
import { DEFAULT_SOURCE } from './config-layers.js';

/** The merged values and, for every key, the source that set it last. */
export interface MergedLayers {
  values: ConfigTable;
  /** Dotted key → source, for leaf values only. */
  sources: Map<string, string>;
}

/**
 * Merges layers in order, later over earlier: tables merge key by key, any other value
 * (including a list) replaces the earlier one. `undefined` values are skipped, so unset flags
 * leave the configuration alone.
 */
export function mergeLayers(layers: readonly ConfigLayer[]): MergedLayers {
  const merged: MergedLayers = { values: {}, sources: new Map() };
  for (const layer of layers) {
    mergeTable(merged, merged.values, layer.values, [], layer.source);
  }
  return merged;
}

/** The source of a key; a table's source is that of its first key, a missing key's that of its table. */
export function findSource(sources: ReadonlyMap<string, string>, key: string): string {
  const exact = sources.get(key);
  if (exact) return exact;

  for (const [candidate, source] of sources) {
    if (candidate.startsWith(`${key}.`)) return source;
  }
  const parent = key.lastIndexOf('.');
  return parent === -1 ? DEFAULT_SOURCE : findSource(sources, key.slice(0, parent));
}

function mergeTable(
  merged: MergedLayers,
  target: ConfigTable,
  layer: ConfigTable,
  path: readonly string[],
  source: string,
): void {
  for (const [name, value] of Object.entries(layer)) {
    if (value === undefined) continue;

    const keyPath = [...path, name];
    if (isTable(value)) {
      if (!isTable(target[name])) {
        target[name] = {};
        merged.sources.delete(keyPath.join('.'));
      }
      mergeTable(merged, target[name] as ConfigTable, value, keyPath, source);
      continue;
    }
    target[name] = structuredClone(value);
    merged.sources.set(keyPath.join('.'), source);
  }
}

/** The value at a key path, or undefined when a table on the way is missing. */
export function findValue(table: ConfigTable, path: readonly string[]): unknown {
  let current: unknown = table;
  for (const name of path) {
    if (!isTable(current)) return undefined;
    current = current[name];
  }
  return current;
}

/** True for a TOML table (a plain object), false for lists, dates and scalars. */
export function isTable(value: unknown): value is ConfigTable {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
