import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stored document: its fields, and optionally the id it is stored under. */
export type ElasticsearchDocument = Record<string, unknown> & { _id?: string };

/** How to start the test search server. */
export interface ElasticsearchServerOptions {
  /** Documents by index name; an index not named here does not exist. */
  indices?: Record<string, ElasticsearchDocument[]>;
  /** When set with `password`, every request needs this Basic-auth user. */
  username?: string;
  password?: string;
}

/** One `_search` request as the server received it. */
export interface RecordedSearch {
  index: string;
  body: unknown;
  /** Whether the request carried the configured credentials (the header is not kept). */
  authenticated: boolean;
}

/** A running test search server on loopback. */
export interface StartedElasticsearchServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every `_search` request, in arrival order. */
  requests: RecordedSearch[];
  /** Stores a document; creates the index when it does not exist. */
  addDocument(index: string, document: ElasticsearchDocument): void;
  /** Answers the next `count` searches with this HTTP status and an error body. */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

type Hit = { _id: string; _source: Record<string, unknown> };

/**
 * Starts an HTTP server that answers `POST /<index>/_search` the way Elasticsearch does, for
 * the query subset Piddi uses: `match_all`, `term`, `match` (lower-case words, all required),
 * `bool` with `filter`, `must` and `must_not`, `sort` by field, `size`, `from` and `_source`
 * as a field list. Every field behaves as a keyword for `term` and `sort`; `<field>.keyword`
 * reads `<field>`. Anything else is answered with HTTP 400, as a parsing error.
 */
