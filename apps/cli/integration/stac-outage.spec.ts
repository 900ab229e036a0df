import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFailureFile } from '@piddi/failure-store';
import type { HandleClient } from '@piddi/handle-client';
import { startMockHandleServer, type StartedMockHandleServer } from '@piddi/mock-handle';
import { cmip6ItemId, makeCmip6PostEvent } from '@piddi/testing';

import { createCliWorkspace, publishEvents, runCli } from './cli-harness.js';
import { clientFor, datasetHandles } from './handle-queries.js';

// Nothing listens on the discard port: every request to it is refused at once.
const STAC_DOWN = 'http://127.0.0.1:9';

let server: StartedMockHandleServer;
let client: HandleClient;

beforeAll(async () => {
  server = await startMockHandleServer({ port: 0 });
  client = clientFor(server);
});

afterAll(async () => {
  client.close();
  await server.close();
});

function retractionPatch(member: number) {
  return {
    data: {
      type: 'STAC',
      payload: {
        collection_id: 'CMIP6',
        method: 'PATCH',
        item_id: cmip6ItemId({ member }),
        patch: [{ op: 'replace', path: '/properties/retracted', value: true }],
      },
    },
    metadata: { time: '2026-02-01T08:00:00' },
  };
}

function workspaceWithStacDown(stacToml: string) {
  return createCliWorkspace({
    handleUrl: server.url,
    extraToml: `[stac]\nbase_url = "${STAC_DOWN}"\nretries = 0\n${stacToml}`,
  });
}

async function skippedEntries(outputDir: string) {
  const folder = join(outputDir, 'skipped');
  const [file] = await readdir(folder);
  return (await readFailureFile(join(folder, file!))).entries;
}

describe('a PATCH event while the STAC API is down', () => {
  it('is skipped, recorded under skipped/ with its reason and coordinates, and stops the consumer', async () => {
    const workspace = await workspaceWithStacDown('health_check = false');
    await publishEvents(workspace.topic, [retractionPatch(601)]);

    const run = await runCli(['--config', workspace.configFile, 'consume'], workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Event skipped: an outside service failed');
    const entries = await skippedEntries(workspace.outputDir);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      errorCode: 'STAC_UNAVAILABLE',
      reason: expect.stringContaining(STAC_DOWN),
      coordinates: {
        topic: workspace.topic,
        partition: expect.any(Number),
        offset: '0',
        key: 'event-0',
      },
    });
  });

  it('is skipped and recorded while the consumer goes on with --force', async () => {
    const workspace = await workspaceWithStacDown('health_check = false');
    const post = { member: 602, files: 1 };
    await publishEvents(workspace.topic, [retractionPatch(601), makeCmip6PostEvent(post)]);

    const run = await runCli(
      ['--config', workspace.configFile, 'consume', '--force', '--stop-when-idle', '3'],
      workspace.dir,
    );

    expect(run.code).toBe(0);
    expect(await skippedEntries(workspace.outputDir)).toHaveLength(1);
    expect((await datasetHandles(client, server.prefix)).has(cmip6ItemId(post))).toBe(true);
  });
});

describe('a STAC API that fails its health probe at start', () => {
  it('stops the consumer with a clear error and exit code 1 before it reads any event', async () => {
    const workspace = await workspaceWithStacDown('health_check = true');
    await publishEvents(workspace.topic, [makeCmip6PostEvent({ member: 603, files: 1 })]);

    const run = await runCli(['--config', workspace.configFile, 'consume'], workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /error +GET http:\/\/127\.0\.0\.1:9\/ failed .*code=STAC_UNAVAILABLE/,
    );
    expect(run.stderr).toMatch(/^\s+messages\s+0\b/m);
    expect(run.stderr).toMatch(/^\s+external failures\s+2$/m);
  });
});
