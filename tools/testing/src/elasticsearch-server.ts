import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stored document: its fields, and optionally the id it is stored under. */
export type ElasticsearchDocument = Record<string, unknown> & { _id?: string };

/**
 * How the index maps string fields. `dynamic` is what Elasticsearch does for an index created
 * without a mapping: a string is `text`, searched by its lower-case words, with an exact
 * `<field>.keyword` sub-field. `keyword` is an index whose strings are mapped as `keyword`:
 * exact under their own name, with no sub-field.
 */
export type StringMapping = 'dynamic' | 'keyword';

/** How to start the test search server. */
export interface ElasticsearchServerOptions {
  /** Documents by index name; an index not named here does not exist. */
  indices?: Record<string, ElasticsearchDocument[]>;
  /** @default 'dynamic' */
  mapping?: StringMapping;
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
type Source = Record<string, unknown>;

const KEYWORD = '.keyword';
// Dynamic mapping indexes no `.keyword` for longer strings (`ignore_above: 256`).
const IGNORE_ABOVE = 256;
// Elasticsearch's `index.max_result_window`.
const MAX_RESULT_WINDOW = 10_000;

/** A request Elasticsearch refuses with HTTP 400, and the error type it names. */
class SearchRefused extends Error {
  constructor(
    readonly type: 'parsing_exception' | 'illegal_argument_exception',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts an HTTP server that answers `POST /<index>/_search` the way Elasticsearch does, for
 * this subset: `match_all`, `term`, `terms` (any of a list), `bool` with `filter`, `must` and
 * `must_not`; `size` (default 10, `from` + `size` at most 10000), `from` and `_source` (a
 * field, a list of fields, or false). Hits come in the order documents were added. Strings
 * follow `mapping`: in a dynamic mapping a `term` on the text field matches one lower-case
 * word and one on `<field>.keyword` the exact string. Anything else (`sort`, `match`, ...) is
 * refused with HTTP 400 and a `parsing_exception`.
 */
export async function startElasticsearchServer(
  options: ElasticsearchServerOptions = {},
): Promise<StartedElasticsearchServer> {
  const mapping = options.mapping ?? 'dynamic';
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
      answerSearch(response, { index, hits, mapping }, body);
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

interface SearchedIndex {
  index: string;
  hits: Hit[];
  mapping: StringMapping;
}

function answerSearch(response: ServerResponse, searched: SearchedIndex, body: unknown): void {
  try {
    answerJson(response, 200, search(searched, body));
  } catch (error) {
    if (!(error instanceof SearchRefused)) throw error;
    answerError(response, 400, error.type, error.message);
  }
}

function search({ index, hits, mapping }: SearchedIndex, body: unknown): unknown {
  if (!isObject(body)) throw new SearchRefused('parsing_exception', 'the body is no object');
  checkKeys(body, ['query', 'size', 'from', '_source']);
  const from = readCount(body.from, 0, 'from');
  const size = readCount(body.size, 10, 'size');
  if (from + size > MAX_RESULT_WINDOW) {
    throw new SearchRefused('illegal_argument_exception', 'Result window is too large');
  }

  const query = body.query ?? { match_all: {} };
  // Elasticsearch refuses a malformed query even when the index holds no document.
  matches({}, query, mapping);
  const matching = hits.filter((hit) => matches(hit._source, query, mapping));
  const page = matching.slice(from, from + size).map((hit) => ({
    _index: index,
    _id: hit._id,
    _score: 0,
    ...(body._source === false ? {} : { _source: selectSource(hit._source, body._source) }),
  }));
  const total = { value: matching.length, relation: 'eq' };
  return { took: 1, timed_out: false, hits: { total, max_score: 0, hits: page } };
}

function matches(source: Source, query: unknown, mapping: StringMapping): boolean {
  if (!isObject(query) || Object.keys(query).length !== 1) {
    throw new SearchRefused('parsing_exception', 'a query names exactly one kind');
  }
  const [kind, clause] = Object.entries(query)[0];
  if (kind === 'match_all') return true;
  if (kind === 'bool') return matchesBool(source, clause, mapping);
  if (kind !== 'term' && kind !== 'terms') {
    throw new SearchRefused('parsing_exception', `unknown query [${kind}]`);
  }

  const [field, wanted] = readFieldClause(kind, clause);
  const indexed = indexedValues(source, field, mapping);
  return wanted.some((value) => indexed.includes(value));
}

function matchesBool(source: Source, clause: unknown, mapping: StringMapping): boolean {
  if (!isObject(clause)) throw new SearchRefused('parsing_exception', '[bool] takes an object');
  checkKeys(clause, ['filter', 'must', 'must_not']);
  const list = (value: unknown) =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];
  const check = (query: unknown) => matches(source, query, mapping);
  // Every clause is evaluated, so a malformed one is refused wherever it stands.
  const required = [...list(clause.filter), ...list(clause.must)].map(check);
  const excluded = list(clause.must_not).map(check);
  return required.every(Boolean) && !excluded.some(Boolean);
}

// `{term: {field: value | {value}}}` or `{terms: {field: [values]}}`; `boost` is accepted.
function readFieldClause(kind: string, clause: unknown): [string, unknown[]] {
  const entries = isObject(clause) ? Object.entries(clause).filter(([key]) => key !== 'boost') : [];
  if (entries.length !== 1) {
    throw new SearchRefused('parsing_exception', `[${kind}] names one field`);
  }

  const [field, given] = entries[0];
  if (kind === 'term') return [field, [isObject(given) ? given.value : given]];
  if (!Array.isArray(given)) {
    throw new SearchRefused('parsing_exception', `[terms] on [${field}] needs a list of values`);
  }
  return [field, given];
}

// What a term query compares with: exact strings of keyword fields (and `.keyword`
// sub-fields), the lower-case words of text fields, numbers and booleans as they are.
function indexedValues(source: Source, field: string, mapping: StringMapping): unknown[] {
  if (mapping === 'dynamic' && field.endsWith(KEYWORD)) {
    const strings = readValues(source, baseField(field)).filter((v) => typeof v === 'string');
    return strings.filter((value) => value.length <= IGNORE_ABOVE);
  }
  const values = readValues(source, field);
  if (mapping === 'keyword') return values;
  return values.flatMap((value) => (typeof value === 'string' ? words(value) : [value]));
}

// A simplified standard analyzer: lower case, split at anything but letters, digits and `_`.
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
}

function baseField(field: string): string {
  return field.endsWith(KEYWORD) ? field.slice(0, -KEYWORD.length) : field;
}

// A dotted path into the document; a list holds one value per entry, as Elasticsearch reads it.
function readValues(source: Source, field: string): unknown[] {
  const value = field
    .split('.')
    .reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), source);
  return [value].flat().filter((entry) => entry !== undefined && entry !== null);
}

function selectSource(source: Source, fields: unknown): Source {
  if (fields === undefined || fields === true) return source;
  const names = [fields].flat();
  return Object.fromEntries(Object.entries(source).filter(([key]) => names.includes(key)));
}

function readCount(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new SearchRefused('parsing_exception', `[${name}] must be a non-negative integer`);
  }
  return value as number;
}

function checkKeys(object: Source, allowed: string[]): void {
  const unknown = Object.keys(object).find((key) => !allowed.includes(key));
  if (unknown) throw new SearchRefused('parsing_exception', `unknown key [${unknown}]`);
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
