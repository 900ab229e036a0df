import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFailureFile } from '@piddi/failure-store';
import type { HandleClient } from '@piddi/handle-client';
import { startMockHandleServer, type StartedMockHandleServer } from '@piddi/mock-handle';
import {
  cmip6ItemId,
  makeCmip6Item,
  makeCmip6PostEvent,
  startStacApiServer,
  type StacApiItem,
} from '@piddi/testing';

import { createCliWorkspace, publishEvents, runCli } from './cli-harness.js';
import { clientFor, datasetHandles, fieldsOf } from './handle-queries.js';

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

describe('consume', () => {
  it('registers a dataset handle and one handle per file for every event', async () => {
    const workspace = await createCliWorkspace({ handleUrl: server.url });
    const specs = [1, 2, 3].map((member) => ({ member: 100 + member, files: 2 }));
    await publishEvents(workspace.topic, specs.map(makeCmip6PostEvent));

    const run = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '3'],
      workspace.dir,
    );

    expect(run.code).toBe(0);
    const datasets = await datasetHandles(client, server.prefix);
    for (const spec of specs) {
      const dataset = datasets.get(cmip6ItemId(spec));
      expect(dataset).toBeDefined();
      const fields = await fieldsOf(client, dataset!);
      expect(fields?.AGGREGATION_LEVEL).toBe('DATASET');
      const parts = fields?.HAS_PARTS as string[];
      expect(parts).toHaveLength(2);
      for (const part of parts) {
        const file = await fieldsOf(client, part.replace(/^hdl:/, ''));
        expect(file?.AGGREGATION_LEVEL).toBe('FILE');
        // Handle names ignore case; a listing gives them in upper case.
        expect(String(file?.IS_PART_OF).toUpperCase()).toBe(`HDL:${dataset!.toUpperCase()}`);
      }
    }
  });

  it('records malformed events with their reason and Kafka coordinates and goes on', async () => {
    const workspace = await createCliWorkspace({ handleUrl: server.url });
    const valid = { member: 201, files: 1 };
    const badId = makeCmip6PostEvent({ member: 202 }) as { data: { payload: { item: object } } };
    badId.data.payload.item = { ...badId.data.payload.item, id: 'not-a-cmip6-id' };
    await publishEvents(workspace.topic, ['{not json', { data: { type: 'OTHER' } }, badId]);
    await publishEvents(workspace.topic, [makeCmip6PostEvent(valid)]);

    const run = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '3'],
      workspace.dir,
    );

    expect(run.code).toBe(0);
    expect((await datasetHandles(client, server.prefix)).has(cmip6ItemId(valid))).toBe(true);
    const folder = join(workspace.outputDir, 'failures', 'retries-0');
    const [file] = await readdir(folder);
    const contents = await readFailureFile(join(folder, file!));
    expect(contents.entries).toHaveLength(3);
    for (const entry of contents.entries) {
      expect(entry.coordinates.topic).toBe(workspace.topic);
      expect(entry.coordinates.partition).toEqual(expect.any(Number));
      expect(entry.coordinates.offset).toMatch(/^\d+$/);
      expect(entry.reason).toEqual(expect.any(String));
    }
    const codes = contents.entries.map((entry) => entry.errorCode).sort();
    expect(codes).toEqual(['INVALID_ITEM_ID', 'NOT_JSON', 'UNSUPPORTED_EVENT_TYPE'].sort());
  });

  it('fetches the item of a PATCH event from the STAC API and registers the retraction', async () => {
    const spec = { member: 401, files: 1 };
    const stac = await startStacApiServer({ items: [makeCmip6Item(spec) as StacApiItem] });
    const workspace = await createCliWorkspace({
      handleUrl: server.url,
      extraToml: `[stac]\nbase_url = "${stac.url}"`,
    });
    const patch = {
      data: {
        type: 'STAC',
        payload: {
          collection_id: 'CMIP6',
          method: 'PATCH',
          item_id: cmip6ItemId(spec),
          patch: [{ op: 'replace', path: '/properties/retracted', value: true }],
        },
      },
      metadata: { time: '2026-02-01T08:00:00' },
    };
    await publishEvents(workspace.topic, [patch]);

    const run = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '3'],
      workspace.dir,
    );
    await stac.close();

    expect(run.code).toBe(0);
    const dataset = (await datasetHandles(client, server.prefix)).get(cmip6ItemId(spec));
    const fields = await fieldsOf(client, dataset!);
    expect(fields?.RETRACTED_ON).toBe('2026-02-01T08:00:00Z');
  });

  it('writes handle records to JSON lines and contacts no Handle server with --dry-run', async () => {
    const workspace = await createCliWorkspace({ handleUrl: 'http://127.0.0.1:9' });
    await publishEvents(workspace.topic, [makeCmip6PostEvent({ member: 301, files: 2 })]);

    const run = await runCli(
      ['--config', workspace.configFile, 'consume', '--dry-run', '--dump', '--stop-when-idle', '3'],
      workspace.dir,
    );

    expect(run.code).toBe(0);
    const [handlesFile] = await readdir(join(workspace.outputDir, 'handles'));
    const lines = (await readFile(join(workspace.outputDir, 'handles', handlesFile!), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { handle: string; data: Record<string, string> });
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)?.data.AGGREGATION_LEVEL).toBe('DATASET');
    const [dumpFile] = await readdir(join(workspace.outputDir, 'dump'));
    expect(dumpFile).toMatch(/^dump_messages_\d{4}-\d{2}-\d{2}\.jsonl$/);
  });

  it('commits a dry run under a group of its own, so that a real run still takes every event', async () => {
    const workspace = await createCliWorkspace({ handleUrl: server.url });
    const spec = { member: 302, files: 1 };
    await publishEvents(workspace.topic, [makeCmip6PostEvent(spec)]);
    const consume = (flags: string[]) =>
      runCli(
        ['--config', workspace.configFile, 'consume', ...flags, '--stop-when-idle', '3'],
        workspace.dir,
      );

    const dryRun = await consume(['--dry-run']);
    const realRun = await consume([]);

    expect(dryRun.code).toBe(0);
    expect(dryRun.stderr).toMatch(/Consuming .*group=piddi-[0-9a-f]{8}\.dry-run/);
    expect(realRun.code).toBe(0);
    expect(realRun.stderr).toMatch(/messages\s+1\b/);
    expect((await datasetHandles(client, server.prefix)).has(cmip6ItemId(spec))).toBe(true);
  });
});
