import { appendFile, cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  FailureStore,
  HandleRecordSink,
  MessageDump,
  readFailureFile,
  toRetryEvent,
} from '@piddi/failure-store';
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
  type CliWorkspace,
} from './cli-harness.js';
import { clientFor, datasetHandles } from './handle-queries.js';

const MAX_ERRORS = 3;
const specs = Array.from({ length: 6 }, (_, index) => ({ member: 500 + index, files: 1 }));

let failing: StartedMockHandleServer;
let healthy: StartedMockHandleServer;
let client: HandleClient;
let workspace: CliWorkspace;
let outageRun: Awaited<ReturnType<typeof runCli>>;

/** The failure files written during the outage, copied so each test can retry its own. */
async function copyOfFailures(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'piddi-failures-'));
  await cp(join(workspace.outputDir, 'failures', 'retries-0'), copy, { recursive: true });
  return copy;
}

/** A new output folder holding a copy of the outage's failures under failures/retries-0. */
async function outputsWithFailures(): Promise<string> {
  const outputs = await mkdtemp(join(tmpdir(), 'piddi-outputs-'));
  await cp(
    join(workspace.outputDir, 'failures', 'retries-0'),
    join(outputs, 'failures', 'retries-0'),
    { recursive: true },
  );
  return outputs;
}

function retry(args: string[], handleUrl = healthy.url, env: NodeJS.ProcessEnv = {}) {
  return runCli(['--config', workspace.configFile, 'retry', ...args], workspace.dir, {
    PIDDI_HANDLE_SERVER_URL: handleUrl,
    ...env,
  });
}

interface DryRunLine {
  handle: string;
  data: Record<string, string>;
}

async function dryRunLines(folder: string): Promise<DryRunLine[]> {
  const [file] = await readdir(folder);
  const text = await readFile(join(folder, file!), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DryRunLine);
}

function itemIdOf(event: Record<string, unknown> | undefined): string {
  const { data } = event as { data: { payload: { item: { id: string } } } };
  return data.payload.item.id;
}

async function entriesIn(folder: string) {
  const files = await readdir(folder);
  const contents = await Promise.all(files.map((file) => readFailureFile(join(folder, file))));
  return contents.flatMap(({ entries }) => entries);
}

beforeAll(async () => {
  failing = await startMockHandleServer({ port: 0, failRate: 1 });
  healthy = await startMockHandleServer({ port: 0 });
  client = clientFor(healthy);
  workspace = await createCliWorkspace({
    handleUrl: failing.url,
    consumer: { max_errors: MAX_ERRORS, max_in_flight: 1 },
  });
  await publishEvents(workspace.topic, specs.map(makeCmip6PostEvent));
  outageRun = await runCli(['--config', workspace.configFile, 'consume'], workspace.dir);
});

afterAll(async () => {
  client.close();
  await Promise.all([failing.close(), healthy.close()]);
});

describe('a Handle server that answers 500', () => {
  it('stops the consumer with exit code 1 once max_errors events failed', async () => {
    expect(outageRun.code).toBe(1);
    const [file] = await readdir(join(workspace.outputDir, 'failures', 'retries-0'));
    const { entries } = await readFailureFile(
      join(workspace.outputDir, 'failures', 'retries-0', file!),
    );
    expect(entries).toHaveLength(MAX_ERRORS);
    expect(entries.every((entry) => entry.errorCode === 'SERVER_ERROR')).toBe(true);
  });

  it('commits only what is done: a restart registers every other event, and no failed one', async () => {
    const run = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '3'],
      workspace.dir,
      { PIDDI_HANDLE_SERVER_URL: healthy.url },
    );

    expect(run.code).toBe(0);
    const registered = await datasetHandles(client, healthy.prefix);
    expect(registered.size).toBe(specs.length - MAX_ERRORS);
  });
});

