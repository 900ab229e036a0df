import { answerSuccess, type Answer } from '../answers.js';
import { assertAuthorised } from '../auth.js';
import { assertServedPrefix, parseHandleName } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { readIndexes } from '../values/filter-values.js';
import type { HandleRecord } from '../values/handle-value.js';
import { failSomeWrites, type ApiRequest, type RouteContext } from './route-context.js';

/**
 * `DELETE /api/handles/{handle}` removes the handle; with `index=` only those values. A
 * missing handle is 404 with responseCode 100.
 */
export function deleteHandle(request: ApiRequest, context: RouteContext): Answer {
  const name = parseHandleName(request.handle);
  assertServedPrefix(name, context.settings.prefix);
  assertAuthorised(request.authorization, context.settings.user, context.settings.password);
  failSomeWrites(context);

  const indexes = readIndexes(request.query);
  const record = context.store.get(name.handle);
  if (!record) {
    throw new HandleApiError(RESPONSE_CODE.handleNotFound, 'Handle not found', {
      handle: name.handle,
    });
  }

  if (indexes.length === 0) context.store.delete(record.handle);
  else deleteValues(record, indexes, context);
  return answerSuccess(200, { handle: record.handle });
}

// Indexes the handle does not hold are passed over; only when none of them is there is the
// request refused, with responseCode 200 ("values not found") and HTTP 400.
function deleteValues(record: HandleRecord, indexes: number[], context: RouteContext): void {
  const kept = record.values.filter((value) => !indexes.includes(value.index));
  if (kept.length === record.values.length) {
    throw new HandleApiError(
      RESPONSE_CODE.valuesNotFound,
      `No value at index ${indexes.join(', ')}`,
      { handle: record.handle },
    );
  }
  context.store.put({ handle: record.handle, values: kept });
}
