/** Stable codes of the failures of the Handle server harness. */
export type HandleServerErrorCode = 'HANDLE_SERVER_UNAVAILABLE' | 'HANDLE_SERVER_START_FAILED';

/** Base class of the harness's errors; `code` is stable, the message is for people. */
export class HandleServerError extends Error {
  readonly code: HandleServerErrorCode;

  constructor(code: HandleServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * A tool the real Handle server needs (Java, or Maven while its jars are not cached yet) is
 * missing on this machine. Tests skip on this error and print `reason`.
 */
export class HandleServerUnavailableError extends HandleServerError {
  readonly reason: string;

  constructor(reason: string) {
    super('HANDLE_SERVER_UNAVAILABLE', `The real Handle server cannot run here: ${reason}`);
    this.reason = reason;
  }
}

/** The tools are present but the server did not come up; tests must fail on this one. */
export class HandleServerStartError extends HandleServerError {
  /** The last lines the failing step printed, for the person reading the test output. */
  readonly output: string;

  constructor(message: string, output = '', options?: { cause?: unknown }) {
    super('HANDLE_SERVER_START_FAILED', output ? `${message}\n${output}` : message, options);
    this.output = output;
  }
}
