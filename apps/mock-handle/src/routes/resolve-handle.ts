import { answerSuccess, type Answer } from '../answers.js';
import { assertAuthorised } from '../auth.js';
import { assertServedPrefix, parseHandleName } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { filterValues, readValueFilter } from '../values/filter-values.js';
import { type HandleRecord, isPublicValue, sortByIndex } from '../values/handle-value.js';
import type { ApiRequest, RouteContext } from './route-context.js';

/**
 * `GET /api/handles/{handle}`: public. Values an anonymous reader may not see, such as the
 * secret key, are shown only to an authenticated admin; wrong credentials are refused (402). An empty result is responseCode 200
 * with HTTP 200, as on real servers.
 */
export function resolveHandle(request: ApiRequest, context: RouteContext): Answer {
  const name = parseHandleName(request.handle);
  const filter = readValueFilter(request.query);
  const record = context.store.get(name.handle);
  if (!record) {
    assertServedPrefix(name, context.settings.prefix);
    throw new HandleApiError(RESPONSE_CODE.handleNotFound, 'Handle not found', {
      handle: name.handle,
    });
  }

  const values = filterValues(sortByIndex(readableValues(record, request, context)), filter);
  if (values.length === 0) {
    throw new HandleApiError(RESPONSE_CODE.valuesNotFound, 'Values not found', {
      handle: record.handle,
      status: 200,
    });
  }
  return answerSuccess(200, { handle: record.handle, values });
}

// Credentials on a resolution are checked like on a write: a wrong password is refused rather
// than silently downgraded to an anonymous read.
function readableValues(record: HandleRecord, request: ApiRequest, context: RouteContext) {
  if (request.authorization === undefined) return record.values.filter(isPublicValue);

  assertAuthorised(request.authorization, context.settings.user, context.settings.password);
  return record.values;
}
