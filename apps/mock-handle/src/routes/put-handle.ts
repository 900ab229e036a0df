import { randomUUID } from 'node:crypto';
import { answerSuccess, type Answer } from '../answers.js';
import { assertAuthenticated, assertPermitted } from '../auth.js';
import { assertServedPrefix } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { stampValue } from '../values/handle-value.js';
import { parseValuesBody } from '../values/parse-values.js';
import {
  assertBodyNamesHandle,
  assertIndexesMatch,
  assertJsonContentType,
  assertValuesFit,
  readPutIndexes,
} from './put-checks.js';
import { putSomeValues, type ValuesWrite } from './put-values.js';
import {
  failSomeWrites,
  readOverwrite,
  type ApiRequest,
  type RouteContext,
} from './route-context.js';

/**
 * `PUT /api/handles/{handle}`: creates (201) or replaces (200) the whole record with exactly the
 * values sent, in their order; with `index=` only those values. With `mintNewSuffix=true` a UUID
 * is appended to the name given (`PREFIX/` or `PREFIX/start-`). As on real servers the request
 * is read and checked before the prefix and the credentials.
 */
export function putHandle(request: ApiRequest, context: RouteContext): Answer {
  const indexes = readPutIndexes(request.query);
  assertJsonContentType(request.contentType);
  const body = parseValuesBody(request.body, request.handle);
  assertBodyNamesHandle(body, request.handle);
  assertIndexesMatch(indexes, body.values);
  assertValuesFit(body.values, request.handle, indexes !== undefined);

  assertServedPrefix(request.handle, context.settings.prefix);
  assertAuthenticated(request.caller, request.handle);
  failSomeWrites(context);

  const overwrite = readOverwrite(request.query);
  const write = { values: body.values, overwrite, caller: request.caller };
  if (indexes !== undefined) return putSomeValues(request.handle, write, context);
  return putRecord(readTargetName(request), write, context);
}

function putRecord(handle: string, write: ValuesWrite, context: RouteContext): Answer {
  const existing = context.store.get(handle);
  if (existing && !write.overwrite) {
    throw new HandleApiError(RESPONSE_CODE.handleAlreadyExists, 'Handle already exists', {
      handle,
    });
  }
  assertPermitted(write.caller, handle);

  const now = context.now();
  const values = write.values.map((value) => stampValue(value, now));
  context.store.put({ handle: existing?.handle ?? handle, values });
  return answerSuccess(existing ? 200 : 201, { handle });
}

function readTargetName(request: ApiRequest): string {
  const mint = request.query.get('mintNewSuffix')?.toLowerCase() === 'true';
  return mint ? `${request.handle}${randomUUID()}` : request.handle;
}
