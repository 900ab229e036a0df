import type { Got } from 'got';

import { StacApiError } from '../errors.js';
import { SILENT_LOGGER, type StacLogger } from '../logger.js';
import type { StacItem } from '../types.js';
import {
  createHttpClient,
  describeRequest,
  sendRequest,
  showUrl,
  type HttpAnswer,
  type HttpRequest,
} from './http-transport.js';
import { retryTransient, type RetryPolicy } from './retry.js';
import { badResponse, isItemShaped, readSearchPage } from './search-pages.js';

/** How to reach a STAC API. */
export interface StacApiClientOptions {
  /** Root of the API, e.g. `https://api.stac.esgf-west.org`; a path prefix is kept. */
  baseUrl: string;
  /**
   * Time for one request, connect to last byte.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Retries after a transient failure (network, timeout, HTTP 408, 429, 5xx).
   * @default 3
   */
  retries?: number;
  /**
   * Delay before the first retry; doubled for each further one, with jitter.
   * @default 500
   */
  retryDelayMs?: number;
  /**
   * Upper bound of one delay between retries, also for a server's `Retry-After`.
   * @default 10000
   */
  maxRetryDelayMs?: number;
  /**
   * Most pages one search may follow; more is an error rather than a silently cut result.
   * @default 50
   */
  maxPages?: number;
  /** Receives one debug line per request and a warning per retry. */
  logger?: StacLogger;
}

/** A STAC API search body: `collections`, `ids`, `limit`, `query` or a cql2-json `filter`. */
export interface StacSearchRequest {
  collections?: string[];
  ids?: string[];
  limit?: number;
  query?: Record<string, Record<string, unknown>>;
  filter?: Record<string, unknown>;
  'filter-lang'?: string;
  [member: string]: unknown;
}

/** Reads items from a STAC API over HTTP, retrying transient failures. */
export class StacApiClient {
  readonly baseUrl: URL;
  readonly maxPages: number;
  readonly #http: Got;
  readonly #retry: RetryPolicy;
  readonly #logger: StacLogger;

  constructor(options: StacApiClientOptions) {
    this.baseUrl = parseBaseUrl(options.baseUrl);
    this.maxPages = readCount(options.maxPages, 50, 'maxPages', 1);
    this.#retry = {
      retries: readCount(options.retries, 3, 'retries', 0),
      baseDelayMs: readCount(options.retryDelayMs, 500, 'retryDelayMs', 0),
      maxDelayMs: readCount(options.maxRetryDelayMs, 10_000, 'maxRetryDelayMs', 0),
    };
    const timeoutMs = readCount(options.timeoutMs, 10_000, 'timeoutMs', 1);
    this.#http = createHttpClient(timeoutMs, 'piddi-stac-model');
    this.#logger = options.logger ?? SILENT_LOGGER;
  }

  /**
   * The item `itemId` of collection `collectionId`, or undefined when the API answers 404.
   * Throws a {@link StacApiError}: retriable after transient failures, permanent otherwise.
   */
  async getItem(collectionId: string, itemId: string): Promise<StacItem | undefined> {
    const path = `collections/${encodeURIComponent(collectionId)}/items/${encodeURIComponent(itemId)}`;
    const request: HttpRequest = { method: 'GET', url: this.#resolve(path) };

    const answer = await this.#send(request);
    if (answer.status === 404) return undefined;

    const item = readJson(this.#checkStatus(answer, request), request);
    if (!isItemShaped(item) || item.id !== itemId) {
      throw badResponse(request, `the answer is no STAC item with id ${itemId}`);
    }
    return item;
  }

  /**
   * Every item matching `request` (`POST {base}/search`), following `next` links page by page.
   * More than `maxPages` pages is a permanent `STAC_TOO_MANY_PAGES` error.
   */
  async search(request: StacSearchRequest): Promise<StacItem[]> {
    const items: StacItem[] = [];
    let next: HttpRequest | undefined = {
      method: 'POST',
      url: this.#resolve('search'),
      body: request,
    };

    for (let page = 1; next; page += 1) {
      if (page > this.maxPages) throw tooManyPages(next, this.maxPages);
      const current: HttpRequest = next;
      const answer = this.#checkStatus(await this.#send(current), current);
      const result = readSearchPage(readJson(answer, current), current);
      items.push(...result.items);
      next = result.next;
    }
    return items;
  }

  /** Resolves when the API answers its landing page; throws a {@link StacApiError} otherwise. */
  async checkHealth(): Promise<void> {
    const request: HttpRequest = { method: 'GET', url: this.baseUrl };

    readJson(this.#checkStatus(await this.#send(request), request), request);
  }

  #resolve(path: string): URL {
    return new URL(path, this.baseUrl);
  }

  async #send(request: HttpRequest): Promise<HttpAnswer> {
    const started = Date.now();
    const answer = await retryTransient(
      () => sendRequest(this.#http, request),
      this.#retry,
      (error, retry, delayMs) =>
        this.#logger.warn('STAC API request failed; retrying', {
          request: describeRequest(request),
          code: error.code,
          status: error.status,
          retry,
          delayMs,
        }),
    );
    this.#logger.debug('STAC API request', {
      request: describeRequest(request),
      status: answer.status,
      ms: Date.now() - started,
    });
    return answer;
  }

  #checkStatus(answer: HttpAnswer, request: HttpRequest): HttpAnswer {
    if (answer.status >= 200 && answer.status < 300) return answer;

    throw new StacApiError(
      'STAC_REQUEST_REJECTED',
      `${describeRequest(request)} was refused with HTTP ${answer.status}: ` +
        `${answer.text.slice(0, 200)}. Check stac.base_url and the search.`,
      { url: showUrl(request.url), status: answer.status, retriable: false },
    );
  }
}

function readJson(answer: HttpAnswer, request: HttpRequest): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    throw badResponse(request, 'the answer is not JSON');
  }
}

function tooManyPages(request: HttpRequest, maxPages: number): StacApiError {
  return new StacApiError(
    'STAC_TOO_MANY_PAGES',
    `The search at ${showUrl(request.url)} has more than ${maxPages} pages; ` +
      'narrow it, raise its limit, or raise maxPages.',
    { url: showUrl(request.url), retriable: false },
  );
}

// A trailing slash makes relative paths extend the base path instead of replacing its last
// segment, so https://host/stac keeps its /stac.
function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw invalidOption('baseUrl is no absolute URL (e.g. https://stac.example.org)', cause);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidOption(`baseUrl must be http or https, got ${url.protocol}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

function readCount(value: number | undefined, fallback: number, name: string, min: number): number {
  const count = value ?? fallback;
  if (!Number.isInteger(count) || count < min) {
    throw invalidOption(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return count;
}

function invalidOption(reason: string, cause?: unknown): StacApiError {
  return new StacApiError('INVALID_OPTIONS', `Invalid STAC API client options: ${reason}`, {
    cause,
  });
}
