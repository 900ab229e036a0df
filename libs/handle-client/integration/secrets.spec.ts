import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildHandleValues, HandleClient, type HandleClientOptions } from '@piddi/handle-client';
import { startMockHandleServer, type StartedMockHandleServer } from '@piddi/mock-handle';

import { createRecordingLogger, type RecordingLogger } from './recording-logger.js';

const USERNAME = '300:21.TEST/testuser';
const PASSWORD = 'S3cret:pa ss/word';
const WRONG_PASSWORD = 'wr0ng-Secret-value';
const FAST_RETRY = { limit: 2, baseDelayMs: 5, maxDelayMs: 10 };

const basicToken = (password: string) =>
  Buffer.from(`${encodeURIComponent(USERNAME)}:${password}`).toString('base64');
const forms = (password: string) => [password, encodeURIComponent(password), basicToken(password)];

let server: StartedMockHandleServer;
let slowServer: StartedMockHandleServer;

beforeAll(async () => {
  server = await startMockHandleServer({ username: USERNAME, password: PASSWORD });
  slowServer = await startMockHandleServer({ password: PASSWORD, latencyMs: 300 });
});

afterAll(async () => {
  await Promise.all([server.close(), slowServer.close()]);
});

/** Runs a failing call and returns its error and everything the client logged meanwhile. */
async function captureFailure(
  options: Omit<HandleClientOptions, 'logger'>,
  call: (client: HandleClient) => Promise<unknown>,
): Promise<{ error: unknown; logger: RecordingLogger }> {
  const logger = createRecordingLogger();
  const client = new HandleClient({ ...options, logger });
  try {
    await call(client);
    throw new Error('the call was expected to fail');
  } catch (error) {
    return { error, logger };
  } finally {
    client.close();
  }
}

/** Every way an operator could see an error: message, String(), JSON and a deep inspect. */
function renderings(error: unknown): string[] {
  const message = error instanceof Error ? error.message : '';
  return [message, String(error), JSON.stringify(error), inspect(error, { depth: Infinity })];
}

function expectNoSecret(texts: string[], secrets: string[]): void {
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

const values = buildHandleValues({ URL: 'https://a' }, { prefix: '21.TEST' });
const newHandle = () => `21.TEST/${randomUUID()}`;

describe('secrets in errors and logs', () => {
  it('reports a wrong password as AUTHENTICATION_FAILED without revealing it', async () => {
    const auth = { username: USERNAME, password: WRONG_PASSWORD };

    const { error, logger } = await captureFailure({ baseUrl: server.url, auth }, (client) =>
      client.putHandle(newHandle(), values),
    );

    // Real servers refuse a wrong password with 401 and an empty body: no responseCode.
    expect(error).toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      status: 401,
      responseCode: undefined,
    });
    expectNoSecret([...renderings(error), logger.text()], forms(WRONG_PASSWORD));
  });

  it('keeps the password out of retried server errors and their warnings', async () => {
    const failing = await startMockHandleServer({ password: PASSWORD, failRate: 1 });
    const auth = { username: USERNAME, password: PASSWORD };

    try {
      const { error, logger } = await captureFailure(
        { baseUrl: failing.url, auth, retry: FAST_RETRY },
        (client) => client.putHandle(newHandle(), values),
      );

      expect(error).toMatchObject({ code: 'SERVER_ERROR' });
      expect(logger.at('warn')).toHaveLength(FAST_RETRY.limit);
      expectNoSecret([...renderings(error), logger.text()], forms(PASSWORD));
    } finally {
      await failing.close();
    }
  });

  it('keeps the password out of a timeout', async () => {
    const auth = { username: USERNAME, password: PASSWORD };

    const { error, logger } = await captureFailure(
      { baseUrl: slowServer.url, auth, timeoutMs: 50, retry: { limit: 0 } },
      (client) => client.putHandle(newHandle(), values),
    );

    expect(error).toMatchObject({ code: 'TIMEOUT', retriable: true });
    expectNoSecret([...renderings(error), logger.text()], forms(PASSWORD));
  });

  it('keeps the password out of a refused connection', async () => {
    const closed = await startMockHandleServer();
    await closed.close();
    const auth = { username: USERNAME, password: PASSWORD };

    const { error, logger } = await captureFailure(
      { baseUrl: closed.url, auth, retry: FAST_RETRY },
      (client) => client.deleteHandle(newHandle()),
    );

    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retriable: true });
    expectNoSecret([...renderings(error), logger.text()], forms(PASSWORD));
  });
});