describe('retry', () => {
  it('registers the failed events and deletes the file with --delete-after', async () => {
    const folder = await copyOfFailures();
    const run = await retry([folder, '--delete-after']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${MAX_ERRORS} succeeded, 0 failed`);
    expect(await readdir(folder)).toEqual([]);
    const registered = await datasetHandles(client, healthy.prefix);
    for (const spec of specs) expect(registered.has(cmip6ItemId(spec))).toBe(true);
  });

  it('keeps a line a consumer appends to the file while --delete-after removes it', async () => {
    const folder = await copyOfFailures();
    const [name] = await readdir(folder);
    const lateEvent = makeCmip6PostEvent({ member: 599 });
    const late = { ...lateEvent, __infos__: { retries: 0 } };
    const child = startCli(
      ['--config', workspace.configFile, 'retry', folder, '--delete-after'],
      workspace.dir,
      { PIDDI_HANDLE_SERVER_URL: healthy.url },
    );
    const run = finished(child);

    // A consumer that opened the file just before it was moved aside writes to the moved file.
    let moved: string | undefined;
    await waitFor(
      async () => {
        moved = (await readdir(folder)).find((entry) => entry.includes('.removing-'));
        return moved !== undefined;
      },
      60_000,
      'the retry to move the file aside',
    );
    await appendFile(join(folder, moved!), `${JSON.stringify(late)}\n`);

    const output = await run;
    expect(output.code).toBe(0);
    expect(output.stdout).toContain('(deleted; kept 1 line(s) appended meanwhile)');
    expect(await readdir(folder)).toEqual([name]);
    const { entries } = await readFailureFile(join(folder, name!));
    expect(entries.map((entry) => toRetryEvent(entry).event)).toEqual([lateEvent]);
  });

  it('records events that fail again under retries-1 and keeps the file', async () => {
    const folder = await copyOfFailures();
    const run = await retry([folder, '--delete-after'], failing.url);

    expect(run.code).toBe(1);
    expect((await readdir(folder)).length).toBe(1);
    const again = join(workspace.outputDir, 'failures', 'retries-1');
    const [file] = await readdir(again);
    const { entries } = await readFailureFile(join(again, file!));
    expect(entries).toHaveLength(MAX_ERRORS);
    expect(entries.every((entry) => entry.retries === 1)).toBe(true);
  });

  it('writes a file and a dataset line per failed event and keeps the failure file with --dry-run', async () => {
    const folder = await copyOfFailures();
    const outputs = await mkdtemp(join(tmpdir(), 'piddi-dry-run-'));
    const failedIds = (await entriesIn(folder)).map((entry) => itemIdOf(toRetryEvent(entry).event));

    const run = await retry([`${folder}/*.jsonl`, '--dry-run'], 'http://127.0.0.1:9', {
      PIDDI_CONSUMER_OUTPUT_DIR: outputs,
    });

    expect(run.code).toBe(0);
    expect((await readdir(folder)).length).toBe(1);
    const lines = await dryRunLines(join(outputs, 'handles'));
    const datasets = lines.filter((line) => line.data.AGGREGATION_LEVEL === 'DATASET');
    const files = lines.filter((line) => line.data.AGGREGATION_LEVEL === 'FILE');
    expect(lines).toHaveLength(MAX_ERRORS * 2);
    expect(files).toHaveLength(MAX_ERRORS);
    expect(
      datasets.map((line) => `${line.data.DATASET_ID}.${line.data.DATASET_VERSION}`).sort(),
    ).toEqual(failedIds.sort());
    for (const dataset of datasets) expect(dataset.handle).toMatch(/^21\.TEST\//);
  });

  it('sends the events to the retry topic with --via-kafka, where the consumer takes them', async () => {
    const folder = await copyOfFailures();
    const sent = await retry([folder, '--via-kafka']);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain(`${MAX_ERRORS} succeeded`);

    const consumer = await runCli(
      ['--config', workspace.configFile, 'consume', '--stop-when-idle', '3'],
      workspace.dir,
      { PIDDI_HANDLE_SERVER_URL: healthy.url, PIDDI_CONSUMER_MAX_ERRORS: '-1' },
    );
    expect(consumer.code).toBe(0);
    expect(consumer.stderr).toMatch(new RegExp(`messages\\D+${MAX_ERRORS}\\b`));
  });

  it('retries each event once per run, though its new failure lands in a file the run reads', async () => {
    const outputs = await outputsWithFailures();
    const earlier = new FailureStore({ outputDir: outputs });
    await earlier.recordFailure({
      event: makeCmip6PostEvent({ member: 598 }),
      reason: 'Handle server down',
      retries: 1,
    });

    const run = await retry([join(outputs, 'failures')], failing.url, {
      PIDDI_CONSUMER_OUTPUT_DIR: outputs,
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`2 file(s): 0 succeeded, ${MAX_ERRORS + 1} failed`);
    expect(await entriesIn(join(outputs, 'failures', 'retries-1'))).toHaveLength(MAX_ERRORS + 1);
    expect(await entriesIn(join(outputs, 'failures', 'retries-2'))).toHaveLength(1);
  });

  it('takes neither dry-run records nor dumps from a walk of the output folder', async () => {
    const outputs = await outputsWithFailures();
    const [failureFile] = await readdir(join(outputs, 'failures', 'retries-0'));
    await new MessageDump({ outputDir: outputs }).write(makeCmip6PostEvent({ member: 597 }));
    await new HandleRecordSink({ outputDir: outputs }).write({ handle: '21.TEST/x', data: {} });

    const run = await retry([outputs, '--dry-run'], 'http://127.0.0.1:9', {
      PIDDI_CONSUMER_OUTPUT_DIR: outputs,
    });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${join(outputs, 'failures', 'retries-0', failureFile!)}:`);
    expect(run.stdout).toContain(`1 file(s): ${MAX_ERRORS} succeeded, 0 failed`);
  });
});

/** A counter of the summary the CLI prints when it ends. */
function summaryCount(stderr: string, counter: string): number {
  return Number(new RegExp(`^\\s+${counter}\\s+(\\d+)`, 'm').exec(stderr)?.[1]);
}

describe('a Handle server that answers 500 for a while', () => {
  it('retries the writes and registers every event once the server recovers', async () => {
    const flaky = await startMockHandleServer({ port: 0, failRate: 1 });
    const outage = await createCliWorkspace({
      handleUrl: flaky.url,
      consumer: { max_in_flight: 1 },
    });
    const events = [520, 521].map((member) => ({ member, files: 1 }));
    await publishEvents(outage.topic, events.map(makeCmip6PostEvent));
    // Enough patience to outlast the outage below.
    const consumer = startCli(
      ['--config', outage.configFile, 'consume', '--stop-when-idle', '4'],
      outage.dir,
      {
        PIDDI_CONSUMER_TRANSIENT_RETRIES: '50',
        PIDDI_CONSUMER_TRANSIENT_BACKOFF_INITIAL_MS: '200',
        PIDDI_CONSUMER_TRANSIENT_BACKOFF_MAX_MS: '400',
      },
    );
    const run = finished(consumer);

    await waitFor(
      async () => (await readLog(outage.dir)).includes('Retrying after a transient failure'),
      60_000,
      'the consumer to retry a failed write',
    );
    await flaky.close();
    const recovered = await startMockHandleServer({ port: flaky.port });
    const recoveredClient = clientFor(recovered);
    try {
      const result = await run;
      const registered = await datasetHandles(recoveredClient, recovered.prefix);

      expect(result.code).toBe(0);
      for (const spec of events) expect(registered.has(cmip6ItemId(spec))).toBe(true);
      expect(summaryCount(result.stderr, 'retries')).toBeGreaterThan(0);
      expect(summaryCount(result.stderr, 'external failures')).toBe(
        summaryCount(result.stderr, 'retries'),
      );
      expect(summaryCount(result.stderr, 'errors')).toBe(0);
    } finally {
      recoveredClient.close();
      await recovered.close();
    }
  });
});

function readLog(folder: string): Promise<string> {
  return readFile(join(folder, 'pid.log'), 'utf8').catch(() => '');
}
