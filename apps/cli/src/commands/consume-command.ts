import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

import type { GlobalOptions } from '../cli.js';
import { runConsume, type ConsumeResult } from '../consume/run-consume.js';
import { openRunSession } from '../run-session.js';
import { reportFatal } from './report-fatal.js';

interface ConsumeOptions extends GlobalOptions {
  dump: boolean;
  dryRun: boolean;
  force: boolean;
  stopWhenIdle: number;
}

async function consume(args: ArgumentsCamelCase<ConsumeOptions>): Promise<void> {
  const session = openRunSession(args);
  let result: ConsumeResult | undefined;
  try {
    const mode = {
      dump: args.dump,
      dryRun: args.dryRun,
      force: args.force,
      stopWhenIdleMs: args.stopWhenIdle * 1000,
    };
    result = await runConsume(session, mode);
    process.exitCode = result.exitCode;
  } catch (error) {
    reportFatal(session.logger, error);
    process.exitCode = 1;
  } finally {
    await session.finish();
  }
  // The stop gave up on these handlers: their events are not committed and come again, so
  // nothing is lost by ending them, while letting them run on would keep the process alive.
  if (result?.handlersLeftRunning) process.exit();
}

/** `piddiplatsch consume`: the Kafka consumer. */
export const consumeCommand: CommandModule<GlobalOptions, ConsumeOptions> = {
  command: 'consume',
  describe: 'Consume STAC item events from Kafka and register their Handles',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .option('dump', {
        type: 'boolean',
        default: false,
        describe: 'Also write every message to <output_dir>/dump/dump_messages_<date>.jsonl',
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe:
          'Write handle records to <output_dir>/handles/ and contact no Handle server; ' +
          'offsets are committed as group <group.id>.dry-run, never as the real group',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Keep going after events were skipped because an outside service failed',
      })
      .option('stop-when-idle', {
        type: 'number',
        default: 0,
        describe: 'Stop after this many seconds without events (0 = run until stopped)',
      }) as unknown as Argv<ConsumeOptions>,
  handler: consume,
};
