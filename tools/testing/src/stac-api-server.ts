import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A STAC item as the test server stores it: only `id` and `properties` are read. */
export type StacApiItem = Record<string, unknown> & {
  id: string;
  collection?: string;
  properties?: Record<string, unknown>;
};

/** How to start the test STAC API. */
export interface StacApiServerOptions {
  /** Items to serve, stored under their own `collection` member (`CMIP6` when absent). */
  items?: StacApiItem[];
  /** Answers this many requests, of any kind, with HTTP 503 before serving normally. */
  failNextRequests?: number;
  /** Waits this long before every answer, e.g. to make a client time out. */
  responseDelayMs?: number;
}

/** A running test STAC API on loopback. */
export interface StartedStacApiServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request as `METHOD /path`, in arrival order, failed ones included. */
  requests: string[];
  /** The bodies of every `POST /search`, in arrival order. */
  searches: unknown[];
  /** Stores (or replaces) an item under `collectionId`. */
  addItem(collectionId: string, item: StacApiItem): void;
  /** Answers the next `count` requests with this HTTP status (e.g. 503, 429, 500). */
  failNext(status: number, count?: number): void;
  /** Changes the delay before every answer. */
  setResponseDelay(ms: number): void;
  /** Stops the server, dropping open connections. */
  close(): Promise<void>;
}

interface StoredItem {
  collectionId: string;
  item: StacApiItem;
}

const DEFAULT_COLLECTION = 'CMIP6';
const DEFAULT_LIMIT = 10;
const CONFORMANCE = [
  'https://api.stacspec.org/v1.0.0/core',
  'https://api.stacspec.org/v1.0.0/item-search',
  'https://api.stacspec.org/v1.0.0/ogcapi-features',
  'https://api.stacspec.org/v1.0.0-rc.1/item-search#query',
  'https://api.stacspec.org/v1.0.0-rc.2/item-search#filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-json',
];

/**
 * Starts an HTTP server that plays a STAC API for tests:
 *
 * - `GET /` answers a landing page, `GET /conformance` the conformance classes;
 * - `GET /collections/{collectionId}/items/{itemId}` answers the item or 404;
 * - `POST /search` filters by `collections`, `ids`, the `query` extension with `eq` only, and a
 *   cql2-json `filter` of `and` and `=` over `{"property": name}`; a name is `id`,
 *   `collection` or a member of `properties`. Results come in the order items were added,
 *   `limit` (default 10) per page, with a `next` link (POST, full body plus a `token`) while
 *   more remain. Anything else in a search is answered with 400.
 */
