import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { withCacheLock } from './cache-lock.js';
import { HandleServerUnavailableError } from './errors.js';
import { type CacheLayout, POM_FILE, SETUP_SOURCE_FILE } from './layout.js';
import type { JavaTools } from './prerequisites.js';
import { runCommand } from './run-command.js';

/** The jars to run the server with and the compiled setup program. */
export interface ServerRuntime {
  classpath: string;
  setupClasspath: string;
  /** True when this call fetched the jars, i.e. a cold start. */
  downloaded: boolean;
}

const COMPLETE_MARKER = '.complete';

/**
 * Makes sure the cache holds the server's jars and the compiled setup program, fetching and
 * compiling only what is missing, under a lock shared by concurrent test runs. Each part is
 * built in a private folder and renamed into place, so a run that dies leaves no half cache.
 */
export async function prepareServerRuntime(
  tools: JavaTools,
  layout: CacheLayout,
): Promise<ServerRuntime> {
  const classpath = join(layout.lib, '*');
  const classes = join(layout.classes, hashSetupSource());
  const runtime = (downloaded: boolean) => ({
    classpath,
    setupClasspath: `${classes}:${classpath}`,
    downloaded,
  });
  if (hasJars(layout) && hasSetup(classes)) return runtime(false);

  const downloaded = await withCacheLock(`${layout.root}.lock`, async () => {
    const fetching = !hasJars(layout);
    if (fetching) await fetchJars(tools, layout);
    if (!hasSetup(classes)) await compileSetup(tools, classpath, classes);
    return fetching;
  });
  return runtime(downloaded);
}

function hasJars(layout: CacheLayout): boolean {
  return existsSync(join(layout.lib, COMPLETE_MARKER));
}

function hasSetup(classes: string): boolean {
  return existsSync(join(classes, 'HandleServerSetup.class'));
}

async function fetchJars(tools: JavaTools, layout: CacheLayout): Promise<void> {
  if (!tools.mvn) throw new HandleServerUnavailableError('Maven (mvn) is needed to fetch the jars');
  const staging = `${layout.lib}.${randomUUID()}`;

  const args = ['-q', '-B', '-f', POM_FILE, 'dependency:copy-dependencies'];
  await runCommand('Fetching the Handle server jars with Maven', tools.mvn, [
    ...args,
    `-DoutputDirectory=${staging}`,
  ]);
  await writeFile(join(staging, COMPLETE_MARKER), `${layout.version}\n`);
  await moveIntoPlace(staging, layout.lib);
}

async function compileSetup(tools: JavaTools, classpath: string, classes: string): Promise<void> {
  const staging = `${classes}.${randomUUID()}`;
  await mkdir(staging, { recursive: true });

  const args = ['-cp', classpath, '-d', staging, SETUP_SOURCE_FILE];
  await runCommand('Compiling the Handle server setup program', tools.javac, args);
  await moveIntoPlace(staging, classes);
}

async function moveIntoPlace(staging: string, target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
}

function hashSetupSource(): string {
  return createHash('sha256').update(readFileSync(SETUP_SOURCE_FILE)).digest('hex').slice(0, 16);
}
