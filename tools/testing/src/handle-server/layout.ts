import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the harness's non-TypeScript parts live: the pom, the config template, the setup. */
export const ASSETS_DIR = join(import.meta.dirname, '..', '..', '..', 'handle-server');
export const POM_FILE = join(ASSETS_DIR, 'pom.xml');
export const CONFIG_TEMPLATE_FILE = join(ASSETS_DIR, 'config.dct.template');
export const SETUP_SOURCE_FILE = join(ASSETS_DIR, 'HandleServerSetup.java');

/** Files and folders of one cached server version. */
export interface CacheLayout {
  version: string;
  root: string;
  /** The server's jars and their dependencies. */
  lib: string;
  /** The compiled setup program. */
  classes: string;
}

/** The Handle server version the pom asks for, e.g. `9.2.0.v20190814`. */
export function readServerVersion(): string {
  const pom = readFileSync(POM_FILE, 'utf8');
  const version = /<handle\.version>([^<]+)<\/handle\.version>/.exec(pom)?.[1];
  if (!version) throw new Error(`${POM_FILE} has no <handle.version> property`);
  return version;
}

/**
 * The cache of one server version, kept between runs so that only the first start downloads.
 * `PIDDI_CACHE_DIR` moves it, e.g. to a folder a CI job keeps.
 */
export function resolveCacheLayout(env: NodeJS.ProcessEnv = process.env): CacheLayout {
  const version = readServerVersion();
  const base =
    env.PIDDI_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'piddi');
  const root = join(base, `handle-server-${version}`);
  return { version, root, lib: join(root, 'lib'), classes: join(root, 'setup-classes') };
}
