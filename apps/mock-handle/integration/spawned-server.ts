import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The workspace root, where the executable and Nx are run from. */
export const WORKSPACE = join(import.meta.dirname, '..', '..', '..');

const ADDRESS = /listening on (http:\/\/\S+)/;
const STOP_GRACE_MS = 10_000;
const POLL_MS = 100;

const started: ChildProcess[] = [];

/** A server process that printed its address. */
export interface SpawnedServer {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Everything it wrote so far, stdout and stderr. */
  output: () => string;
}

/** How a process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Starts a command in the workspace and waits for the address the mock server prints. */
export function startSpawnedServer(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  const child = spawnInWorkspace(command, args, env);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ADDRESS.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before listening: ${output}`)),
    );
  });
}

// Launchers (tsx, npx, Nx) run the server in child processes of their own; a process group of
// their own lets the cleanup stop all of them, even when a test failed before its signal.
/** Spawns a command in the workspace, in a process group of its own. */
export function spawnInWorkspace(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  const child = spawn(command, args, {
    cwd: WORKSPACE,
    env: { ...process.env, ...env },
    detached: true,
  });
  started.push(child);
  return child;
}

/**
 * Stops every process group spawned here: SIGTERM first, so that a launcher can pass it on to
 * a server it runs in a group of its own (as Nx does), then SIGKILL for what is left.
 */
export async function stopSpawnedProcesses(): Promise<void> {
  for (const child of started.splice(0)) {
    signalProcessGroup(child, 'SIGTERM');
    if (!(await waitForProcessGroupGone(child, STOP_GRACE_MS))) {
      signalProcessGroup(child, 'SIGKILL');
    }
  }
}

/** Sends a signal to the whole process group of a spawned process, as a terminal does. */
export function signalProcessGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // The whole group is gone already.
  }
}

/** Resolves true once no process of the group is left, false after `timeoutMs`. */
export async function waitForProcessGroupGone(
  child: ChildProcess,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessGroupAlive(child)) return true;
    await sleep(POLL_MS);
  }
  return !isProcessGroupAlive(child);
}

function isProcessGroupAlive(child: ChildProcess): boolean {
  try {
    if (child.pid === undefined) return false;
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the process has ended. */
export function waitForExit(child: ChildProcess): Promise<ProcessExit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
