import { Writable } from 'node:stream';

import winston from 'winston';
import type Transport from 'winston-transport';

import type { StatusLine } from './status-line.js';

/** Options of {@link createStatusLineTransport}. */
export interface StatusLineTransportOptions {
  /** Lowest level printed; the logger's level when absent. */
  level?: string;
}

/**
 * A winston transport that prints each log line through the status line, so log output and
 * the status never share a terminal line. Use it in place of the console transport when
 * `--verbose` draws a status line; give it the console's format.
 */
export function createStatusLineTransport(
  statusLine: StatusLine,
  options: StatusLineTransportOptions = {},
): Transport {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      statusLine.log(String(chunk));
      done();
    },
  });
  return new winston.transports.Stream({ stream, level: options.level, eol: '\n' });
}
