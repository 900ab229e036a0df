import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';

import { configCommand } from './commands/config-command.js';
import { printError } from './commands/print-error.js';
import { consumeCommand } from './commands/consume-command.js';
import { retryCommand } from './commands/retry-command.js';

/** The options every command takes. */
export interface GlobalOptions {
  config?: string;
  debug: boolean;
  verbose: boolean;
  log: string;
}

function readVersion(): string {
  const manifest = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

// Errors of the commands themselves are reported by the commands; what reaches here is a
// mistake on the command line (or a configuration that cannot be loaded), said in one line.
// A failed .check() hands over its message as a string rather than an Error.
function reportUsageError(message: string | null, error: unknown, cli: Argv): void {
  if (error) {
    printError(error instanceof Error ? error : (message ?? error));
  } else {
    cli.showHelp('error');
    process.stderr.write(`\n${message}\n`);
  }
  process.exit(1);
}

/** The `piddiplatsch` command line: global options and the consume, retry and config commands. */
export function buildCli(args: string[]): Argv<GlobalOptions> {
  return yargs(args)
    .scriptName('piddiplatsch')
    .usage(
      '$0 [options] <command>\n\nRegisters Handles for ESGF datasets and files announced on Kafka.',
    )
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'TOML file merged over the built-in configuration',
    })
    .option('debug', { type: 'boolean', default: false, describe: 'Log at debug level' })
    .option('verbose', {
      alias: 'v',
      type: 'boolean',
      default: false,
      describe: 'Show a live status line and performance figures on the console',
    })
    .option('log', { alias: 'l', type: 'string', default: 'pid.log', describe: 'Log file' })
    .command(consumeCommand)
    .command(retryCommand)
    .command(configCommand)
    .demandCommand(1, 'Name a command: consume, retry or config.')
    .strict()
    .fail(reportUsageError)
    .version(readVersion())
    .alias('h', 'help')
    .alias('V', 'version')
    .epilogue('Environment variables PIDDI_<SECTION>_<KEY> override the configuration.')
    .wrap(100) as unknown as Argv<GlobalOptions>;
}
