import { afterEach, describe, expect, it } from '@jest/globals';
import { buildHandleValues, HandleClient, type HandleClientOptions } from '@piddi/handle-client';
import { startMockHandleServer } from '@piddi/mock-handle';

import { createRecordingLogger } from './recording-logger.js';
import {
  type ScriptedAnswer,
  type ScriptedServer,
  startScriptedServer,
} from './scripted-server.js';

const AUTH = { username: '300:21.TEST/testuser', password: 'testpass' };
const FAST_RETRY = { limit: 2, baseDelayMs: 5, maxDelayMs: 20 };
const HANDLE = '21.TEST/abc';
const VALUES = buildHandleValues({ URL: 'https://a' }, { prefix: '21.TEST' });
const CREATED: ScriptedAnswer = { status: 201, body: { responseCode: 1, handle: HANDLE } };
const SERVER_ERROR: ScriptedAnswer = { status: 500, body: { responseCode: 2 } };
const RECORD: ScriptedAnswer = {
  status: 200,
  body: { responseCode: 1, handle: HANDLE, values: [] },
};

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scripted(script: (count: number) => ScriptedAnswer): Promise<ScriptedServer> {
  const server = await startScriptedServer((_request, count) => script(count));
  cleanups.push(() => server.close());
  return server;
}

function connect(baseUrl: string, options: Partial<HandleClientOptions> = {}): HandleClient {
  const client = new HandleClient({ baseUrl, auth: AUTH, retry: FAST_RETRY, ...options });
  cleanups.push(() => client.close());
  return client;
}

describe('retries', () => {
  it('repeats a write after a 500 and succeeds once the server recovers', async () => {
    const server = await scripted((count) => (count === 1 ? SERVER_ERROR : CREATED));

    const result = await connect(server.url).putHandle(HANDLE, VALUES);

    expect(result).toEqual({ handle: HANDLE, created: true });
    expect(server.requests.map((request) => request.method)).toEqual(['PUT', 'PUT']);
  });

  it('gives up at the retry bound with SERVER_ERROR when every write fails', async () => {
    const mock = await startMockHandleServer({ failRate: 1 });
    cleanups.push(() => mock.close());
    const logger = createRecordingLogger();

    const put = connect(mock.url, { logger }).putHandle(HANDLE, VALUES);

    await expect(put).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 500, retriable: true });
    expect(logger.at('warn').map((line) => line.fields?.retry)).toEqual([1, 2]);
  });

  it('sends exactly one attempt plus the configured retries', async () => {
    const server = await scripted(() => SERVER_ERROR);

    await expect(
      connect(server.url, { retry: { ...FAST_RETRY, limit: 3 } }).deleteHandle(HANDLE),
    ).rejects.toMatchObject({ code: 'SERVER_ERROR' });

    expect(server.requests).toHaveLength(4);
  });

  it('waits for the Retry-After of a 429 before repeating', async () => {
    const tooMany = { status: 429, headers: { 'retry-after': '1' }, body: {} };
    const server = await scripted((count) => (count === 1 ? tooMany : RECORD));
    const started = Date.now();

    const found = await connect(server.url, { retry: { limit: 1, maxDelayMs: 2000 } }).getHandle(
      HANDLE,
    );

    expect(found?.handle).toBe(HANDLE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  it('resolves a delete false when its retry finds the handle gone after a lost answer', async () => {
    const gone = { status: 404, body: { responseCode: 100, handle: HANDLE } };
    const server = await scripted((count) => (count === 1 ? SERVER_ERROR : gone));

    const deleted = await connect(server.url).deleteHandle(HANDLE);

    expect(deleted).toBe(false);
    expect(server.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('does not repeat a refusal such as an invalid value', async () => {
    const server = await scripted(() => ({ status: 400, body: { responseCode: 202 } }));

    const put = connect(server.url).putHandle(HANDLE, VALUES);

    await expect(put).rejects.toMatchObject({ code: 'INVALID_VALUE', retriable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('repeats a refused connection and then reports NETWORK_ERROR', async () => {
    const mock = await startMockHandleServer();
    await mock.close();
    const logger = createRecordingLogger();

    const read = connect(mock.url, { logger }).getHandle(HANDLE);

    await expect(read).rejects.toMatchObject({ code: 'NETWORK_ERROR', retriable: true });
    expect(logger.at('warn')).toHaveLength(FAST_RETRY.limit);
  });
});

describe('minting, which is not idempotent', () => {
  it('does not repeat a mint answered with 500, which may have created a handle', async () => {
    const server = await scripted(() => SERVER_ERROR);

    const mint = connect(server.url).mintHandle('21.TEST', VALUES);

    await expect(mint).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(server.requests).toHaveLength(1);
  });

  it('repeats a mint refused with 503, which the server did not process', async () => {
    const unavailable = { status: 503, body: { responseCode: 2 } };
    const server = await scripted((count) => (count === 1 ? unavailable : CREATED));

    await expect(connect(server.url).mintHandle('21.TEST', VALUES)).resolves.toBe(HANDLE);
    expect(server.requests).toHaveLength(2);
  });
});

describe('timeouts', () => {
  it('ends a request that outlasts timeoutMs with TIMEOUT after the retries', async () => {
    const mock = await startMockHandleServer({ latencyMs: 1000 });
    cleanups.push(() => mock.close());
    const started = Date.now();

    const read = connect(mock.url, {
      timeoutMs: 100,
      retry: { ...FAST_RETRY, limit: 1 },
    }).getHandle(HANDLE);

    await expect(read).rejects.toMatchObject({ code: 'TIMEOUT', handle: HANDLE });
    expect(Date.now() - started).toBeLessThan(900);
  });
});

describe('connections', () => {
  it('keeps one connection alive across sequential requests', async () => {
    const server = await scripted(() => RECORD);
    const client = connect(server.url);

    for (let n = 0; n < 10; n += 1) await client.getHandle(HANDLE);

    expect(server.requests).toHaveLength(10);
    expect(server.connections).toBe(1);
  });

  it('has no more than maxConcurrency requests in flight and queues the rest', async () => {
    const server = await scripted(() => ({ ...RECORD, delayMs: 40 }));
    const client = connect(server.url, { maxConcurrency: 3 });

    const reads = await Promise.all(Array.from({ length: 12 }, () => client.getHandle(HANDLE)));

    expect(reads.every((found) => found?.handle === HANDLE)).toBe(true);
    expect(server.maxInFlight).toBe(3);
    expect(server.connections).toBeLessThanOrEqual(3);
  });

  it('fails queued requests with CLIENT_CLOSED when closed', async () => {
    const server = await scripted(() => ({ ...RECORD, delayMs: 200 }));
    const client = connect(server.url, { maxConcurrency: 1 });
    const reads = [client.getHandle(HANDLE), client.getHandle(HANDLE), client.getHandle(HANDLE)];

    client.close();
    const outcomes = await Promise.allSettled(reads);

    expect(outcomes.slice(1)).toEqual([
      { status: 'rejected', reason: expect.objectContaining({ code: 'CLIENT_CLOSED' }) },
      { status: 'rejected', reason: expect.objectContaining({ code: 'CLIENT_CLOSED' }) },
    ]);
    await expect(client.getHandle(HANDLE)).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });
});
