import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';

import type { EventErrorCode, EventProblem } from '../errors.js';

/**
 * An Ajv instance that knows the annotation keywords of Piddi's schemas (`errorCode`,
 * `missingCode`) and reports every broken rule. Compile the exported schemas with it.
 */
export function createSchemaAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
  });
  ajv.addKeyword({ keyword: 'errorCode', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'missingCode', schemaType: 'string' });
  return ajv;
}

/** Checks a value against one schema and names each broken rule with its error code. */
export interface SchemaCheck {
  (value: unknown, pathPrefix?: string): EventProblem[];
}

const ajv = createSchemaAjv();
const FALLBACK_CODE: EventErrorCode = 'INVALID_ENVELOPE';
const MAX_VALUE_LENGTH = 80;

/** Compiles `schema` once; the returned check lists problems, empty when the value is valid. */
export function compileSchemaCheck(schema: SchemaObject): SchemaCheck {
  const validate: ValidateFunction = ajv.compile(schema);

  return (value, pathPrefix = '') => {
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .filter((error) => error.keyword !== 'if')
      .map((error) => describeError(error, schema, pathPrefix));
  };
}

function describeError(error: ErrorObject, schema: SchemaObject, pathPrefix: string): EventProblem {
  const missing = error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
  const path =
    pathPrefix + error.instancePath + (missing === undefined ? '' : `/${escapePointer(missing)}`);
  const code = findErrorCode(schema, error.schemaPath, missing);
  if (missing !== undefined) return { code, path, rule: 'is missing' };

  return { code, path, rule: error.message ?? error.keyword, value: previewValue(error.data) };
}

// The innermost subschema on the way to the failing keyword that names a code decides it; an
// absent member takes the `missingCode` of its own subschema first. Members of a `properties`
// map are names, not schemas, so they are stepped over.
function findErrorCode(schema: SchemaObject, schemaPath: string, missing?: string): EventErrorCode {
  let node: unknown = schema;
  let code = FALLBACK_CODE;
  let inPropertyMap = false;

  for (const segment of schemaPath.split('/').slice(1).map(unescapeSegment)) {
    if (typeof node !== 'object' || node === null) break;
    const schemaNode = node as Record<string, unknown>;
    if (!inPropertyMap) {
      if (typeof schemaNode.errorCode === 'string') code = schemaNode.errorCode as EventErrorCode;
      if (segment === 'required' && missing !== undefined) {
        return readMissingCode(schemaNode, missing) ?? code;
      }
    }
    inPropertyMap = !inPropertyMap && segment === 'properties';
    node = schemaNode[segment];
  }
  return code;
}

function readMissingCode(
  schema: Record<string, unknown>,
  member: string,
): EventErrorCode | undefined {
  const properties = schema.properties;
  if (!isObject(properties) || !isObject(properties[member])) return undefined;

  const code = properties[member].missingCode;
  return typeof code === 'string' ? (code as EventErrorCode) : undefined;
}

/** A short, printable form of an offending value for messages and failure records. */
export function previewValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isObject(value)) return 'an object';

  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/** Escapes one member name for a JSON Pointer (RFC 6901). */
export function escapePointer(member: string): string {
  return member.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapeSegment(segment: string): string {
  return decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
