import type winston from 'winston';

import type { GlobalOptions } from './cli.js';
import {
  collectConfigWarnings,
  loadConfigWithSources,
  redactConfig,
  type PiddiConfig,
} from './config/index.js';
import { closeLogger, createLogger } from './logging.js';
import {
  ConsumerStats,
  createStatusLineTransport,
  formatSummary,
  StatsDatabase,
  StatsReporter,
  StatusLine,
} from './monitoring/index.js';

/** Everything a command run shares: configuration, logger and statistics. */
export interface RunSession {
  config: PiddiConfig;
  logger: winston.Logger;
  stats: ConsumerStats;
  /** Prints a line of the command's output to stdout, above the `--verbose` status line. */
  print(line: string): void;
  /** Stops the statistics, prints the summary and flushes the log. */
  finish(): Promise<void>;
}

function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Loads the configuration, opens the log and starts counting, as the global options say. */
export function openRunSession(options: GlobalOptions): RunSession {
  const { config, sources } = loadConfigWithSources({
    files: options.config ? [options.config] : [],
    env: process.env,
  });
  const stats = new ConsumerStats();
  const statusLine = options.verbose ? new StatusLine({ stats }) : undefined;
  const logger = createLogger({
    file: options.log,
    debug: options.debug,
    consoleTransport: statusLine ? createStatusLineTransport(statusLine) : undefined,
  });
  for (const warning of collectConfigWarnings(config, sources)) {
    logger.warn(warning.message, { code: warning.code, key: warning.key });
  }
  logger.debug('Configuration', { config: redactConfig(config) });

  const database = config.stats.enable_db ? StatsDatabase.open(config.stats.db_path) : undefined;
  const reporter = new StatsReporter({
    stats,
    intervalSeconds: config.stats.interval_seconds,
    logger,
    onSnapshot: database ? (snapshot) => database.write(snapshot) : undefined,
  });
  reporter.start();
  statusLine?.start();

  return {
    config,
    logger,
    stats,
    print: (line) => (statusLine ? statusLine.printAbove(() => printLine(line)) : printLine(line)),
    finish: async () => {
      const last = reporter.stop() ?? stats.snapshot();
      database?.close();
      statusLine?.stop();
      logger.info('Run finished', { counters: last.counters });
      process.stderr.write(`${formatSummary(last)}\n`);
      await closeLogger(logger);
    },
  };
}
