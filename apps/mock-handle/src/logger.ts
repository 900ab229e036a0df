/** Where the server writes what it does; every method takes a message and structured fields. */
export interface MockHandleLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ignore = (): void => undefined;

/** Writes nothing: the default when the server runs inside tests. */
export const SILENT_LOGGER: MockHandleLogger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
