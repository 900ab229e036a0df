import winston from 'winston';
import type { MockHandleLogger } from './logger.js';

/** A winston logger writing one line per event: time, level, message, then `key=value` fields. */
export function createConsoleLogger(level = 'info'): MockHandleLogger {
  const logger = winston.createLogger({
    level,
    format: winston.format.combine(winston.format.timestamp(), winston.format.printf(formatLine)),
    transports: [new winston.transports.Console()],
  });

  return {
    debug: (message, fields) => logger.debug(message, fields),
    info: (message, fields) => logger.info(message, fields),
    warn: (message, fields) => logger.warn(message, fields),
    error: (message, fields) => logger.error(message, fields),
  };
}

/** Renders a log entry; exported for its test. */
export function formatLine(entry: winston.Logform.TransformableInfo): string {
  const { level, message, timestamp, ...fields } = entry;
  const pairs = Object.entries(fields).map(([key, value]) => `${key}=${formatField(value)}`);
  return [timestamp, level, message, ...pairs].join(' ');
}

function formatField(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}
