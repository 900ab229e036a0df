import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import winston from 'winston';

import { closeLogger, createLogger } from './logging.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'piddi-logging-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('closeLogger', () => {
  it('flushes the file, then drops late lines instead of failing on them', async () => {
    const file = join(dir, 'pid.log');
    const consoleTransport = new winston.transports.Stream({ stream: new PassThrough() });
    const logger = createLogger({ file, debug: false, consoleTransport });
    logger.info('before the end');

    await closeLogger(logger);
    logger.info('after the end');
    await new Promise((resolve) => setImmediate(resolve));

    const text = await readFile(file, 'utf8');
    expect(text).toContain('before the end');
    expect(text).not.toContain('after the end');
    // An 'error' event nobody listens to would be thrown and end the process.
    expect(() => logger.emit('error', new Error('write after end'))).not.toThrow();
  });
});
