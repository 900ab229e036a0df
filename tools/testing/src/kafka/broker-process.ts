import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const STOP_GRACE_MS = 15_000;
const KILL_GRACE_MS = 5_000;

/** Whether a process with this id exists (EPERM: it does, but belongs to someone else). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessRunning(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Stops a broker JVM the way an operator would: SIGTERM for a controlled shutdown, SIGKILL if
 * it has not ended after a grace period; then deletes its data folder.
 */
export async function stopBrokerProcess(pid: number, dataDir: string): Promise<void> {
  // kill() with 0 or a negative id signals whole process groups: never pass one on.
  if (!Number.isInteger(pid) || pid <= 0) throw new RangeError(`Not a broker process id: ${pid}`);

  sendSignal(pid, 'SIGTERM');
  if (!(await waitForExit(pid, STOP_GRACE_MS))) {
    sendSignal(pid, 'SIGKILL');
    await waitForExit(pid, KILL_GRACE_MS);
  }
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * Starts a small shell process that stops the broker and deletes its data once `ownerPid` is
 * gone: a test run killed by a signal runs no exit handlers, and would leave the JVM behind.
 * Returns a function that ends the watchdog when the broker is stopped the normal way.
 */
export function watchForOrphanedBroker(ownerPid: number, brokerPid: number, dataDir: string) {
  const script = [
    `while kill -0 ${ownerPid} 2>/dev/null; do sleep 2; done`,
    `kill -TERM ${brokerPid} 2>/dev/null`,
    `i=0; while kill -0 ${brokerPid} 2>/dev/null && [ $i -lt 15 ]; do sleep 1; i=$((i+1)); done`,
    `kill -KILL ${brokerPid} 2>/dev/null`,
    `rm -rf "$1"`,
  ].join('; ');
  const watchdog = spawn('/bin/sh', ['-c', script, 'piddi-kafka-watchdog', dataDir], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.once('error', () => undefined);
  watchdog.unref();
  return () => {
    if (watchdog.exitCode === null) watchdog.kill('SIGKILL');
  };
}
