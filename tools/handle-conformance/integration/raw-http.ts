import type { IncomingHttpHeaders } from 'node:http';
import http from 'node:http';
import https from 'node:https';

import type { ServerUnderTest } from './servers.js';

/** Who a raw request claims to be. */
export type Credentials =
  /** The server's admin, user name percent-encoded as clients do. */
  | 'admin'
  | 'none'
  /** `user:password` exactly as it goes into the Basic token. */
  | { basic: string };

/** One request written by hand, to see the server's answer without any client in between. */
export interface RawRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Below the server's root, e.g. `/api/handles/21.T9999/abc?index=1`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  rawBody?: string;
  /** @default 'application/json' when there is a body; null sends none */
  contentType?: string | null;
  /** @default 'none' for GET, HEAD and POST (which resolve), 'admin' otherwise */
  credentials?: Credentials;
}

/** The server's answer; `json` is the parsed body when it was JSON. */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // Each test reads the fields it expects; a wrong guess fails its assertion.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json?: any;
}

/**
 * Sends one request on a fresh connection: the real server closes a kept-alive connection after
 * some refusals without saying so, and a test must not fail on the next request for that.
 */
export function sendRaw(server: ServerUnderTest, request: RawRequest): Promise<RawAnswer> {
  const url = new URL(request.path, server.url);
  const payload =
    request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const headers = buildHeaders(server, request, payload !== undefined);
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise((resolve, reject) => {
    const options = { method: request.method, headers, ca: server.ca, agent: false as const };
    const outgoing = transport.request(url, options, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          json: parse(text),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

function buildHeaders(server: ServerUnderTest, request: RawRequest, hasBody: boolean) {
  const headers: Record<string, string> = { accept: 'application/json' };
  const contentType = request.contentType === undefined ? 'application/json' : request.contentType;
  if (hasBody && contentType !== null) headers['content-type'] = contentType;

  const resolving = ['GET', 'HEAD', 'POST'].includes(request.method);
  const credentials = request.credentials ?? (resolving ? 'none' : 'admin');
  const basic = readBasic(credentials, server);
  if (basic) headers.authorization = `Basic ${Buffer.from(basic, 'utf8').toString('base64')}`;
  return headers;
}

function readBasic(credentials: Credentials, server: ServerUnderTest): string | undefined {
  if (credentials === 'none') return undefined;
  if (credentials === 'admin') return `${encodeURIComponent(server.username)}:${server.password}`;
  return credentials.basic;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
