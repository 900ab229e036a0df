import type { ErrorObject } from 'ajv';
import { Ajv } from 'ajv';

import type { KeyPath } from './config-keys.js';
import { findKeySchema, formatKey, listKnownKeys } from './config-keys.js';
import { checkConfigRules } from './config-rules.js';
import { CONFIG_SCHEMA } from './config-schema.js';
import type { PiddiConfig } from './config-types.js';
import type { ConfigIssue } from './errors.js';
import type { MergedLayers } from './merge-layers.js';
import { findSource, findValue } from './merge-layers.js';
import { isSecretKey } from './redact-config.js';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
const validateSchema = ajv.compile<PiddiConfig>(CONFIG_SCHEMA);

/** Every problem of the merged configuration; an empty list means it is a valid PiddiConfig. */
export function validateValues(merged: MergedLayers): ConfigIssue[] {
  if (validateSchema(merged.values)) return checkConfigRules(merged.values, merged.sources);

  const issues = (validateSchema.errors ?? []).map((error) => describeSchemaError(error, merged));
  return keepFirstPerKey(issues);
}

function describeSchemaError(error: ErrorObject, merged: MergedLayers): ConfigIssue {
  const path = toKeyPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    return describeUnknownKey([...path, error.params.additionalProperty as string], merged);
  }
  const keyPath = error.keyword === 'required' ? [...path, error.params.missingProperty] : path;
  return describeWrongValue(cutAtList(keyPath), merged);
}

function describeUnknownKey(path: KeyPath, merged: MergedLayers): ConfigIssue {
  const key = formatKey(path);
  const section = path.slice(0, -1);
  const source = findSource(merged.sources, key);
  const where = section.length === 0 ? 'a section' : `a key of [${formatKey(section)}]`;
  const known = listKnownKeys(section).join(', ');
  return {
    code: 'CONFIG_INVALID',
    key,
    source,
    message: `${key} (from ${source}) is not ${where}; known: ${known}. Check the spelling.`,
  };
}

function describeWrongValue(path: KeyPath, merged: MergedLayers): ConfigIssue {
  const key = formatKey(path);
  const source = findSource(merged.sources, key);
  const expected = findKeySchema(path)?.description ?? 'valid';
  const value = findValue(merged.values, path);
  const got = value === undefined ? 'it is missing' : `got ${showValue(path, value)}`;
  return {
    code: 'CONFIG_INVALID',
    key,
    source,
    message: `${key} (from ${source}) must be ${expected}; ${got}.`,
  };
}

function showValue(path: KeyPath, value: unknown): string {
  if (isSecretKey(path)) return 'a secret value (not shown)';

  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// A wrong item of a list is reported on the list: "excluded_asset_keys must be a list of strings".
function cutAtList(path: KeyPath): KeyPath {
  const listEnd = path.findIndex(
    (_, index) => findKeySchema(path.slice(0, index))?.type === 'array',
  );
  return listEnd === -1 ? path : path.slice(0, listEnd);
}

function toKeyPath(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function keepFirstPerKey(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string | undefined>();
  return issues.filter((issue) => !seen.has(issue.key) && seen.add(issue.key));
}
