import { rm } from 'node:fs/promises';

import { findFreePort } from '../free-port.js';
import type { JavaTools } from './prerequisites.js';
import { prepareServerFolder, type ServerFolder } from './server-folder.js';
import { PortAwareStartError, runServerProcess } from './server-process.js';
import type { ServerRuntime } from './server-runtime.js';

/** What to launch a server for. */
export interface LaunchSpec {
  prefix: string;
  adminHandle: string;
  password: string;
  startTimeoutMs: number;
}

/** A launched server and how long its two steps took. */
export interface LaunchedServer {
  url: string;
  /** PEM of the certificate the server presents. */
  ca: string;
  setupMs: number;
  launchMs: number;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

const BIND_ATTEMPTS = 3;

/**
 * Prepares a server folder on two free ports and launches the server there, trying new ports
 * when another process took one in between.
 */
export async function launchOnFreePorts(
  tools: JavaTools,
  runtime: ServerRuntime,
  spec: LaunchSpec,
): Promise<LaunchedServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launchOnce(tools, runtime, spec);
    } catch (error) {
      const portTaken = error instanceof PortAwareStartError && error.portTaken;
      if (!portTaken || attempt >= BIND_ATTEMPTS) throw error;
    }
  }
}

async function launchOnce(
  tools: JavaTools,
  runtime: ServerRuntime,
  spec: LaunchSpec,
): Promise<LaunchedServer> {
  const httpPort = await findFreePort();
  const tcpPort = await findFreePort();
  const setupStarted = performance.now();
  const folder = await prepareServerFolder({ ...spec, httpPort, tcpPort }, tools, runtime);
  const launchStarted = performance.now();

  const serverProcess = await runProcessOrCleanUp(folder, () =>
    runServerProcess({
      java: tools.java,
      classpath: runtime.classpath,
      dir: folder.dir,
      httpPort,
      certificate: folder.certificate,
      probeHandle: spec.adminHandle,
      startTimeoutMs: spec.startTimeoutMs,
    }),
  );

  return {
    url: `https://127.0.0.1:${httpPort}`,
    ca: folder.certificate,
    setupMs: Math.round(launchStarted - setupStarted),
    launchMs: Math.round(performance.now() - launchStarted),
    stop: async () => {
      await serverProcess.stop();
      await removeFolder(folder);
    },
  };
}

async function runProcessOrCleanUp<T>(folder: ServerFolder, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await removeFolder(folder);
    throw error;
  }
}

function removeFolder(folder: ServerFolder): Promise<void> {
  return rm(folder.dir, { recursive: true, force: true });
}
