import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  signalProcessGroup,
  startSpawnedServer,
  stopSpawnedProcesses,
  waitForProcessGroupGone,
} from './spawned-server.js';

// Nx computes the project graph before it runs anything, so a start takes seconds.
const NX_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
// No daemon left behind by the test, and no attempt to reach a remote cache.
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const FLAGS = ['--port=0', '--prefix=21.NXTEST', '--username=300:21.NXTEST/admin'];

/** Resolves true once nothing answers at `url` any more, false after `timeoutMs`. */
async function waitUntilRefused(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
    } catch {
      return true;
    }
    await sleep(200);
  }
  return false;
}

describe('nx run mock-handle:serve', () => {
  afterEach(stopSpawnedProcesses);

  // Nx runs the server in a process group of its own, and npx ends on SIGTERM without passing
  // it on; a SIGTERM to the whole group (as a terminal or a supervisor sends it) reaches Nx,
  // which stops the server.
  it(
    'forwards the flags to the server, and stops it on SIGTERM to its process group',
    async () => {
      const args = ['nx', 'run', 'mock-handle:serve', ...FLAGS];
      const served = await startSpawnedServer('npx', args, NX_ENV);

      const admin = await fetch(`${served.url}/api/handles/21.NXTEST/admin`);
      signalProcessGroup(served.child, 'SIGTERM');
      const launcherGone = await waitForProcessGroupGone(served.child, STOP_TIMEOUT_MS);
      const serverGone = await waitUntilRefused(served.url, STOP_TIMEOUT_MS);

      expect(served.url).not.toMatch(/:8000$/);
      expect(admin.status).toBe(200);
      expect([launcherGone, serverGone]).toEqual([true, true]);
    },
    NX_TIMEOUT_MS,
  );
});
