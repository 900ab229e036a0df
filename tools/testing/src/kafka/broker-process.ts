import { setTimeout as sleep } from 'node:timers/promises';
import { rm } from 'node:fs/promises';

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
