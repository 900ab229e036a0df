import { type HandleUser, parseHandleUser } from './auth.js';
import { MockHandleError } from './errors.js';
import { SILENT_LOGGER, type MockHandleLogger } from './logger.js';

/** How to start a mock Handle server. Every field is optional. */
export interface MockHandleServerOptions {
  /** Address to listen on. @default '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 takes any free port. @default 0 */
  port?: number;
  /** The one prefix the server serves; others are refused with responseCode 301. @default '21.TEST' */
  prefix?: string;
  /** Admin user for writes, `INDEX:PREFIX/SUFFIX`. @default '300:21.TEST/testuser' */
  username?: string;
  /** Password of that user. @default 'testpass' */
  password?: string;
  /** Milliseconds added before every answer, to play a remote server. @default 0 */
  latencyMs?: number;
  /** Share (0 to 1) of writes answered 500 with responseCode 2, to exercise retries. @default 0 */
  failRate?: number;
  /** JSON file that keeps the handles across restarts; without it they live in memory only. */
  storeFile?: string;
  /** Receives one line per request. @default silent */
  logger?: MockHandleLogger;
}

/** Options with every default applied and checked. */
export interface ServerSettings {
  host: string;
  port: number;
  prefix: string;
  user: HandleUser;
  password: string;
  latencyMs: number;
  failRate: number;
  storeFile: string | undefined;
  logger: MockHandleLogger;
}

export const DEFAULT_OPTIONS = {
  host: '127.0.0.1',
  port: 0,
  prefix: '21.TEST',
  username: '300:21.TEST/testuser',
  password: 'testpass',
  latencyMs: 0,
  failRate: 0,
} as const;

/**
 * Applies the defaults and refuses options the server cannot work with.
 * @throws MockHandleError with code `INVALID_OPTIONS`.
 */
export function resolveSettings(options: MockHandleServerOptions = {}): ServerSettings {
  const merged = { ...DEFAULT_OPTIONS, ...withoutUndefined(options) };

  const user = parseHandleUser(merged.username);
  if (!user) {
    throw invalidOptions(
      `Username ${merged.username} is not INDEX:PREFIX/SUFFIX, e.g. 300:21.TEST/me`,
    );
  }
  assertRange('port', merged.port, 0, 65535, true);
  assertRange('latencyMs', merged.latencyMs, 0, Number.MAX_SAFE_INTEGER, false);
  assertRange('failRate', merged.failRate, 0, 1, false);
  if (merged.prefix === '' || merged.prefix.includes('/')) {
    throw invalidOptions(`Prefix ${merged.prefix} must be a bare prefix such as 21.TEST`);
  }

  return {
    host: merged.host,
    port: merged.port,
    prefix: merged.prefix,
    user,
    password: merged.password,
    latencyMs: merged.latencyMs,
    failRate: merged.failRate,
    storeFile: options.storeFile,
    logger: options.logger ?? SILENT_LOGGER,
  };
}

function assertRange(name: string, value: number, min: number, max: number, whole: boolean) {
  const fits = Number.isFinite(value) && value >= min && value <= max;
  if (fits && (!whole || Number.isInteger(value))) return;

  throw invalidOptions(`Option ${name} is ${value}; give a number from ${min} to ${max}`);
}

function invalidOptions(message: string): MockHandleError {
  return new MockHandleError('INVALID_OPTIONS', message);
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
