import { answerSuccess, type Answer } from '../answers.js';
import { assertAuthenticated, assertPermitted } from '../auth.js';
import { assertServedPrefix } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { readIndexes } from '../values/filter-values.js';
import type { HandleRecord } from '../values/handle-value.js';
import { failSomeWrites, type ApiRequest, type RouteContext } from './route-context.js';

/**
 * `DELETE /api/handles/{handle}` removes the handle; with `index=` only those values. As on
 * real servers, indexes that are no numbers are refused first (4), then a value-level delete
 * under a prefix not served (301), then missing credentials (402); a handle that is not there,
 * whatever its prefix, is 404 with responseCode 100.
 */
export function deleteHandle(request: ApiRequest, context: RouteContext): Answer {
  const indexes = readIndexes(request.query);
  const { handle } = request;
  if (indexes.length > 0) assertServedPrefix(handle, context.settings.prefix);
  assertAuthenticated(request.caller, handle);
  failSomeWrites(context);

  const record = context.store.get(handle);
  if (!record) {
    const named = handle === '' ? undefined : handle;
    throw new HandleApiError(RESPONSE_CODE.handleNotFound, 'Handle not found', { handle: named });
  }
  assertPermitted(request.caller, handle);

  if (indexes.length === 0) context.store.delete(record.handle);
  else deleteValues(record, indexes, handle, context);
  return answerSuccess(200, { handle });
}

// Every index must be there: if one is missing, nothing is deleted and the request is refused
// with responseCode 200 ("values not found") and HTTP 400.
function deleteValues(
  record: HandleRecord,
  indexes: number[],
  handle: string,
  context: RouteContext,
): void {
  const held = new Set(record.values.map((value) => value.index));
  const missing = indexes.filter((index) => !held.has(index));
  if (missing.length > 0) {
    throw new HandleApiError(
      RESPONSE_CODE.valuesNotFound,
      `No value at index ${missing.join(', ')}`,
      {
        handle,
      },
    );
  }

  const kept = record.values.filter((value) => !indexes.includes(value.index));
  context.store.put({ handle: record.handle, values: kept });
}
