import winston from 'winston';
import type Transport from 'winston-transport';

/** What every library accepts as its `logger` option. Winston loggers satisfy it. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** Log file, JSON lines; `pid.log` by default. */
  file: string;
  debug: boolean;
  /** Replaces the plain console transport, e.g. to print log lines above the status line. */
  consoleTransport?: Transport;
}

const SECRET_FIELD = /pass(word)?|secret|token|authorization|credential|private.?key/i;
const REDACTED = '********';

/** Replaces the values of fields whose names say they hold a secret, at any depth. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((entry) => redactSecrets(entry, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      SECRET_FIELD.test(key) ? REDACTED : redactSecrets(entry, depth + 1),
    ]),
  );
}

const redact = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (SECRET_FIELD.test(key)) info[key] = REDACTED;
    else info[key] = redactSecrets(info[key]);
  }
  return info;
});

const consoleLine = winston.format.printf(({ level, message, timestamp, ...fields }) => {
  const details = Object.entries(fields)
    .filter(([key]) => typeof key === 'string')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${timestamp} ${level.padEnd(5)} ${message}${details ? ` ${details}` : ''}`;
});

/** Creates the CLI's logger: structured JSON lines to the file, one readable line to stderr. */
export function createLogger(options: LoggerOptions): winston.Logger {
  const level = options.debug ? 'debug' : 'info';
  const consoleTransport =
    options.consoleTransport ??
    new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'] });
  consoleTransport.format = winston.format.combine(
    winston.format.timestamp({ format: 'HH:mm:ss' }),
    consoleLine,
  );

  return winston.createLogger({
    level,
    format: winston.format.combine(redact(), winston.format.timestamp()),
    transports: [
      new winston.transports.File({ filename: options.file, format: winston.format.json() }),
      consoleTransport,
    ],
  });
}

/**
 * Ends a winston logger and waits until its file is flushed. Lines logged after the end, by
 * handlers that a stop gave up on, are dropped instead of ending the process with an error.
 */
export async function closeLogger(logger: winston.Logger): Promise<void> {
  const finished = new Promise<void>((resolve) => logger.on('finish', () => resolve()));
  logger.on('error', () => {});
  logger.end();
  await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 2000))]);
}
