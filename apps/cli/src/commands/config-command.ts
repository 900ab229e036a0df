import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

import type { GlobalOptions } from '../cli.js';
import { loadConfig } from '../config/load-config.js';
import { showConfig } from '../config/show-config.js';
import { validateConfigFile } from '../config/validate-config.js';
import { checkConsumerSettings } from '../consume/source-options.js';
import { printError } from './print-error.js';

interface ShowOptions extends GlobalOptions {
  format: 'toml' | 'json';
  section?: string;
  key?: string;
}

function validate(args: ArgumentsCamelCase<GlobalOptions>): void {
  const { errors, warnings } = validateConfigFile(args.config, process.env, [
    checkConsumerSettings,
  ]);
  const source = args.config ?? 'the built-in configuration';
  for (const warning of warnings) console.log(`warning: ${warning.message}`);
  for (const error of errors) console.log(`error: ${error.message}`);
  if (errors.length > 0) {
    console.log(`${source} is not valid: ${errors.length} error(s).`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `${source} is valid${warnings.length > 0 ? `, with ${warnings.length} warning(s)` : ''}.`,
  );
}

function show(args: ArgumentsCamelCase<ShowOptions>): void {
  try {
    const config = loadConfig({ files: args.config ? [args.config] : [], env: process.env });
    console.log(showConfig(config, { format: args.format, section: args.section, key: args.key }));
  } catch (error) {
    printError(error);
  }
}

const validateCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'validate',
  describe: 'Validate the configuration (--config FILE over the defaults, plus PIDDI_* variables)',
  handler: validate,
};

const showCommand: CommandModule<GlobalOptions, ShowOptions> = {
  command: 'show',
  describe: 'Print the effective configuration, secrets masked',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .option('format', { choices: ['toml', 'json'] as const, default: 'toml' as const })
      .option('section', { type: 'string', describe: 'Only this section, e.g. handle' })
      .option('key', {
        type: 'string',
        describe: 'Only this key, e.g. handle.prefix',
      }) as unknown as Argv<ShowOptions>,
  handler: show,
};

/** `piddiplatsch config validate|show`. */
export const configCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'config',
  describe: 'Check or print the configuration',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .command(validateCommand)
      .command(showCommand)
      .demandCommand(1, 'Name an action: validate or show.'),
  handler: () => {},
};
