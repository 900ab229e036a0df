import yargs from 'yargs';
import type { MockHandleServerOptions } from './options.js';

/** The options the executable takes from its flags and `MOCK_HANDLE_*` variables. */
export type ServeOptions = Omit<MockHandleServerOptions, 'logger'>;

/** Port of the executable when none is given; imported servers take any free port instead. */
export const DEFAULT_CLI_PORT = 8000;

/**
 * Reads the flags. Each flag can also come from the environment as `MOCK_HANDLE_<NAME>`
 * (`MOCK_HANDLE_PORT`, `MOCK_HANDLE_LATENCY_MS`); a flag wins over its variable.
 */
export async function parseServeFlags(args: string[]): Promise<ServeOptions> {
  const flags = await yargs(args)
    .scriptName('piddi-mock-handle')
    .usage('$0 [options]\n\nA mock Handle.Net REST server for tests and demos.')
    .env('MOCK_HANDLE')
    .options({
      host: { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' },
      port: { type: 'number', default: DEFAULT_CLI_PORT, describe: 'Port; 0 takes any free port' },
      prefix: { type: 'string', default: '21.TEST', describe: 'The prefix served' },
      username: { type: 'string', default: '300:21.TEST/testuser', describe: 'Admin user' },
      password: { type: 'string', default: 'testpass', describe: 'Password of the admin user' },
      'latency-ms': { type: 'number', default: 0, describe: 'Milliseconds added to every answer' },
      'fail-rate': { type: 'number', default: 0, describe: 'Share (0-1) of writes answered 500' },
      store: { type: 'string', describe: 'JSON file keeping handles across restarts' },
    })
    .epilog('Each flag can also be set as MOCK_HANDLE_<NAME>, e.g. MOCK_HANDLE_LATENCY_MS=40.')
    .strict()
    .version(false)
    .help()
    .parseAsync();

  return {
    host: flags.host,
    port: flags.port,
    prefix: flags.prefix,
    username: flags.username,
    password: flags.password,
    latencyMs: flags.latencyMs,
    failRate: flags.failRate,
    storeFile: flags.store,
  };
}
