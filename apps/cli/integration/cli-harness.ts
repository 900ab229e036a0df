// Runs the real `piddiplatsch` executable against the test broker and a mock Handle server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createEventProducer, ensureTopics } from '@piddi/kafka-source';
import { kafkaBootstrapServers } from '@piddi/testing';

const WORKSPACE_ROOT = join(import.meta.dirname, '..', '..', '..');
// The CLI runs in one node process with tsx as its loader (the tsx command would add a parent
// process, and a SIGKILL meant for the consumer would hit only that parent).
const TSX_LOADER = pathToFileURL(join(WORKSPACE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'));
const MAIN = join(WORKSPACE_ROOT, 'apps', 'cli', 'src', 'main.ts');

/** A scratch folder with a configuration naming a fresh topic, group and output folder. */
export interface CliWorkspace {
  dir: string;
  configFile: string;
  topic: string;
  retryTopic: string;
  outputDir: string;
}

export interface WorkspaceOptions {
  handleUrl: string;
  /** Extra TOML appended to the generated configuration. */
  extraToml?: string;
  consumer?: Record<string, string | number | boolean>;
}

function tomlValue(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Creates a workspace whose configuration points at the test broker and `handleUrl`. */
export async function createCliWorkspace(options: WorkspaceOptions): Promise<CliWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'piddi-cli-'));
  const id = randomUUID().slice(0, 8);
  const workspace = {
    dir,
    configFile: join(dir, 'piddi.toml'),
    topic: `events-${id}`,
    retryTopic: `events-${id}-retry`,
    outputDir: join(dir, 'outputs'),
  };
  const consumer = {
    topic: workspace.topic,
    retry_topic: workspace.retryTopic,
    output_dir: workspace.outputDir,
    max_errors: -1,
    ...options.consumer,
  };
  const lines = [
    '[consumer]',
    ...Object.entries(consumer).map(([key, value]) => `${key} = ${tomlValue(value)}`),
    '[consumer.transient]',
    'retries = 1',
    'backoff_initial_ms = 50',
    'backoff_max_ms = 200',
    '[kafka]',
    `"bootstrap.servers" = "${kafkaBootstrapServers()}"`,
    `"group.id" = "piddi-${id}"`,
    '[handle]',
    `server_url = "${options.handleUrl}"`,
    'retries = 1',
    'timeout_ms = 5000',
    '[stats]',
    'interval_seconds = 5',
    options.extraToml ?? '',
  ];
  await writeFile(workspace.configFile, `${lines.join('\n')}\n`);
  await ensureTopics({ 'bootstrap.servers': kafkaBootstrapServers() }, [
    { topic: workspace.topic, partitions: 3 },
    { topic: workspace.retryTopic, partitions: 1 },
  ]);
  return workspace;
}

/** Sends events (objects are sent as JSON, strings as they are) keyed by their position. */
export async function publishEvents(topic: string, events: Array<object | string>): Promise<void> {
  const producer = await createEventProducer({ 'bootstrap.servers': kafkaBootstrapServers() });
  try {
    await Promise.all(
      events.map((event, index) =>
        producer.send(topic, {
          key: `event-${index}`,
          value: typeof event === 'string' ? event : JSON.stringify(event),
        }),
      ),
    );
  } finally {
    await producer.close();
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `piddiplatsch ARGS` in the workspace folder; the caller waits or kills it. */
export function startCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX_LOADER.href, MAIN, ...args], {
    cwd,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: join(WORKSPACE_ROOT, 'tsconfig.base.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a started CLI to end and gives what it printed. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

/** Runs `piddiplatsch ARGS` to its end. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return finished(startCli(args, cwd, env));
}

/** Polls `condition` every 200 ms until it holds or `timeoutMs` passes. */
export async function waitFor(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
