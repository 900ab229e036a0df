import type { HandleAnswer } from './error-mapping.js';
import { readResponseCode } from './error-mapping.js';
import { HandleError } from './errors.js';
import { buildHandlePath, validateHandle, validatePrefix } from './handle-names.js';
import { type HandleValue, validateHandleValues } from './handle-values.js';
import type { HandleRequest } from './transport.js';

/** Filters of a read; each list matches any of its entries. */
export interface GetHandleOptions {
  index?: readonly number[];
  /** Value types; a type ending in `.` matches its sub-types. */
  type?: readonly string[];
}

/** Which page of a prefix listing to read. */
export interface ListHandlesOptions {
  /** @default 0 */
  page?: number;
  /** Handles per page; 0 returns only `totalCount`. Keep it at or below 10000. @default 1000 */
  pageSize?: number;
}

/** How `HandleClient.iterateHandles` reads the listing. */
export interface IterateHandlesOptions {
  /** Handles per request, at least 1. @default 1000 */
  pageSize?: number;
}

/** The page and page size a listing asks for, defaults applied. */
export type PageRequest = Required<ListHandlesOptions>;

/** Page size of listings when none is given. */
export const DEFAULT_PAGE_SIZE = 1000;

/** A 404 with responseCode 100: the handle does not exist. */
export function isHandleMissing(answer: HandleAnswer): boolean {
  return answer.status === 404 && readResponseCode(answer.body) === 100;
}

/** A missing handle, or responseCode 200: none of the chosen values exist. */
export function isNothingToDelete(answer: HandleAnswer): boolean {
  return isHandleMissing(answer) || readResponseCode(answer.body) === 200;
}

/** `PUT /api/handles/{handle}?overwrite=…` with the whole record. */
export function buildPutHandleRequest(
  handle: string,
  values: readonly HandleValue[],
  overwrite: boolean,
): HandleRequest {
  validateHandle(handle);
  validateHandleValues(values, handle);
  const action = overwrite ? 'create or replace handle' : 'create handle';

  const searchParams = new URLSearchParams({ overwrite: String(overwrite) });
  return {
    method: 'PUT',
    path: buildHandlePath(handle),
    searchParams,
    body: { values },
    subject: { action, handle },
  };
}

/** `PUT /api/handles/{handle}?index=N&index=M&overwrite=…` with only those values. */
export function buildPutValuesRequest(
  handle: string,
  values: readonly HandleValue[],
  overwrite: boolean,
): HandleRequest {
  validateHandle(handle);
  // Without an index the same request would replace the whole record by these values.
  if (values.length === 0) throw nothingChosen(handle, 'values to write');
  validateHandleValues(values, handle);

  const searchParams = buildIndexParams(
    values.map((value) => value.index),
    handle,
  );
  searchParams.set('overwrite', String(overwrite));
  const subject = { action: 'write values of', handle };
  return { method: 'PUT', path: buildHandlePath(handle), searchParams, body: { values }, subject };
}

/** `GET /api/handles/{handle}?index=…&type=…`. */
export function buildGetHandleRequest(handle: string, options: GetHandleOptions): HandleRequest {
  validateHandle(handle);

  const searchParams = buildIndexParams(options.index ?? [], handle);
  for (const type of options.type ?? []) searchParams.append('type', type);
  const subject = { action: 'read handle', handle };
  return { method: 'GET', path: buildHandlePath(handle), searchParams, subject };
}

/** `DELETE /api/handles/{handle}`, or only some values with `?index=…`. */
export function buildDeleteRequest(handle: string, indexes?: readonly number[]): HandleRequest {
  validateHandle(handle);
  // Without an index the same request would delete the whole handle.
  if (indexes?.length === 0) throw nothingChosen(handle, 'indexes to delete');

  const searchParams = buildIndexParams(indexes ?? [], handle);
  const action = indexes ? 'delete values of' : 'delete handle';
  return {
    method: 'DELETE',
    path: buildHandlePath(handle),
    searchParams,
    subject: { action, handle },
  };
}

/** `GET /api/handles?prefix=P&page=K&pageSize=S`. */
export function buildListRequest(prefix: string, requested: PageRequest): HandleRequest {
  validatePrefix(prefix);
  for (const [name, value] of Object.entries(requested)) {
    if (!Number.isInteger(value) || value < 0) throw invalidCount(name, value, prefix);
  }

  const page = String(requested.page);
  const searchParams = new URLSearchParams({ prefix, page, pageSize: String(requested.pageSize) });
  const subject = { action: 'list handles under prefix', handle: prefix };
  return { method: 'GET', path: 'api/handles', searchParams, subject };
}

/** `PUT /api/handles/{prefix}/?mintNewSuffix=true` with the record. */
export function buildMintRequest(prefix: string, values: readonly HandleValue[]): HandleRequest {
  validatePrefix(prefix);
  validateHandleValues(values, prefix);

  const searchParams = new URLSearchParams({ mintNewSuffix: 'true' });
  const subject = { action: 'mint a handle under prefix', handle: prefix };
  return {
    method: 'PUT',
    path: `${buildHandlePath(prefix)}/`,
    searchParams,
    body: { values },
    subject,
  };
}

function buildIndexParams(indexes: readonly number[], handle: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const index of indexes) {
    if (!Number.isInteger(index) || index < 1) {
      throw new HandleError(
        'INVALID_VALUE',
        `Index ${index} of ${handle} is not a positive integer`,
        {
          handle,
        },
      );
    }
    params.append('index', String(index));
  }
  return params;
}

function invalidCount(name: string, value: number, prefix: string): HandleError {
  return new HandleError('INVALID_OPTIONS', `${name} must be an integer >= 0, got ${value}`, {
    handle: prefix,
  });
}

function nothingChosen(handle: string, what: string): HandleError {
  return new HandleError('INVALID_VALUE', `No ${what} given for handle ${handle}`, { handle });
}
