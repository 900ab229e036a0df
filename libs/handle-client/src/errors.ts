/** Stable codes of every failure the Handle client reports; callers branch on these. */
export type HandleErrorCode =
  | 'HANDLE_ALREADY_EXISTS'
  | 'HANDLE_NOT_FOUND'
  | 'VALUE_ALREADY_EXISTS'
  | 'VALUES_NOT_FOUND'
  | 'INVALID_HANDLE'
  | 'INVALID_VALUE'
  | 'INVALID_REQUEST'
  | 'WRONG_PREFIX'
  | 'AUTHENTICATION_FAILED'
  | 'PERMISSION_DENIED'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'UNEXPECTED_RESPONSE'
  | 'INVALID_RESPONSE'
  | 'TIMEOUT'
  | 'NETWORK_ERROR'
  | 'TLS_ERROR'
  | 'INVALID_OPTIONS'
  | 'CLIENT_CLOSED';

/** What a Handle error knows besides its message. */
export interface HandleErrorContext {
  /** The handle (or prefix) the request was about. */
  handle?: string;
  /** HTTP status of the server's answer, when there was one. */
  status?: number;
  /** The `responseCode` of the server's JSON answer, when there was one. */
  responseCode?: number;
  /** True when repeating the same request later may succeed. */
  retriable?: boolean;
  /** Delay the server asked for before a retry (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** The lower-level failure, already stripped of request headers. */
  cause?: Error;
}

/** Base class of every error thrown by the Handle client. */
export class HandleError extends Error {
  readonly code: HandleErrorCode;
  readonly handle?: string;
  readonly status?: number;
  readonly responseCode?: number;
  readonly retriable: boolean;
  readonly retryAfterMs?: number;

  constructor(code: HandleErrorCode, message: string, context: HandleErrorContext = {}) {
    super(message, context.cause ? { cause: context.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.handle = context.handle;
    this.status = context.status;
    this.responseCode = context.responseCode;
    this.retriable = context.retriable ?? false;
    this.retryAfterMs = context.retryAfterMs;
  }
}

/** A create without overwrite found the handle already registered (HTTP 409, responseCode 101). */
export class HandleAlreadyExistsError extends HandleError {
  constructor(message: string, context: HandleErrorContext = {}) {
    super('HANDLE_ALREADY_EXISTS', message, context);
  }
}

/** The handle does not exist on the server (HTTP 404, responseCode 100). */
export class HandleNotFoundError extends HandleError {
  constructor(message: string, context: HandleErrorContext = {}) {
    super('HANDLE_NOT_FOUND', message, context);
  }
}

/** The server refused the credentials or the identity lacks permission (HTTP 401 or 403). */
export class HandleAuthError extends HandleError {
  constructor(
    code: 'AUTHENTICATION_FAILED' | 'PERMISSION_DENIED',
    message: string,
    context: HandleErrorContext = {},
  ) {
    super(code, message, context);
  }
}

/**
 * The request got no answer at all: a timeout, a network failure or a failed TLS handshake.
 * Answers of a failing server (5xx, 429) are plain {@link HandleError}s; whether any error is
 * worth repeating is told by `retriable`, not by its class.
 */
export class HandleTransportError extends HandleError {}
