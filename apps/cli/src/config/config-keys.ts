import type { SchemaObject } from 'ajv';

import { CONFIG_SCHEMA, FREE_FORM_SECTIONS } from './config-schema.js';

/** A key as the list of its table names and its own name: `['kafka', 'bootstrap.servers']`. */
export type KeyPath = readonly string[];

/** Prefix of every environment variable that sets a configuration key. */
export const ENV_PREFIX = 'PIDDI_';

/** The dotted spelling of a key used in messages: `handle.timeout_ms`. */
export function formatKey(path: KeyPath): string {
  return path.join('.');
}

/** The environment variable that sets a key: `PIDDI_KAFKA_BOOTSTRAP_SERVERS`. */
export function toEnvName(path: KeyPath): string {
  return ENV_PREFIX + path.join('_').replaceAll('.', '_').toUpperCase();
}

/** True for sections that accept any key, such as `[kafka]`. */
export function isFreeFormSection(section: KeyPath): boolean {
  return FREE_FORM_SECTIONS.includes(formatKey(section));
}

/** The schema of the value at a key, or undefined when the key is not known. */
export function findKeySchema(path: KeyPath, schema = CONFIG_SCHEMA): SchemaObject | undefined {
  let current: SchemaObject | undefined = schema;
  for (const name of path) {
    current = childSchema(current, name);
    if (!current) return undefined;
  }
  return current;
}

/** Every table of the configuration, deepest first: `consumer.transient` before `consumer`. */
export function listSections(schema = CONFIG_SCHEMA, parent: KeyPath = []): KeyPath[] {
  const sections: KeyPath[] = [];
  for (const [name, child] of Object.entries(propertiesOf(schema))) {
    if (child.type !== 'object') continue;

    const path = [...parent, name];
    sections.push(...listSections(child, path), path);
  }
  return sections;
}

/** The names of the keys a table knows, for "known: …" hints. */
export function listKnownKeys(section: KeyPath): string[] {
  return Object.keys(propertiesOf(findKeySchema(section)));
}

/** Splits a dotted name into a key path; the `kafka.` part ends the split (librdkafka names). */
export function parseKey(name: string): string[] {
  if (name === '') return [];

  const parts = name.split('.');
  const freeForm = parts.findIndex((_, index) => isFreeFormSection(parts.slice(0, index + 1)));
  if (freeForm === -1 || freeForm === parts.length - 1) return parts;

  return [...parts.slice(0, freeForm + 1), parts.slice(freeForm + 1).join('.')];
}

function childSchema(schema: SchemaObject | undefined, name: string): SchemaObject | undefined {
  if (!schema) return undefined;
  if (schema.type === 'array') return schema.items as SchemaObject;

  const known = propertiesOf(schema)[name];
  if (known) return known;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

function propertiesOf(schema: SchemaObject | undefined): Record<string, SchemaObject> {
  return (schema?.properties as Record<string, SchemaObject> | undefined) ?? {};
}
