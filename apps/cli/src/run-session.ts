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
  /** Stops the statistics, prints the summary and flushes the log. */
  finish(): Promise<void>;
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
