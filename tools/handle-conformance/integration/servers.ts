import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe } from '@jest/globals';
import { startMockHandleServer } from '@piddi/mock-handle';
import { checkHandleServerPrerequisites, startHandleServer } from '@piddi/testing';

/** Which implementation of the REST API a test talks to. */
export type ServerKind = 'real' | 'mock';

/** What a test needs to know about the server it talks to. */
export interface ServerUnderTest {
  kind: ServerKind;
  url: string;
  prefix: string;
  adminHandle: string;
  /** Basic-auth user, unencoded: `300:PREFIX/ADMIN`. */
  username: string;
  password: string;
  /** The certificate to trust; absent when the server speaks plain HTTP. */
  ca?: string;
}

interface ServerTarget {
  kind: ServerKind;
  name: string;
  /** Why this server cannot run here; undefined when it can. */
  unavailable?: string;
  start(): Promise<{ server: ServerUnderTest; stop: () => Promise<void> }>;
}

/** Both servers serve this prefix with this admin, so one assertion fits both. */
const PREFIX = '21.T9999';
const ADMIN_HANDLE = `${PREFIX}/ADMIN`;
const USERNAME = `300:${ADMIN_HANDLE}`;
// Fetching the jars on a cold cache takes a while on top of the server's own start.
const START_TIMEOUT_MS = 300_000;

/**
 * Declares `body` once per server with `describe.each`. A server that cannot run on this machine
 * (no Java, or no Maven for the first fetch) gets a skipped block whose title says why, and a
 * warning in the output; a server that can run but fails to start fails every test.
 */
export function describeEachServer(
  title: string,
  body: (server: () => ServerUnderTest, kind: ServerKind) => void,
): void {
  const targets = [realServerTarget(), mockServerTarget()];
  for (const target of targets.filter((candidate) => candidate.unavailable)) {
    console.warn(`${title}: the ${target.name} is skipped: ${target.unavailable}`);
    describe.skip(`${title} on the ${target.name} (skipped: ${target.unavailable})`, () =>
      body(() => notStarted(target), target.kind));
  }

  const runnable = targets.filter((candidate) => !candidate.unavailable);
  describe.each(runnable)(`${title} on the $name`, (target) => {
    body(useServer(target), target.kind);
  });
}

function useServer(target: ServerTarget): () => ServerUnderTest {
  let started: Awaited<ReturnType<ServerTarget['start']>> | undefined;
  beforeAll(async () => {
    started = await target.start();
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await started?.stop();
  });
  return () => started?.server ?? notStarted(target);
}

function realServerTarget(): ServerTarget {
  const prerequisites = checkHandleServerPrerequisites();
  const unavailable = prerequisites.available ? undefined : prerequisites.reason;
  const start = async () => {
    const real = await startHandleServer({ prefix: PREFIX, password: newPassword() });
    const how = real.startup.downloadedJars ? 'cold: jars fetched' : 'warm: jars cached';
    console.info(`real Handle server up in ${real.startup.totalMs} ms (${how})`, real.startup);
    return { server: { ...real, kind: 'real' as const }, stop: real.stop };
  };
  return { kind: 'real', name: 'real Handle.Net server', unavailable, start };
}

function mockServerTarget(): ServerTarget {
  const start = async () => {
    const password = newPassword();
    const options = { port: 0, prefix: PREFIX, username: USERNAME, password };
    const mock = await startMockHandleServer(options);
    const server = { ...options, kind: 'mock' as const, url: mock.url, adminHandle: ADMIN_HANDLE };
    return { server, stop: mock.close };
  };
  return { kind: 'mock', name: 'mock Handle server', start };
}

function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

function notStarted(target: ServerTarget): never {
  throw new Error(`The ${target.name} is not running: ${target.unavailable ?? 'its start failed'}`);
}
