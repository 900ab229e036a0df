#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';

import { buildCli } from './cli.js';
import { printError } from './commands/print-error.js';

// The commands report their own errors; this catches what slips past them (yargs rethrows a
// nested command's synchronous error instead of handing it to .fail), so that no run ends in
// a stack trace.
try {
  await buildCli(hideBin(process.argv)).parseAsync();
} catch (error) {
  printError(error);
}
