import { type HandleAuth, validateAuth } from './auth.js';
import { HandleError } from './errors.js';
import { type HandleLogger, SILENT_LOGGER } from './logger.js';
import { resolveRetryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import type { TransportSettings } from './transport.js';

/** Options of a {@link HandleClient}. */
export interface HandleClientOptions {
  /** Root of the Handle server, e.g. `https://hdl.example.org:8000`; `/api/handles` is added. */
  baseUrl: string;
  /** Credentials for writes, deletes and listing; reads work without. */
  auth?: HandleAuth;
  /** Extra trusted CA certificates (PEM), e.g. to trust a server's self-signed certificate. */
  ca?: string | Buffer | Array<string | Buffer>;
  /**
   * Verify the server's TLS certificate. Turning it off lets anyone on the path read the
   * credentials; the client logs a warning when it is off.
   * @default true
   */
  rejectUnauthorized?: boolean;
  /**
   * Limit of one request attempt, from sending to the end of the answer.
   * @default 10000
   */
  timeoutMs?: number;
  /** How timeouts, network errors, 5xx and 429 answers are retried. */
  retry?: RetryOptions;
  /**
   * Requests in flight at once; further requests wait in a queue.
   * @default 16
   */
  maxConcurrency?: number;
  /** Receives debug lines per request and warnings on retries. @default silent */
  logger?: HandleLogger;
}

/** Client options with defaults applied and checked. */
export interface ClientSettings extends TransportSettings {
  retry: RetryPolicy;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_CONCURRENCY = 16;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Applies defaults, refuses options that cannot work, and warns about unsafe ones once. */
export function resolveClientSettings(options: HandleClientOptions): ClientSettings {
  const baseUrl = parseBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw invalidOptions(`timeoutMs must be a positive number, got ${options.timeoutMs}`);
  }
  if (options.auth) validateAuth(options.auth, baseUrl);

  const settings: ClientSettings = {
    baseUrl,
    auth: options.auth,
    ca: options.ca,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    timeoutMs,
    maxConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
    logger: options.logger ?? SILENT_LOGGER,
    retry: resolveRetryPolicy(options.retry),
  };
  warnAboutUnsafeSettings(settings);

  return settings;
}

function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidOptions(`baseUrl ${JSON.stringify(redactUserinfo(raw))} is not a URL`);
  }
  if (url.username || url.password) {
    throw invalidOptions('baseUrl must not hold credentials; pass them in the auth option');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidOptions(`baseUrl must start with http:// or https://, not ${url.protocol}`);
  }
  // A base without a trailing slash would lose its last path segment when joined.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

// A string that fails to parse may still hold `user:password@`; everything from the scheme to
// the last `@` is dropped, since where the user info ends is not known in a broken URL.
function redactUserinfo(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at < 0) return raw;

  const scheme = /^[a-z][a-z\d+.-]*:\/*/i.exec(raw)?.[0] ?? '';
  return `${scheme}[redacted]${raw.slice(at)}`;
}

function warnAboutUnsafeSettings(settings: ClientSettings): void {
  const server = settings.baseUrl.origin;
  if (!settings.rejectUnauthorized) {
    settings.logger.warn('TLS certificate verification is off: the server identity is unchecked', {
      server,
    });
  }
  const sendsPassword = settings.auth !== undefined && !('clientCert' in settings.auth);
  if (sendsPassword && settings.baseUrl.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(settings.baseUrl.hostname)) {
      settings.logger.warn('The password is sent unencrypted over plain HTTP', { server });
    }
  }
}

function invalidOptions(reason: string): HandleError {
  return new HandleError('INVALID_OPTIONS', `Invalid Handle client options: ${reason}`);
}
