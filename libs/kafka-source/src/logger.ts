/** Structured fields of one log line; never put a secret in them. */
export type LogFields = Record<string, unknown>;

/** The logger a caller injects; winston loggers fit this shape. */
export interface KafkaLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ignore = (): void => undefined;

/** The default logger: writes nothing. */
export const SILENT_LOGGER: KafkaLogger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