export async function startStacApiServer(
  options: StacApiServerOptions = {},
): Promise<StartedStacApiServer> {
  const state: ServerState = {
    url: '',
    items: new Map(),
    searches: [],
    failures: Array<number>(options.failNextRequests ?? 0).fill(503),
    delayMs: options.responseDelayMs ?? 0,
    timers: new Set(),
  };
  const addItem = (collectionId: string, item: StacApiItem) => storeItem(state, collectionId, item);
  for (const item of options.items ?? []) addItem(item.collection ?? DEFAULT_COLLECTION, item);
  const requests: string[] = [];

  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const path = (request.url ?? '/').split('?')[0];
      requests.push(`${request.method} ${path}`);
      answerLater(state, () =>
        answer(state, { method: request.method ?? 'GET', path, text }, response),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: state.url,
    requests,
    searches: state.searches,
    addItem,
    failNext: (status, count = 1) => state.failures.push(...Array<number>(count).fill(status)),
    setResponseDelay: (ms) => {
      state.delayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        state.timers.forEach((timer) => clearTimeout(timer));
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface ServerState {
  url: string;
  items: Map<string, StoredItem>;
  searches: unknown[];
  failures: number[];
  delayMs: number;
  timers: Set<NodeJS.Timeout>;
}

interface ReceivedRequest {
  method: string;
  path: string;
  text: string;
}

function storeItem(state: ServerState, collectionId: string, item: StacApiItem): void {
  state.items.set(itemKey(collectionId, item.id), { collectionId, item: structuredClone(item) });
}

function itemKey(collectionId: string, itemId: string): string {
  return `${collectionId}\u0000${itemId}`;
}

function answerLater(state: ServerState, run: () => void): void {
  if (state.delayMs === 0) return run();

  const timer = setTimeout(() => {
    state.timers.delete(timer);
    run();
  }, state.delayMs);
  state.timers.add(timer);
}

function answer(state: ServerState, request: ReceivedRequest, response: ServerResponse): void {
  const failure = state.failures.shift();
  if (failure !== undefined) return answerError(response, failure, 'injected failure');

  const { method, path } = request;
  const itemPath = /^\/collections\/([^/]+)\/items\/([^/]+)$/.exec(path);
  if (method === 'GET' && path === '/') return answerJson(response, 200, landingPage(state.url));
  if (method === 'GET' && path === '/conformance') {
    return answerJson(response, 200, { conformsTo: CONFORMANCE });
  }
  if (method === 'GET' && itemPath) {
    const [collectionId, itemId] = itemPath.slice(1).map(decodeURIComponent);
    return answerItem(state.items.get(itemKey(collectionId, itemId)), itemId, response);
  }
  if (method === 'POST' && path === '/search') return answerSearch(state, request.text, response);
  answerError(response, 404, `no route for ${method} ${path}`);
}

function answerItem(stored: StoredItem | undefined, itemId: string, response: ServerResponse) {
  if (!stored) return answerError(response, 404, `no item ${itemId} in this collection`);
  answerJson(response, 200, stored.item);
}

function answerSearch(state: ServerState, text: string, response: ServerResponse): void {
  const body = parseJson(text);
  state.searches.push(body);
  if (!isObject(body)) return answerError(response, 400, 'the search body must be a JSON object');
  const limit = body.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    return answerError(response, 400, 'limit must be a positive integer');
  }

  let matching: StoredItem[];
  try {
    matching = [...state.items.values()].filter((stored) => matchesSearch(stored, body));
  } catch (error) {
    return answerError(response, 400, (error as Error).message);
  }

  const offset = readToken(body.token);
  const page = matching.slice(offset, offset + limit);
  const nextOffset = offset + page.length;
  const next = { rel: 'next', href: `${state.url}/search`, method: 'POST' };
  answerJson(response, 200, {
    type: 'FeatureCollection',
    features: page.map((stored) => stored.item),
    numberMatched: matching.length,
    numberReturned: page.length,
    links:
      nextOffset < matching.length
        ? [{ ...next, body: { ...body, token: `next:${nextOffset}` } }]
        : [],
  });
}

function landingPage(url: string): Record<string, unknown> {
  return {
    type: 'Catalog',
    id: 'piddi-test-stac-api',
    stac_version: '1.0.0',
    description: 'A STAC API for tests',
    conformsTo: CONFORMANCE,
    links: [
      { rel: 'self', href: url },
      { rel: 'conformance', href: `${url}/conformance` },
      { rel: 'search', href: `${url}/search`, method: 'POST' },
    ],
  };
}

function matchesSearch(stored: StoredItem, body: Record<string, unknown>): boolean {
  const collections = readStringList(body.collections, 'collections');
  const ids = readStringList(body.ids, 'ids');
  if (collections && !collections.includes(stored.collectionId)) return false;
  if (ids && !ids.includes(stored.item.id)) return false;

  return matchesQuery(stored, body.query) && matchesFilter(stored, body.filter);
}

function matchesQuery(stored: StoredItem, query: unknown): boolean {
  if (query === undefined) return true;
  if (!isObject(query)) throw new Error('query must be an object');

  return Object.entries(query).every(([name, condition]) => {
    if (!isObject(condition) || Object.keys(condition).some((operator) => operator !== 'eq')) {
      throw new Error(`query on ${name}: only the eq operator is supported`);
    }
    return readProperty(stored, name) === condition.eq;
  });
}

function matchesFilter(stored: StoredItem, filter: unknown): boolean {
  if (filter === undefined) return true;
  if (!isObject(filter) || !Array.isArray(filter.args)) {
    throw new Error('filter must be cql2-json: {"op": ..., "args": [...]}');
  }

  if (filter.op === 'and') return filter.args.every((part) => matchesFilter(stored, part));
  if (filter.op !== '=') throw new Error(`filter op ${String(filter.op)} is not supported`);
  const [left, right] = filter.args;
  if (!isObject(left) || typeof left.property !== 'string') {
    throw new Error('filter =: the first argument must be {"property": name}');
  }
  return readProperty(stored, left.property) === right;
}

function readProperty(stored: StoredItem, name: string): unknown {
  if (name === 'id') return stored.item.id;
  if (name === 'collection') return stored.collectionId;
  const member = name.startsWith('properties.') ? name.slice('properties.'.length) : name;
  return stored.item.properties?.[member];
}

function readStringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    throw new Error(`${name} must be a list of strings`);
  }
  return value;
}

function readToken(token: unknown): number {
  const match = typeof token === 'string' ? /^next:(\d+)$/.exec(token) : null;
  return match ? Number(match[1]) : 0;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function answerJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function answerError(response: ServerResponse, status: number, description: string): void {
  answerJson(response, status, { code: status === 404 ? 'NotFoundError' : 'Error', description });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
