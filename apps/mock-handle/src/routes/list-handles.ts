import { answerSuccess, type Answer } from '../answers.js';
import { assertAuthorised } from '../auth.js';
import { isServedPrefix } from '../handle-name.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import type { ApiRequest, RouteContext } from './route-context.js';

/**
 * `GET /api/handles?prefix=P&page=K&pageSize=S` lists the handles under the served prefix,
 * sorted. `page` counts from 0; `pageSize=0` gives only the count; without `pageSize` every
 * handle is listed. `totalCount` is a string, as real servers send it.
 */
export function listHandles(request: ApiRequest, context: RouteContext): Answer {
  const prefix = readPrefix(request.query, context.settings.prefix);
  assertAuthorised(request.authorization, context.settings.user, context.settings.password);
  const page = readWholeNumber(request.query, 'page') ?? 0;
  const pageSize = readWholeNumber(request.query, 'pageSize');

  const handles = context.store.listUnder(prefix);
  const shown =
    pageSize === undefined ? handles : handles.slice(page * pageSize, (page + 1) * pageSize);
  return answerSuccess(200, {
    prefix,
    totalCount: String(handles.length),
    page,
    ...(pageSize === undefined ? {} : { pageSize }),
    handles: shown,
  });
}

// Clients write the prefix bare (`21.TEST`) or as its prefix handle (`0.NA/21.TEST`).
function readPrefix(query: URLSearchParams, servedPrefix: string): string {
  const given = query.get('prefix');
  if (given === null || given === '') {
    throw new HandleApiError(RESPONSE_CODE.invalidHandle, 'Listing needs ?prefix=PREFIX');
  }

  const prefix = given.replace(/^0\.NA\//i, '');
  if (!isServedPrefix(prefix, servedPrefix)) {
    throw new HandleApiError(
      RESPONSE_CODE.notResponsible,
      `This server serves prefix ${servedPrefix}, not ${prefix}`,
    );
  }
  return prefix;
}

function readWholeNumber(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new HandleApiError(
      RESPONSE_CODE.invalidValue,
      `Query parameter ${name}=${text} is not a whole number`,
    );
  }
  return Number(text);
}
