import type { Logger } from '../logging.js';

/** Logs an error that ends a command, with its code when it has one, and never its cause chain's secrets. */
export function reportFatal(logger: Logger, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  logger.error(message, typeof code === 'string' ? { code } : {});
}
