import { answerSuccess, type Answer } from '../answers.js';
import { assertPermitted } from '../auth.js';
import { isServedPrefix } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { readQueryInteger } from '../values/filter-values.js';
import type { ApiRequest, RouteContext } from './route-context.js';

/**
 * `GET /api/handles?prefix=P&page=K&pageSize=S` lists the handles under the served prefix in
 * upper case, sorted, as a case-insensitive real server does. Only with both `page` (from 0) and
 * `pageSize` (0 gives only the count) is one page answered, with those fields; otherwise every
 * handle is. `totalCount` is a string, and `prefix` echoes the request.
 */
export function listHandles(request: ApiRequest, context: RouteContext): Answer {
  // As on real servers, a page that is no number is refused (4) before the prefix (301).
  const page = readOptionalInteger(request.query, 'page');
  const pageSize = readOptionalInteger(request.query, 'pageSize');
  const given = request.query.get('prefix') ?? '';
  const prefix = readServedPrefix(given, context.settings.prefix);
  assertPermitted(request.caller, prefix);

  const handles = context.store.listUnder(prefix);
  const totalCount = String(handles.length);
  if (page === undefined || pageSize === undefined || page < 0 || pageSize < 0) {
    return answerSuccess(200, { prefix: given, totalCount, handles });
  }
  const shown = handles.slice(page * pageSize, (page + 1) * pageSize);
  return answerSuccess(200, { prefix: given, totalCount, page, pageSize, handles: shown });
}

// Clients write the prefix bare (`21.TEST`) or as its prefix handle (`0.NA/21.TEST`).
function readServedPrefix(given: string, servedPrefix: string): string {
  const prefix = given.replace(/^0\.NA\//i, '');
  if (isServedPrefix(prefix, servedPrefix)) return prefix;

  throw new HandleApiError(
    RESPONSE_CODE.notResponsible,
    `That prefix doesn't live here; this server is home to ${servedPrefix} only`,
    { handle: given === '' ? undefined : given },
  );
}

function readOptionalInteger(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  return text === null ? undefined : readQueryInteger(name, text);
}