export async function startElasticsearchServer(
  options: ElasticsearchServerOptions = {},
): Promise<StartedElasticsearchServer> {
  const indices = new Map<string, Hit[]>();
  const requests: RecordedSearch[] = [];
  const failures: number[] = [];
  const addDocument = (index: string, document: ElasticsearchDocument) => {
    const hits = indices.get(index) ?? [];
    const { _id, ...source } = document;
    hits.push({ _id: _id ?? String(hits.length + 1), _source: source });
    indices.set(index, hits);
  };
  for (const [index, documents] of Object.entries(options.indices ?? {})) {
    indices.set(index, []);
    documents.forEach((document) => addDocument(index, document));
  }

  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const match = /^\/([^/]+)\/_search$/.exec(request.url?.split('?')[0] ?? '');
      if (request.method !== 'POST' || !match) return answerError(response, 404, 'no_handler');
      const index = decodeURIComponent(match[1]);
      const authenticated = isAuthenticated(request, options);
      const body = parseJson(text);
      requests.push({ index, body, authenticated });

      const failure = failures.shift();
      if (failure !== undefined) return answerError(response, failure, 'injected_failure');
      if (!authenticated) return answerError(response, 401, 'security_exception');
      const hits = indices.get(index);
      if (!hits) return answerError(response, 404, 'index_not_found_exception', index);
      answerSearch(response, index, hits, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addDocument,
    failNext: (status, count = 1) => failures.push(...Array<number>(count).fill(status)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function answerSearch(response: ServerResponse, index: string, hits: Hit[], body: unknown): void {
  if (!isObject(body)) return answerError(response, 400, 'parsing_exception', 'body is no object');
  const search = body;
  let matching: Hit[];
  try {
    checkKeys(search, ['query', 'sort', 'size', 'from', '_source']);
    matching = hits.filter((hit) => matches(hit._source, search.query ?? { match_all: {} }));
    matching = sortHits(matching, search.sort);
  } catch (error) {
    return answerError(response, 400, 'parsing_exception', (error as Error).message);
  }

  const from = Number(search.from ?? 0);
  const page = matching.slice(from, from + Number(search.size ?? 10));
  answerJson(response, 200, {
    took: 1,
    timed_out: false,
    hits: {
      total: { value: matching.length, relation: 'eq' },
      max_score: null,
      hits: page.map((hit) => ({
        _index: index,
        _id: hit._id,
        _score: null,
        _source: selectSource(hit._source, search._source),
        ...(search.sort
          ? { sort: sortFields(search.sort).map(([field]) => read(hit._source, field)) }
          : {}),
      })),
    },
  });
}

function matches(source: Record<string, unknown>, query: unknown): boolean {
  if (!isObject(query) || Object.keys(query).length !== 1) throw new Error('a query has one key');
  const [kind, clause] = Object.entries(query)[0];
  if (kind === 'match_all') return true;
  if (kind === 'bool') return matchesBool(source, clause);
  if (kind !== 'term' && kind !== 'match') throw new Error(`unsupported query [${kind}]`);
  if (!isObject(clause) || Object.keys(clause).length !== 1)
    throw new Error(`[${kind}] names one field`);

  const [field, expected] = Object.entries(clause)[0];
  const wanted = isObject(expected) ? (expected.value ?? expected.query) : expected;
  const actual = read(source, field);
  return kind === 'term' ? actual === wanted : wordsMatch(actual, wanted);
}

function matchesBool(source: Record<string, unknown>, clause: unknown): boolean {
  if (!isObject(clause)) throw new Error('[bool] takes an object');
  checkKeys(clause, ['filter', 'must', 'must_not']);
  const list = (value: unknown) =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];
  return (
    [...list(clause.filter), ...list(clause.must)].every((query) => matches(source, query)) &&
    !list(clause.must_not).some((query) => matches(source, query))
  );
}

function wordsMatch(actual: unknown, wanted: unknown): boolean {
  const words = (value: unknown) =>
    String(value ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const present = new Set(words(actual));
  return typeof actual === 'string' && words(wanted).every((word) => present.has(word));
}

function sortHits(hits: Hit[], sort: unknown): Hit[] {
  const fields = sortFields(sort);
  return [...hits].sort((left, right) => {
    for (const [field, order] of fields) {
      const difference = compare(read(left._source, field), read(right._source, field));
      if (difference !== 0) return order === 'desc' ? -difference : difference;
    }
    return 0;
  });
}

function sortFields(sort: unknown): [string, string][] {
  if (sort === undefined) return [];
  return (Array.isArray(sort) ? sort : [sort]).map((entry) => {
    if (typeof entry === 'string') return [entry, 'asc'];
    if (!isObject(entry) || Object.keys(entry).length !== 1)
      throw new Error('a sort entry names one field');
    const [field, spec] = Object.entries(entry)[0];
    const order = isObject(spec) ? spec.order : spec;
    if (order !== 'asc' && order !== 'desc')
      throw new Error(`unsupported sort order [${String(order)}]`);
    return [field, order];
  });
}

// Documents missing the field sort last, as Elasticsearch does by default.
function compare(left: unknown, right: unknown): number {
  if (left === undefined || right === undefined)
    return left === right ? 0 : left === undefined ? 1 : -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}

function read(source: Record<string, unknown>, field: string): unknown {
  const path = field.endsWith('.keyword') ? field.slice(0, -'.keyword'.length) : field;
  return path
    .split('.')
    .reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), source);
}

function selectSource(source: Record<string, unknown>, fields: unknown): Record<string, unknown> {
  if (!Array.isArray(fields)) return source;
  return Object.fromEntries(Object.entries(source).filter(([key]) => fields.includes(key)));
}

function checkKeys(object: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(object).find((key) => !allowed.includes(key));
  if (unknown) throw new Error(`unsupported key [${unknown}]`);
}

function isAuthenticated(request: IncomingMessage, options: ElasticsearchServerOptions): boolean {
  if (options.username === undefined) return true;
  const expected = Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64');
  return request.headers.authorization === `Basic ${expected}`;
}

function answerError(response: ServerResponse, status: number, type: string, detail = ''): void {
  const reason =
    type === 'index_not_found_exception' ? `no such index [${detail}]` : detail || type;
  answerJson(response, status, { error: { type, reason }, status });
}

function answerJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
