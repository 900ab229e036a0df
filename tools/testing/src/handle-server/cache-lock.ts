import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 500;
// Longer than a cold Maven fetch takes; a lock this old was left by a process that died.
const STALE_AFTER_MS = 15 * 60_000;

/**
 * Runs `work` while holding a lock folder, so that test files starting servers at once (Jest
 * runs them in parallel) fetch the jars once instead of racing Maven on one local repository.
 */
export async function withCacheLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lock), { recursive: true });
  while (!(await tryLock(lock))) {
    if (await isStale(lock)) await rm(lock, { recursive: true, force: true });
    else await sleep(POLL_MS);
  }

  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function tryLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function isStale(lock: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lock)).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}
