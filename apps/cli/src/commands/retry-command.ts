import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

import type { GlobalOptions } from '../cli.js';
import { runRetry } from '../retry/run-retry.js';
import { openRunSession } from '../run-session.js';
import { reportFatal } from './report-fatal.js';

interface RetryOptions extends GlobalOptions {
  paths: string[];
  deleteAfter: boolean;
  dryRun: boolean;
  viaKafka: boolean;
}

async function retry(args: ArgumentsCamelCase<RetryOptions>): Promise<void> {
  const session = openRunSession(args);
  try {
    process.exitCode = await runRetry(session, {
      paths: args.paths,
      deleteAfter: args.deleteAfter,
      dryRun: args.dryRun,
      viaKafka: args.viaKafka,
    });
  } catch (error) {
    reportFatal(session.logger, error);
    process.exitCode = 1;
  } finally {
    await session.finish();
  }
}

// A dry run writes no handle, so deleting its input would drop events that were never registered.
function refuseConflictingFlags(args: Record<string, unknown>): string | true {
  if (args['via-kafka'] && args['dry-run']) return '--via-kafka and --dry-run exclude each other.';
  if (args['dry-run'] && args['delete-after']) {
    return (
      '--dry-run and --delete-after exclude each other: a dry run registers no handle, so its ' +
      'files must stay for the real retry. Leave out --delete-after.'
    );
  }
  return true;
}

/** `piddiplatsch retry`: process recorded events again. */
export const retryCommand: CommandModule<GlobalOptions, RetryOptions> = {
  command: 'retry <paths..>',
  describe: 'Process the events of failure, skipped or dump files again',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('paths', {
        type: 'string',
        array: true,
        demandOption: true,
        describe:
          'Files, folders or globs, e.g. outputs/failures; a folder walk leaves out handles/ ' +
          'and dump/ (name outputs/dump to retry dumps)',
      })
      .option('delete-after', {
        type: 'boolean',
        default: false,
        describe: 'Delete a file once every one of its events succeeded',
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'Write handle records to <output_dir>/handles/ instead of the Handle server',
      })
      .option('via-kafka', {
        type: 'boolean',
        default: false,
        describe: 'Send the events to consumer.retry_topic instead of processing them here',
      })
      .check(refuseConflictingFlags)
      .example(
        '$0 retry outputs/failures/retries-0 --delete-after',
        '',
      ) as unknown as Argv<RetryOptions>,
  handler: retry,
};
