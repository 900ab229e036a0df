import type { Answer } from './answers.js';
import { HandleApiError, RESPONSE_CODE } from './response-codes.js';
import { showHandle, showHandleList } from './routes/browse.js';
import { deleteHandle } from './routes/delete-handle.js';
import { listHandles } from './routes/list-handles.js';
import { putHandle } from './routes/put-handle.js';
import { resolveHandle } from './routes/resolve-handle.js';
import type { ApiRequest, RouteContext } from './routes/route-context.js';

/** A request before routing: method, path, query, credentials and body. */
export interface IncomingApiRequest {
  method: string;
  url: URL;
  authorization: string | undefined;
  body: string;
}

type HandleRoute = (request: ApiRequest, context: RouteContext) => Answer;

const HANDLE_ROUTES: Record<string, HandleRoute> = {
  GET: resolveHandle,
  PUT: putHandle,
  DELETE: deleteHandle,
};

const HANDLES_PATH = '/api/handles';

/** Picks the route for a request and runs it; refusals are thrown as HandleApiError. */
export function routeRequest(incoming: IncomingApiRequest, context: RouteContext): Answer {
  const path = incoming.url.pathname;
  const request = toApiRequest(incoming, '');

  if (path === HANDLES_PATH || path === `${HANDLES_PATH}/`) {
    assertMethod(incoming.method, ['GET']);
    return listHandles(request, context);
  }
  if (path.startsWith(`${HANDLES_PATH}/`)) {
    const route = HANDLE_ROUTES[incoming.method];
    assertMethod(incoming.method, Object.keys(HANDLE_ROUTES));
    return route({ ...request, handle: decodePath(path.slice(HANDLES_PATH.length + 1)) }, context);
  }
  if (path.startsWith('/api/')) {
    throw new HandleApiError(RESPONSE_CODE.serverError, `No endpoint ${path} on this server`, {
      status: 404,
    });
  }

  assertMethod(incoming.method, ['GET']);
  if (path === '/') return showHandleList(context);
  return showHandle(decodePath(path.slice(1)), incoming.url.searchParams, context);
}

function toApiRequest(incoming: IncomingApiRequest, handle: string): ApiRequest {
  return {
    method: incoming.method,
    handle,
    query: incoming.url.searchParams,
    authorization: incoming.authorization,
    body: incoming.body,
  };
}

function assertMethod(method: string, allowed: string[]): void {
  if (allowed.includes(method)) return;

  throw new HandleApiError(
    RESPONSE_CODE.serverError,
    `Method ${method} is not allowed here; use ${allowed.join(', ')}`,
    { status: 405 },
  );
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new HandleApiError(RESPONSE_CODE.invalidHandle, `Invalid percent-encoding in ${path}`);
  }
}
