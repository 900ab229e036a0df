import { randomUUID } from 'node:crypto';
import { answerSuccess, type Answer } from '../answers.js';
import { assertAuthorised } from '../auth.js';
import { assertServedPrefix, type HandleName, parseHandleName } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { ensureAdminValue } from '../values/admin-values.js';
import { type IncomingValue, stampValue } from '../values/handle-value.js';
import { parseValuesBody } from '../values/parse-values.js';
import {
  failSomeWrites,
  readOverwrite,
  type ApiRequest,
  type RouteContext,
} from './route-context.js';
import { putSomeValues, readPutIndexes } from './put-values.js';

/**
 * `PUT /api/handles/{handle}`: creates (201) or replaces (200) the whole record, or with
 * `index=` only those values. `PUT /api/handles/{prefix}/?mintNewSuffix=true` creates a handle
 * under a new suffix. Answers carry `responseCode` and `handle` only.
 */
export function putHandle(request: ApiRequest, context: RouteContext): Answer {
  const name = readTargetName(request);
  assertServedPrefix(name, context.settings.prefix);
  assertAuthorised(request.authorization, context.settings.user, context.settings.password);
  failSomeWrites(context);

  const values = parseValuesBody(request.body);
  const overwrite = readOverwrite(request.query);
  const indexes = readPutIndexes(request.query);
  if (indexes !== undefined) return putSomeValues(name, values, indexes, overwrite, context);
  return putRecord(name, values, overwrite, context);
}

function putRecord(
  name: HandleName,
  values: IncomingValue[],
  overwrite: boolean,
  context: RouteContext,
): Answer {
  const existing = context.store.get(name.handle);
  if (existing && !overwrite) {
    throw new HandleApiError(RESPONSE_CODE.handleAlreadyExists, 'Handle already exists', {
      handle: existing.handle,
    });
  }

  const now = context.now();
  const stamped = values.map((value) => stampValue(value, now));
  const handle = existing?.handle ?? name.handle;
  context.store.put({ handle, values: ensureAdminValue(stamped, context.settings.user, now) });
  return answerSuccess(existing ? 200 : 201, { handle });
}

function readTargetName(request: ApiRequest): HandleName {
  const mint = request.query.get('mintNewSuffix')?.toLowerCase() === 'true';
  if (!mint) return parseHandleName(request.handle);

  const prefix = request.handle.replace(/\/$/, '');
  if (prefix.includes('/')) {
    throw new HandleApiError(
      RESPONSE_CODE.invalidHandle,
      `mintNewSuffix needs a bare prefix in the path, not ${request.handle}`,
      { handle: request.handle },
    );
  }
  return parseHandleName(`${prefix}/${randomUUID()}`);
}
