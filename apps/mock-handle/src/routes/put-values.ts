import { answerSuccess, type Answer } from '../answers.js';
import type { HandleName } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { readIndexes } from '../values/filter-values.js';
import {
  type HandleRecord,
  type IncomingValue,
  sortByIndex,
  stampValue,
} from '../values/handle-value.js';
import type { RouteContext } from './route-context.js';

/** The indexes a PUT names: a list, `various` (every value in the body), or undefined. */
export type PutIndexes = number[] | 'various' | undefined;

/** Reads the `index` parameters of a PUT; `index=various` stands for every value sent. */
export function readPutIndexes(query: URLSearchParams): PutIndexes {
  if (!query.has('index')) return undefined;
  if (query.getAll('index').some((index) => index.toLowerCase() === 'various')) return 'various';

  return readIndexes(query);
}

/**
 * Adds or replaces only the named values of an existing handle, leaving the rest. 201 when at
 * least one value is new; 409 with responseCode 201 when `overwrite=false` meets an existing one.
 */
export function putSomeValues(
  name: HandleName,
  values: IncomingValue[],
  indexes: number[] | 'various',
  overwrite: boolean,
  context: RouteContext,
): Answer {
  const record = context.store.get(name.handle);
  if (!record) {
    throw new HandleApiError(RESPONSE_CODE.handleNotFound, 'Handle not found', {
      handle: name.handle,
    });
  }

  const chosen = chooseValues(values, indexes, record.handle);
  const existing = findExisting(record, chosen);
  if (!overwrite && existing.length > 0) {
    throw new HandleApiError(
      RESPONSE_CODE.valueAlreadyExists,
      `Value already exists at index ${existing.join(', ')}`,
      { handle: record.handle },
    );
  }

  const now = context.now();
  const kept = record.values.filter((value) => !chosen.some((c) => c.index === value.index));
  const written = chosen.map((value) => stampValue(value, now));
  context.store.put({ handle: record.handle, values: sortByIndex([...kept, ...written]) });
  return answerSuccess(existing.length < chosen.length ? 201 : 200, { handle: record.handle });
}

function findExisting(record: HandleRecord, chosen: IncomingValue[]): number[] {
  const taken = new Set(record.values.map((value) => value.index));
  return chosen.filter((value) => taken.has(value.index)).map((value) => value.index);
}

function chooseValues(
  values: IncomingValue[],
  indexes: number[] | 'various',
  handle: string,
): IncomingValue[] {
  if (indexes === 'various') return values;

  return [...new Set(indexes)].map((index) => {
    const value = values.find((candidate) => candidate.index === index);
    if (!value) {
      throw new HandleApiError(
        RESPONSE_CODE.invalidValue,
        `Query names index ${index} but the body has no value at that index`,
        { handle },
      );
    }
    return value;
  });
}
