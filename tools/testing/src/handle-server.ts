import { randomBytes } from 'node:crypto';

import { launchOnFreePorts } from './handle-server/launch.js';
import { resolveCacheLayout } from './handle-server/layout.js';
import { requireJavaTools } from './handle-server/prerequisites.js';
import { prepareServerRuntime } from './handle-server/server-runtime.js';

export {
  HandleServerError,
  type HandleServerErrorCode,
  HandleServerStartError,
  HandleServerUnavailableError,
} from './handle-server/errors.js';
export {
  checkHandleServerPrerequisites,
  type HandleServerPrerequisites,
} from './handle-server/prerequisites.js';

/** Receives one line when the server is up, with how long each step took. */
export interface HandleServerLogger {
  info(message: string, fields?: Record<string, unknown>): void;
}

/** How to start a real Handle server. Every field is optional. */
export interface HandleServerOptions {
  /** The prefix the server is home to. @default '21.T9999' */
  prefix?: string;
  /** Suffix of the admin handle under the prefix. @default 'ADMIN' */
  adminSuffix?: string;
  /** Secret key of the admin handle. @default a random one */
  password?: string;
  /** Limit for the server to answer once launched; fetching the jars comes on top. @default 60000 */
  startTimeoutMs?: number;
  /** @default silent */
  logger?: HandleServerLogger;
}

/** How long a start took; `downloadedJars` tells a cold start from a warm one. */
export interface HandleServerStartup {
  downloadedJars: boolean;
  runtimeMs: number;
  setupMs: number;
  launchMs: number;
  totalMs: number;
}

/** A running Handle.Net server on loopback with its REST API over HTTPS. */
export interface StartedHandleServer {
  /** Base URL, e.g. `https://127.0.0.1:41234`; the REST API is under `/api/handles`. */
  url: string;
  prefix: string;
  /** Basic-auth user, `300:PREFIX/ADMIN`: index of the secret key and the admin handle. */
  username: string;
  password: string;
  /** The admin handle, e.g. `21.T9999/ADMIN`. */
  adminHandle: string;
  /** PEM of the server's self-signed certificate, to trust as the only CA. */
  ca: string;
  startup: HandleServerStartup;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

const SILENT: HandleServerLogger = { info: () => undefined };

/**
 * Starts the Handle.Net server software (the Java release on Maven Central) with a fresh store:
 * one homed prefix, an admin handle with a secret key at index 300, HTTPS with a certificate for
 * 127.0.0.1. The first start fetches the jars with Maven into a cache (see `PIDDI_CACHE_DIR`).
 * @throws HandleServerUnavailableError when Java or Maven is missing: tests skip on it.
 * @throws HandleServerStartError when the server does not come up: tests fail on it.
 */
export async function startHandleServer(
  options: HandleServerOptions = {},
): Promise<StartedHandleServer> {
  const started = performance.now();
  const tools = requireJavaTools();
  const runtime = await prepareServerRuntime(tools, resolveCacheLayout());
  const runtimeMs = performance.now() - started;

  const prefix = options.prefix ?? '21.T9999';
  const adminHandle = `${prefix}/${options.adminSuffix ?? 'ADMIN'}`;
  const password = options.password ?? randomBytes(18).toString('base64url');
  const launched = await launchOnFreePorts(tools, runtime, {
    prefix,
    adminHandle,
    password,
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
  });

  const startup = {
    downloadedJars: runtime.downloaded,
    runtimeMs: Math.round(runtimeMs),
    setupMs: launched.setupMs,
    launchMs: launched.launchMs,
    totalMs: Math.round(performance.now() - started),
  };
  (options.logger ?? SILENT).info('Handle server started', { url: launched.url, ...startup });
  const { url, ca, stop } = launched;
  return { url, ca, stop, prefix, adminHandle, password, username: `300:${adminHandle}`, startup };
}
