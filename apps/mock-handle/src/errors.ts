/** Stable codes of the reasons a mock Handle server refuses to start. */
export type MockHandleErrorCode = 'INVALID_OPTIONS' | 'INVALID_STORE_FILE';

/** The mock Handle server cannot start as asked; `code` says why, the message what to fix. */
export class MockHandleError extends Error {
  readonly code: MockHandleErrorCode;

  constructor(code: MockHandleErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MockHandleError';
    this.code = code;
  }
}
