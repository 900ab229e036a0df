import { handleKey } from '../handle-name.js';
import { HandleApiError, protocolError, RESPONSE_CODE } from '../response-codes.js';
import { readIndexes } from '../values/filter-values.js';
import type { IncomingValue } from '../values/handle-value.js';
import type { PutBody } from '../values/parse-values.js';

/** The indexes a PUT names: a list, `various` (every value in the body), or undefined. */
export type PutIndexes = number[] | 'various' | undefined;

const JSON_MEDIA_TYPE = 'application/json';

/** Reads the `index` parameters of a PUT; `index=various` stands for every value sent. */
export function readPutIndexes(query: URLSearchParams): PutIndexes {
  if (!query.has('index')) return undefined;
  if (query.getAll('index').some((index) => index.toLowerCase() === 'various')) return 'various';

  return readIndexes(query);
}

/** Refuses with responseCode 4 a body not declared as `application/json` (parameters aside). */
export function assertJsonContentType(contentType: string | undefined): void {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  if (mediaType === JSON_MEDIA_TYPE) return;

  throw protocolError(`Unsupported media type ${contentType ?? 'null'}; send ${JSON_MEDIA_TYPE}`);
}

/** Refuses with responseCode 4 a body whose `handle` field names another handle than the URL. */
export function assertBodyNamesHandle(body: PutBody, handle: string): void {
  if (!body.namesHandle) return;
  if (typeof body.handle === 'string' && handleKey(body.handle) === handleKey(handle)) return;

  throw protocolError(`Mismatched handle in PUT request: the URL names ${handle}`);
}

/** Refuses with responseCode 4 an `index=` list that is not the indexes of the values sent. */
export function assertIndexesMatch(indexes: PutIndexes, values: IncomingValue[]): void {
  if (indexes === undefined || indexes === 'various') return;

  const named = new Set(indexes);
  const sent = new Set(values.map((value) => value.index));
  if (named.size === sent.size && [...named].every((index) => sent.has(index))) return;
  throw protocolError(`Mismatched indexes in PUT request: ?index= must list the values sent`);
}

/**
 * Refuses values a server reads but will not store: no values in a value-level PUT and an index
 * below 1 (400, responseCode 202), and one index used twice (409, responseCode 201).
 */
export function assertValuesFit(values: IncomingValue[], handle: string, valueLevel: boolean) {
  if (valueLevel && values.length === 0) throw invalidValue('Value list was empty', handle);
  if (values.some((value) => value.index < 1)) {
    throw invalidValue('Value indexes must be positive', handle);
  }

  const seen = new Set<number>();
  for (const { index } of values) {
    if (seen.has(index)) throw indexConflict(index, handle);
    seen.add(index);
  }
}

/** The refusal of a value at an index that is taken: 409 with responseCode 201. */
export function indexConflict(index: number, handle: string): HandleApiError {
  return new HandleApiError(RESPONSE_CODE.valueAlreadyExists, `Index conflict for ${index}`, {
    handle,
  });
}

function invalidValue(message: string, handle: string): HandleApiError {
  return new HandleApiError(RESPONSE_CODE.invalidValue, message, { handle });
}
