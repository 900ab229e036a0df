import { readFileSync } from 'node:fs';

import { HandleClient, type HandleAuth } from '@piddi/handle-client';

import type { HandleConfig } from '../config/index.js';
import type { Logger } from '../logging.js';

function readPem(path: string, key: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`Cannot read handle.${key} ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function handleAuth(config: HandleConfig): HandleAuth {
  if (config.client_cert) {
    return {
      clientCert: {
        cert: readPem(config.client_cert, 'client_cert'),
        key: readPem(config.client_key, 'client_key'),
      },
    };
  }
  return { username: config.username, password: config.password };
}

/** The Handle client the `[handle]` section describes. */
export function createHandleClient(config: HandleConfig, logger: Logger): HandleClient {
  return new HandleClient({
    baseUrl: config.server_url,
    auth: handleAuth(config),
    ca: config.ca_cert ? readPem(config.ca_cert, 'ca_cert') : undefined,
    rejectUnauthorized: config.verify_tls,
    timeoutMs: config.timeout_ms,
    retry: { limit: config.retries },
    maxConcurrency: config.max_concurrency,
    logger,
  });
}
