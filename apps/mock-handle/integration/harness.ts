import { afterEach, beforeEach } from '@jest/globals';
import {
  startMockHandleServer,
  type MockHandleServerOptions,
  type StartedMockHandleServer,
} from '@piddi/mock-handle';

export const USERNAME = '300:21.TEST/testuser';
export const PASSWORD = 'testpass';

/** Basic credentials the way clients send them: the user name percent-encoded. */
export const AUTH = basicAuth(encodeURIComponent(USERNAME), PASSWORD);

/** Builds a Basic Authorization header from a user name and password, as given. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** An answer of the server: status, headers and the body parsed as JSON when it is JSON. */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
  text: string;
}

/**
 * What a test may send. `auth: null` sends no Authorization header; `contentType: null` sets
 * none, so fetch sends its own (`text/plain` for a text body).
 */
export interface SendOptions {
  body?: unknown;
  rawBody?: string;
  auth?: string | null;
  /** @default 'application/json' */
  contentType?: string | null;
}

/** Sends one request to a server; authenticated unless `auth: null`. */
export async function send(
  server: StartedMockHandleServer,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  const auth = options.auth === undefined ? AUTH : options.auth;
  if (auth !== null) headers.Authorization = auth;
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));

  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: parseJson(text), text };
}

/** Creates a handle with a URL value at 1 and any further values. */
export async function createHandle(
  server: StartedMockHandleServer,
  handle: string,
  values: unknown[] = [],
): Promise<ApiAnswer> {
  const url = { index: 1, type: 'URL', data: { format: 'string', value: 'https://example.org/a' } };
  return send(server, 'PUT', `/api/handles/${handle}`, { body: { values: [url, ...values] } });
}

/**
 * Starts a fresh server before each test of the enclosing describe and stops it after; the
 * returned function gives the running server.
 */
export function useServer(options: MockHandleServerOptions = {}): () => StartedMockHandleServer {
  let server: StartedMockHandleServer | undefined;
  beforeEach(async () => {
    server = await startMockHandleServer(options);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return () => {
    if (!server) throw new Error('The server runs only inside a test');
    return server;
  };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
