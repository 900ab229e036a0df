import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerApiError, answerJson, type Answer } from './answers.js';
import { resolveSettings, type MockHandleServerOptions, type ServerSettings } from './options.js';
import { HandleApiError, RESPONSE_CODE } from './response-codes.js';
import { routeRequest } from './router.js';
import type { RouteContext } from './routes/route-context.js';
import { openHandleStore } from './store/open-store.js';

/** A running mock Handle server. */
export interface StartedMockHandleServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`; the REST API is under `/api/handles`. */
  url: string;
  host: string;
  port: number;
  /** The prefix it serves. */
  prefix: string;
  /** Stops listening and waits for open requests to finish. */
  close(): Promise<void>;
}

// Larger bodies are refused rather than buffered: no handle record comes near this size.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Starts a mock Handle.Net REST server on loopback that answers like a real one: the same
 * endpoints, status codes and `responseCode`s, HTTP Basic authentication for writes, and the
 * configured user's own admin handle in place. Listens on any free port unless told otherwise.
 */
export async function startMockHandleServer(
  options: MockHandleServerOptions = {},
): Promise<StartedMockHandleServer> {
  const settings = resolveSettings(options);
  const context: RouteContext = {
    settings,
    store: openHandleStore(settings, new Date()),
    now: () => new Date(),
    random: Math.random,
  };

  const server = createServer((request, response) => void serveRequest(request, response, context));
  const port = await listen(server, settings);
  settings.logger.info('mock Handle server listening', { host: settings.host, port });

  return {
    url: `http://${formatHost(settings.host)}:${port}`,
    host: settings.host,
    port,
    prefix: settings.prefix,
    close: () => closeServer(server),
  };
}

async function serveRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouteContext,
) {
  const started = performance.now();
  const answer = await answerRequest(request, context);
  if (context.settings.latencyMs > 0) await sleep(context.settings.latencyMs);

  response.writeHead(answer.status, answer.headers).end(answer.body);
  logRequest(request, answer.status, performance.now() - started, context.settings);
}

async function answerRequest(request: IncomingMessage, context: RouteContext): Promise<Answer> {
  try {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://mock-handle');
    const { authorization, 'content-type': contentType } = request.headers;
    const method = request.method ?? 'GET';
    return routeRequest({ method, url, authorization, contentType, body }, context);
  } catch (error) {
    if (error instanceof HandleApiError) return answerApiError(error);

    context.settings.logger.error('request failed', { error: String(error) });
    return answerJson(500, { responseCode: RESPONSE_CODE.serverError, message: 'Server error' });
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new HandleApiError(RESPONSE_CODE.invalidValue, 'Request body too large', {
        status: 413,
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// One line per request, without headers: they may hold credentials.
function logRequest(
  request: IncomingMessage,
  status: number,
  ms: number,
  settings: ServerSettings,
) {
  const path = (request.url ?? '/').split('?')[0];
  settings.logger.info('request', {
    method: request.method,
    path: safeDecode(path),
    status,
    ms: Math.round(ms),
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function listen(server: Server, settings: ServerSettings): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
