import got, { RequestError, TimeoutError, type Got, type Response } from 'got';

import { StacApiError } from '../errors.js';

/** One HTTP request to the STAC API. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  body?: unknown;
}

/** An answer that is no transient failure: 2xx, or a 4xx other than 408 and 429. */
export interface HttpAnswer {
  status: number;
  text: string;
}

// Statuses that say "not now" rather than "not this": worth a retry.
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** A got instance for JSON requests with one timeout, no retries of its own, no status throws. */
export function createHttpClient(timeoutMs: number, userAgent: string): Got {
  return got.extend({
    timeout: { request: timeoutMs },
    retry: { limit: 0 },
    throwHttpErrors: false,
    responseType: 'text',
    headers: { accept: 'application/geo+json, application/json', 'user-agent': userAgent },
  });
}

/** Sends one request; transport failures and transient statuses become retriable errors. */
export async function sendRequest(http: Got, request: HttpRequest): Promise<HttpAnswer> {
  let response: Response<string>;
  try {
    response = await http(request.url, { method: request.method, json: request.body });
  } catch (error) {
    throw describeTransportError(error, request);
  }

  if (TRANSIENT_STATUSES.has(response.statusCode) || response.statusCode >= 500) {
    throw new StacApiError(
      'STAC_UNAVAILABLE',
      `${describeRequest(request)} answered HTTP ${response.statusCode}`,
      {
        retriable: true,
        url: showUrl(request.url),
        status: response.statusCode,
        retryAfterMs: readRetryAfter(response.headers['retry-after']),
      },
    );
  }
  return { status: response.statusCode, text: response.body };
}

function describeTransportError(error: unknown, request: HttpRequest): StacApiError {
  const url = showUrl(request.url);
  if (error instanceof TimeoutError) {
    return new StacApiError('STAC_TIMEOUT', `${describeRequest(request)} timed out`, {
      retriable: true,
      url,
      cause: error,
    });
  }

  const reason = error instanceof RequestError ? `${error.code}: ${error.message}` : String(error);
  return new StacApiError('STAC_UNAVAILABLE', `${describeRequest(request)} failed (${reason})`, {
    retriable: true,
    url,
    cause: error,
  });
}

/** `GET https://host/path`, without credentials or query, for messages and logs. */
export function describeRequest(request: HttpRequest): string {
  return `${request.method} ${showUrl(request.url)}`;
}

/** The URL without user, password and query, which may hold secrets. */
export function showUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function readRetryAfter(header: string | undefined): number | undefined {
  const seconds = Number(header);
  return header !== undefined && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : undefined;
}
