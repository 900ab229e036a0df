import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the scripted server answers to one request. */
export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A request as the scripted server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization?: string;
}

/** A running scripted server and what it observed. */
export interface ScriptedServer {
  url: string;
  requests: SeenRequest[];
  /** TCP connections opened by clients. */
  connections: number;
  /** Most requests that were being answered at the same moment. */
  maxInFlight: number;
  close(): Promise<void>;
}

type Script = (request: SeenRequest, count: number) => ScriptedAnswer;

/**
 * Starts a loopback HTTP server that answers from a script, for behaviour the mock Handle
 * server cannot be made to show on demand: a failure followed by a success, 429, 503.
 */
export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  let inFlight = 0;
  const state = { requests: [] as SeenRequest[], connections: 0, maxInFlight: 0 };
  const server = createServer((request, response) => {
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    void answer(request, script, state.requests).then((answered) => {
      inFlight -= 1;
      const headers = { 'content-type': 'application/json', ...answered.headers };
      response.writeHead(answered.status, headers).end(JSON.stringify(answered.body ?? {}));
    });
  });
  server.on('connection', () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as ScriptedServer;
}

async function answer(
  request: IncomingMessage,
  script: Script,
  requests: SeenRequest[],
): Promise<ScriptedAnswer> {
  for await (const _chunk of request) void _chunk;
  const seen = {
    method: request.method ?? 'GET',
    url: request.url ?? '/',
    authorization: request.headers.authorization,
  };
  requests.push(seen);

  const answered = script(seen, requests.length);
  if (answered.delayMs) await sleep(answered.delayMs);
  return answered;
}
