import { describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { Writable } from 'node:stream';

import winston from 'winston';

import type { IntervalTimer } from './clock.js';
import { ConsumerStats } from './consumer-stats.js';
import { ERASE_LINE, StatusLine } from './status-line.js';
import { createStatusLineTransport } from './status-line-transport.js';

class TerminalStream extends Writable {
  output = '';
  isTTY = true;
  columns = 200;

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.output += chunk.toString();
    done();
  }
}

const IDLE_TIMER: IntervalTimer = { setInterval: () => 0, clearInterval: () => {} };

describe('createStatusLineTransport', () => {
  it('routes winston log lines above the live status line', async () => {
    const stream = new TerminalStream();
    const stats = new ConsumerStats({ clock: () => 0 });
    const statusLine = new StatusLine({ stats, stream, clock: () => 0, timer: IDLE_TIMER });
    const transport = createStatusLineTransport(statusLine);
    const logger = winston.createLogger({
      format: winston.format.printf(({ level, message }) => `${level}: ${String(message)}`),
      transports: [transport],
    });
    statusLine.start();
    stream.output = '';

    logger.info('consumer started');
    await once(transport, 'logged');

    expect(stream.output).toBe(
      `${ERASE_LINE}info: consumer started\n${ERASE_LINE}messages 0 (0.00/s) | handles 0 (0.00/s) | errors 0 | skipped 0 | 00:00:00`,
    );
  });

  it('honours its own level', async () => {
    const stream = new TerminalStream();
    const stats = new ConsumerStats({ clock: () => 0 });
    const statusLine = new StatusLine({ stats, stream, clock: () => 0, timer: IDLE_TIMER });
    const transport = createStatusLineTransport(statusLine, { level: 'warn' });
    const logger = winston.createLogger({
      format: winston.format.printf(({ message }) => String(message)),
      transports: [transport],
    });

    logger.info('hidden');
    logger.warn('shown');
    await once(transport, 'logged');

    expect(stream.output).toBe('shown\n');
  });
});
