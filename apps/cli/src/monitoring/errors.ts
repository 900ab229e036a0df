/** Stable codes of the statistics failures the CLI reports. */
export type MonitoringErrorCode = 'STATS_DB_OPEN_FAILED' | 'STATS_DB_WRITE_FAILED';

/** A statistics database could not be opened or written; names the file. */
export class StatsDatabaseError extends Error {
  readonly code: MonitoringErrorCode;
  readonly path: string;

  constructor(code: MonitoringErrorCode, path: string, message: string, cause?: unknown) {
    super(message, cause instanceof Error ? { cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.path = path;
  }
}
