import { answerCredentialsRefused, type Answer } from './answers.js';
import { type Caller, identifyCaller } from './auth.js';
import { HandleApiError, protocolError, RESPONSE_CODE } from './response-codes.js';
import { showHandle, showHandleList } from './routes/browse.js';
import { deleteHandle } from './routes/delete-handle.js';
import { listHandles } from './routes/list-handles.js';
import { putHandle } from './routes/put-handle.js';
import { resolveHandle } from './routes/resolve-handle.js';
import type { ApiRequest, RouteContext } from './routes/route-context.js';

/** A request before routing: method, path, query, headers that matter and body. */
export interface IncomingApiRequest {
  method: string;
  url: URL;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

type HandleRoute = (request: ApiRequest, context: RouteContext) => Answer;

// Real servers resolve a handle on POST and HEAD as on GET.
const HANDLE_ROUTES: Record<string, HandleRoute> = {
  GET: resolveHandle,
  HEAD: resolveHandle,
  POST: resolveHandle,
  PUT: putHandle,
  DELETE: deleteHandle,
};
const ALLOWED_METHODS = [...Object.keys(HANDLE_ROUTES), 'OPTIONS'].join(', ');

const HANDLES_PATH = '/api/handles';

/** Picks the route for a request and runs it; refusals are thrown as HandleApiError. */
export function routeRequest(incoming: IncomingApiRequest, context: RouteContext): Answer {
  const path = incoming.url.pathname;
  if (path !== '/api' && !path.startsWith('/api/')) return routeBrowsing(incoming, context);

  const { user, password } = context.settings;
  const caller = identifyCaller(incoming.authorization, user, password);
  if (caller === undefined) return answerCredentialsRefused();
  if (incoming.method === 'OPTIONS') {
    return { status: 200, headers: { Allow: ALLOWED_METHODS }, body: '' };
  }
  const route = HANDLE_ROUTES[incoming.method];
  if (!route) throw protocolError(`Unknown method ${incoming.method}`, 501);

  if (path === HANDLES_PATH || path === `${HANDLES_PATH}/`) {
    const request = toApiRequest(incoming, caller, '');
    const listing = route === resolveHandle && request.query.has('prefix');
    return listing ? listHandles(request, context) : route(request, context);
  }
  if (path.startsWith(`${HANDLES_PATH}/`)) {
    const handle = decodePath(path.slice(HANDLES_PATH.length + 1));
    return route(toApiRequest(incoming, caller, handle), context);
  }
  throw protocolError(`Unknown HTTP API endpoint ${incoming.method} ${path}`, 404);
}

function toApiRequest(incoming: IncomingApiRequest, caller: Caller, handle: string): ApiRequest {
  const { method, url, contentType, body } = incoming;
  return { method, handle, query: url.searchParams, caller, contentType, body };
}

function routeBrowsing(incoming: IncomingApiRequest, context: RouteContext): Answer {
  const path = incoming.url.pathname;
  if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
    throw new HandleApiError(RESPONSE_CODE.serverError, `Pages are read with GET only`, {
      status: 405,
    });
  }

  if (path === '/') return showHandleList(context);
  return showHandle(decodePath(path.slice(1)), incoming.url.searchParams, context);
}

// A name that is not valid percent-encoding is taken as written, as a lookup that finds nothing.
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
