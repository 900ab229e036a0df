import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFailureFile } from '@piddi/failure-store';
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
import { clientFor, countHandles, datasetHandles } from './handle-queries.js';

const EVENTS = 240;

let server: StartedMockHandleServer;
let client: HandleClient;

beforeAll(async () => {
  // A little latency keeps the consumer busy long enough to be killed in the middle.
  server = await startMockHandleServer({ port: 0, latencyMs: 5 });
  client = clientFor(server);
});

afterAll(async () => {
  client.close();
  await server.close();
});

async function failedItemIds(outputDir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const folder = join(outputDir, 'failures');
  for (const retries of await readdir(folder).catch(() => [])) {
    for (const file of await readdir(join(folder, retries))) {
      const { entries } = await readFailureFile(join(folder, retries, file));
      for (const entry of entries) ids.add(String(entry.coordinates.key));
    }
  }
  return ids;
}

describe('a consumer killed in the middle of a stream', () => {
  it('loses no event: after a restart every event is registered or recorded as failed', async () => {
    const workspace = await createCliWorkspace({
      handleUrl: server.url,
      consumer: { max_in_flight: 8 },
    });
    const specs = Array.from({ length: EVENTS }, (_, index) => ({
      member: 1000 + index,
      files: 1,
    }));
    await publishEvents(workspace.topic, specs.map(makeCmip6PostEvent));
    const baseline = await countHandles(client, server.prefix);

    const first = startCli(['--config', workspace.configFile, 'consume'], workspace.dir);
    const firstRun = finished(first);
    await waitFor(
      async () => (await countHandles(client, server.prefix)) - baseline >= 60,
      60_000,
      'the first consumer to register some handles',
    );
    first.kill('SIGKILL');
    expect((await firstRun).signal).toBe('SIGKILL');
    const registeredBeforeRestart = (await countHandles(client, server.prefix)) - baseline;
    expect(registeredBeforeRestart).toBeLessThan(EVENTS * 2);

    const second = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '4'],
      workspace.dir,
    );

    expect(second.code).toBe(0);
    const registered = await datasetHandles(client, server.prefix);
    const failed = await failedItemIds(workspace.outputDir);
    const missing = specs
      .map((spec, index) => ({ id: cmip6ItemId(spec), key: `event-${index}` }))
      .filter(({ id, key }) => !registered.has(id) && !failed.has(key));
    expect(missing).toEqual([]);
  });
});

describe('a consumer stopped with SIGTERM', () => {
  it('finishes what is in flight, commits it and exits 0; a restart takes only the rest', async () => {
    const workspace = await createCliWorkspace({ handleUrl: server.url });
    const specs = Array.from({ length: 40 }, (_, index) => ({ member: 3000 + index, files: 1 }));
    await publishEvents(workspace.topic, specs.map(makeCmip6PostEvent));
    const baseline = await countHandles(client, server.prefix);

    const consumer = startCli(['--config', workspace.configFile, 'consume'], workspace.dir);
    const run = finished(consumer);
    await waitFor(
      async () => (await countHandles(client, server.prefix)) - baseline >= 10,
      60_000,
      'the consumer to register some handles',
    );
    consumer.kill('SIGTERM');
    expect((await run).code).toBe(0);
    const registered = (await countHandles(client, server.prefix)) - baseline;

    const restart = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '3'],
      workspace.dir,
    );
    expect(restart.code).toBe(0);
    const handlesAfterRestart = (await countHandles(client, server.prefix)) - baseline;
    expect(handlesAfterRestart).toBe(specs.length * 2);
    // Every event done before the stop was committed: the restart takes only the others.
    const restartMessages = Number(/messages\s+(\d+)/.exec(restart.stderr)?.[1]);
    expect(restartMessages).toBe(specs.length - registered / 2);
  });
});
