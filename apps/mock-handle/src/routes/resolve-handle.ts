import { answerJson, answerSuccess, type Answer } from '../answers.js';
import { assertPermitted, type Caller } from '../auth.js';
import { assertNamed, assertServedPrefix } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { filterValues, readValueFilter } from '../values/filter-values.js';
import { type HandleRecord, isPublicValue } from '../values/handle-value.js';
import type { ApiRequest, RouteContext } from './route-context.js';

/**
 * `GET /api/handles/{handle}` (also HEAD and POST): public, in the order the values were
 * written, echoing the name as the request spelled it. Values an anonymous reader may not see,
 * such as the secret key, are shown to the admin only. No value to show is 200 with
 * responseCode 200 and an empty list, as on real servers.
 */
export function resolveHandle(request: ApiRequest, context: RouteContext): Answer {
  const filter = readValueFilter(request.query);
  assertNamed(request.handle);
  const { handle } = request;
  const record = context.store.get(handle);
  if (!record) {
    assertServedPrefix(handle, context.settings.prefix);
    throw new HandleApiError(RESPONSE_CODE.handleNotFound, 'Handle not found', { handle });
  }

  const values = filterValues(readableValues(record, request.caller, handle), filter);
  if (values.length === 0) {
    return answerJson(200, { responseCode: RESPONSE_CODE.valuesNotFound, handle, values });
  }
  return answerSuccess(200, { handle, values });
}

// A stranger may read what anyone may, but is refused where hidden values would be left out.
function readableValues(record: HandleRecord, caller: Caller, handle: string) {
  if (caller === 'admin') return record.values;

  const publicValues = record.values.filter(isPublicValue);
  if (caller === 'stranger' && publicValues.length < record.values.length) {
    assertPermitted(caller, handle);
  }
  return publicValues;
}
