import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CONFIG_TEMPLATE_FILE } from './layout.js';
import type { JavaTools } from './prerequisites.js';
import { runCommand } from './run-command.js';
import { JVM_OPTIONS } from './server-process.js';
import type { ServerRuntime } from './server-runtime.js';

/** What the server folder is prepared for. */
export interface ServerFolderSpec {
  prefix: string;
  /** Admin handle holding the secret key at index 300, e.g. `21.T9999/ADMIN`. */
  adminHandle: string;
  password: string;
  httpPort: number;
  tcpPort: number;
}

/** A prepared server folder and the certificate its HTTPS interface presents. */
export interface ServerFolder {
  dir: string;
  /** PEM of the self-signed server certificate; a client trusts it as its CA. */
  certificate: string;
}

/**
 * Writes `config.dct` for loopback only and runs the setup program, which adds the keys, the
 * site record, the certificate and the admin handle: what the interactive setup would ask for.
 */
export async function prepareServerFolder(
  spec: ServerFolderSpec,
  tools: JavaTools,
  runtime: ServerRuntime,
): Promise<ServerFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'piddi-handle-server-'));
  try {
    await writeFile(join(dir, 'config.dct'), await renderConfig(spec));
    await runSetup(dir, spec, tools, runtime);
    return { dir, certificate: await readFile(join(dir, 'serverCertificate.pem'), 'utf8') };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function runSetup(
  dir: string,
  spec: ServerFolderSpec,
  tools: JavaTools,
  runtime: ServerRuntime,
): Promise<void> {
  const args = [
    ...JVM_OPTIONS,
    '-cp',
    runtime.setupClasspath,
    'HandleServerSetup',
    dir,
    spec.prefix,
  ];
  await runCommand('Preparing the Handle server folder', tools.java, [...args, spec.adminHandle], {
    // The secret goes by environment, not argument, so process listings do not show it.
    env: { ...process.env, HANDLE_ADMIN_SECRET: spec.password },
  });
}

async function renderConfig(spec: ServerFolderSpec): Promise<string> {
  const template = await readFile(CONFIG_TEMPLATE_FILE, 'utf8');
  const fields: Record<string, string> = {
    PREFIX: spec.prefix,
    ADMIN_HANDLE: spec.adminHandle,
    HTTP_PORT: String(spec.httpPort),
    TCP_PORT: String(spec.tcpPort),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in fields)) throw new Error(`${CONFIG_TEMPLATE_FILE} names unknown field ${name}`);
    return fields[name];
  });
}
