#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { parseServeFlags } from './cli-flags.js';
import { createConsoleLogger } from './console-logger.js';
import { startMockHandleServer } from './server.js';

// Open keep-alive connections may hold the server open; after this long it exits anyway.
const STOP_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const options = await parseServeFlags(hideBin(process.argv));
  const logger = createConsoleLogger();
  const server = await startMockHandleServer({ ...options, logger });
  process.stdout.write(
    `Mock Handle server for prefix ${server.prefix} listening on ${server.url}\n`,
  );

  const stop = (signal: NodeJS.Signals): void => {
    logger.info('stopping', { signal });
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    void server.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`piddi-mock-handle: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
});
