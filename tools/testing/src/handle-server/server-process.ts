import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

import { HandleServerStartError } from './errors.js';
import { tail } from './run-command.js';

/** How to run and reach one server. */
export interface ServerProcessSpec {
  java: string;
  classpath: string;
  dir: string;
  httpPort: number;
  certificate: string;
  /** A handle the server holds; answering it with 200 means the REST API is up. */
  probeHandle: string;
  startTimeoutMs: number;
}

/** A running server process. */
export interface ServerProcess {
  stop(): Promise<void>;
}

const PROBE_INTERVAL_MS = 250;
const STOP_GRACE_MS = 10_000;
/**
 * Enough for a test server (without a limit the JVM would reserve a quarter of the machine);
 * the quick compiler alone makes the short-lived setup and a test server start sooner.
 */
export const JVM_OPTIONS = [
  '-Xmx512m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Djava.awt.headless=true',
];

/**
 * Starts `net.handle.server.Main` on a prepared folder and resolves once its REST API answers.
 * Rejects with {@link HandleServerStartError} (with the server's last output) when the process
 * exits first or the timeout passes; `portTaken` is set when another process had the port.
 */
export async function runServerProcess(spec: ServerProcessSpec): Promise<ServerProcess> {
  // The resolver inside the server reads its settings from this folder, not from ~/.handle.
  const resolverConfig = `-Dnet.handle.configDir=${spec.dir}`;
  const args = [
    ...JVM_OPTIONS,
    resolverConfig,
    '-cp',
    spec.classpath,
    'net.handle.server.Main',
    spec.dir,
  ];
  const child = spawn(spec.java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => (output = tail(output + chunk.toString('utf8')));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  // A test run that dies must not leave a Java server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  try {
    await waitUntilAnswering(spec, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

async function waitUntilAnswering(
  spec: ServerProcessSpec,
  child: ChildProcess,
  readOutput: () => string,
): Promise<void> {
  const deadline = Date.now() + spec.startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new PortAwareStartError('The Handle server exited during start', readOutput());
    }
    if (await probe(spec)) return;
    await sleep(PROBE_INTERVAL_MS);
  }
  throw new PortAwareStartError(
    `The Handle server did not answer within ${spec.startTimeoutMs} ms`,
    readOutput(),
  );
}

function probe(spec: ServerProcessSpec): Promise<boolean> {
  const path = `/api/handles/${spec.probeHandle}`;
  const options = { host: '127.0.0.1', port: spec.httpPort, path, ca: spec.certificate };
  return new Promise((resolve) => {
    const request = https.get({ ...options, timeout: 2000, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // SIGTERM runs the server's shutdown hook, which closes its database cleanly.
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** A start failure that knows whether the cause was a port taken by another process. */
export class PortAwareStartError extends HandleServerStartError {
  readonly portTaken: boolean;

  constructor(message: string, output: string) {
    super(message, output);
    this.portTaken = /BindException|Address already in use/.test(output);
  }
}
