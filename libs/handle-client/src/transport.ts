import http from 'node:http';
import https from 'node:https';

import got, { type Got } from 'got';

import { buildAuthorizationHeader, createRedactor, type HandleAuth } from './auth.js';
import { ConcurrencyLimiter } from './concurrency.js';
import {
  errorFromRequestFailure,
  type HandleAnswer,
  type Redact,
  type RequestSubject,
} from './error-mapping.js';
import type { HandleLogger } from './logger.js';

/** Everything the transport needs, with defaults already applied. */
export interface TransportSettings {
  baseUrl: URL;
  auth?: HandleAuth;
  ca?: string | Buffer | Array<string | Buffer>;
  rejectUnauthorized: boolean;
  timeoutMs: number;
  maxConcurrency: number;
  logger: HandleLogger;
}

/** One HTTP request to the Handle REST API. */
export interface HandleRequest {
  method: 'GET' | 'PUT' | 'DELETE';
  /** Path below the base URL, e.g. `api/handles/21.TEST/abc`. */
  path: string;
  searchParams?: URLSearchParams;
  body?: unknown;
  subject: RequestSubject;
}

/**
 * Sends single requests over kept-alive connections, at most `maxConcurrency` at once, and
 * returns every HTTP answer; only failures below HTTP become errors here.
 */
export class HandleTransport {
  /** Removes the credentials from text before it goes into an error. */
  readonly redact: Redact;
  readonly #settings: TransportSettings;
  readonly #limiter: ConcurrencyLimiter;
  readonly #agents: { http: http.Agent; https: https.Agent };
  readonly #got: Got;
  readonly #authorization?: string;

  constructor(settings: TransportSettings) {
    this.#settings = settings;
    this.#limiter = new ConcurrencyLimiter(settings.maxConcurrency);
    this.#agents = createAgents(settings);
    this.#got = got.extend({
      agent: this.#agents,
      timeout: { request: settings.timeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
      headers: { accept: 'application/json', 'user-agent': 'piddi-handle-client' },
    });
    this.#authorization = settings.auth ? buildAuthorizationHeader(settings.auth) : undefined;
    this.redact = createRedactor(settings.auth);
  }

  /** Sends one request and returns the server's answer, whatever its status. */
  send(request: HandleRequest): Promise<HandleAnswer> {
    return this.#limiter.run(() => this.#sendNow(request));
  }

  /** Fails queued requests and closes every kept-alive connection. */
  close(error: Error): void {
    this.#limiter.close(error);
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async #sendNow(request: HandleRequest): Promise<HandleAnswer> {
    const url = new URL(request.path, this.#settings.baseUrl);
    const started = Date.now();
    const headers = this.#authorization ? { authorization: this.#authorization } : {};

    try {
      const response = await this.#got(url, {
        method: request.method,
        searchParams: request.searchParams?.size ? request.searchParams : undefined,
        json: request.body,
        headers,
      });
      this.#settings.logger.debug('handle request answered', {
        method: request.method,
        handle: request.subject.handle,
        status: response.statusCode,
        durationMs: Date.now() - started,
      });
      return toAnswer(response.statusCode, response.body, response.headers['retry-after']);
    } catch (failure) {
      throw errorFromRequestFailure(failure, request.subject, this.redact);
    }
  }
}

function createAgents(settings: TransportSettings): { http: http.Agent; https: https.Agent } {
  const clientCert = settings.auth && 'clientCert' in settings.auth ? settings.auth.clientCert : {};
  const pool = { keepAlive: true, maxSockets: settings.maxConcurrency };

  return {
    http: new http.Agent(pool),
    https: new https.Agent({
      ...pool,
      ...clientCert,
      ca: settings.ca,
      rejectUnauthorized: settings.rejectUnauthorized,
    }),
  };
}

function toAnswer(status: number, text: string, retryAfter: string | undefined): HandleAnswer {
  return { status, body: parseBody(text), retryAfterMs: parseRetryAfter(retryAfter) };
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function parseRetryAfter(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
