import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HandleClient } from '@piddi/handle-client';
import { startMockHandleServer, type StartedMockHandleServer } from '@piddi/mock-handle';
import { cmip6ItemId, makeCmip6PostEvent } from '@piddi/testing';

import {
  createCliWorkspace,
  finished,
  publishEvents,
  runCli,
  startCli,
  waitFor,
} from './cli-harness.js';
import { clientFor, datasetHandles } from './handle-queries.js';

// Far longer than the drain timeout: the event is still being written when the stop gives up.
const SLOW_ANSWER_MS = 10_000;
const DRAIN_TIMEOUT_MS = 500;

let slow: StartedMockHandleServer;
const slowRequests = { answered: 0 };
let fast: StartedMockHandleServer;
let fastClient: HandleClient;

beforeAll(async () => {
  const ignore = () => undefined;
  const countAnswer = (message: string) => void (message === 'request' && slowRequests.answered++);
  slow = await startMockHandleServer({
    port: 0,
    latencyMs: SLOW_ANSWER_MS,
    logger: { debug: ignore, info: countAnswer, warn: ignore, error: ignore },
  });
  fast = await startMockHandleServer({ port: 0 });
  fastClient = clientFor(fast);
});

afterAll(async () => {
  fastClient.close();
  // The slow server answers the abandoned request after its delay, to a client long gone;
  // waiting for that leaves no timer behind the tests.
  await waitFor(async () => slowRequests.answered >= 1, 2 * SLOW_ANSWER_MS, 'the slow answer');
  await Promise.all([slow.close(), fast.close()]);
});

interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

async function readLog(path: string): Promise<LogLine[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('a consumer stopped while an event outlasts consumer.drain_timeout_ms', () => {
  it('exits 3 naming the unfinished event, records no failure, and a restart registers it', async () => {
    const workspace = await createCliWorkspace({
      handleUrl: slow.url,
      consumer: { drain_timeout_ms: DRAIN_TIMEOUT_MS },
    });
    const spec = { member: 5001, files: 1 };
    await publishEvents(workspace.topic, [makeCmip6PostEvent(spec)]);
    const log = join(workspace.dir, 'drain.log');

    const consumer = startCli(
      ['--config', workspace.configFile, '--debug', '--log', log, 'consume'],
      workspace.dir,
      { PIDDI_HANDLE_TIMEOUT_MS: '60000' },
    );
    const firstRun = finished(consumer);
    await waitFor(
      async () => (await readLog(log)).some((line) => line.message === 'Built handle records'),
      60_000,
      'the consumer to start writing the event',
    );
    const stoppedAt = Date.now();
    consumer.kill('SIGTERM');
    const first = await firstRun;

    expect(first.code).toBe(3);
    // The process ended without waiting for the handler the stop gave up on.
    expect(Date.now() - stoppedAt).toBeLessThan(SLOW_ANSWER_MS);
    const report = (await readLog(log)).find(
      (line) => line.level === 'error' && line.message.includes('will be delivered again'),
    );
    expect(report).toMatchObject({
      code: 'DRAIN_TIMEOUT',
      unfinished: [{ topic: workspace.topic, partition: expect.any(Number), offsets: [0] }],
    });
    expect(await exists(join(workspace.outputDir, 'failures'))).toBe(false);

    const restart = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '3'],
      workspace.dir,
      { PIDDI_HANDLE_SERVER_URL: fast.url },
    );

    expect(restart.code).toBe(0);
    expect(restart.stderr).toMatch(/messages\s+1\b/);
    expect((await datasetHandles(fastClient, fast.prefix)).has(cmip6ItemId(spec))).toBe(true);
  });
});
