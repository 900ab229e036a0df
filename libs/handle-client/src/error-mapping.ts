import { TimeoutError } from 'got';

import {
  HandleAlreadyExistsError,
  HandleAuthError,
  HandleError,
  type HandleErrorCode,
  HandleNotFoundError,
  HandleTransportError,
} from './errors.js';

/** The server's answer to one request, body already parsed when it was JSON. */
export interface HandleAnswer {
  status: number;
  body?: Record<string, unknown>;
  /** Delay the server asked for in a `Retry-After` header, in milliseconds. */
  retryAfterMs?: number;
}

/** Which request failed, for the error message: `create handle` on `21.TEST/abc`. */
export interface RequestSubject {
  action: string;
  handle: string;
}

/** Removes secrets from text that may echo them (server messages, socket errors). */
export type Redact = (text: string) => string;

const CODE_BY_RESPONSE_CODE: Readonly<Record<number, HandleErrorCode>> = {
  2: 'SERVER_ERROR',
  100: 'HANDLE_NOT_FOUND',
  101: 'HANDLE_ALREADY_EXISTS',
  102: 'INVALID_HANDLE',
  200: 'VALUES_NOT_FOUND',
  201: 'VALUE_ALREADY_EXISTS',
  202: 'INVALID_VALUE',
  301: 'WRONG_PREFIX',
  402: 'AUTHENTICATION_FAILED',
};

const ADVICE: Partial<Record<HandleErrorCode, string>> = {
  HANDLE_ALREADY_EXISTS: 'the handle is already registered; pass overwrite: true to replace it',
  HANDLE_NOT_FOUND: 'the handle does not exist on the server',
  VALUE_ALREADY_EXISTS: 'a value at one of these indexes exists; pass overwrite: true to replace',
  VALUES_NOT_FOUND: 'none of the requested values exist in the handle',
  INVALID_HANDLE: 'the server rejected the handle name; check its prefix and suffix',
  INVALID_VALUE: 'the server rejected a value; check its index, type and data format',
  INVALID_REQUEST:
    'the server could not read the request: a body that is not JSON, a value without index, type ' +
    'or data, an unknown data format, or a query parameter that is no number; check what was sent',
  WRONG_PREFIX: 'the server is not responsible for this prefix; check baseUrl and the prefix',
  AUTHENTICATION_FAILED:
    'the server did not accept the credentials; check username and password or the client certificate',
  PERMISSION_DENIED:
    'the identity lacks permission; check the HS_ADMIN value of the handle or its prefix',
  RATE_LIMITED: 'the server asked to slow down; lower maxConcurrency or retry later',
  SERVER_ERROR: 'the server failed; retry later or ask its operator',
  UNEXPECTED_RESPONSE: 'the answer does not come from a Handle REST API; check baseUrl',
  TIMEOUT: 'no answer within timeoutMs; raise timeoutMs or check the server',
  NETWORK_ERROR: 'the connection failed; check the server address and the network',
  TLS_ERROR:
    'the TLS handshake failed; trust the server with the `ca` option or check the client certificate',
};

// responseCode 4 ("protocol error") means the server could not read the request.
const PROTOCOL_ERROR = 4;

const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|UNABLE_TO_)|CERT|SELF_SIGNED/;

/** Turns a server answer that is not a success into the matching `HandleError`. */
export function errorFromAnswer(
  answer: HandleAnswer,
  subject: RequestSubject,
  redact: Redact,
): HandleError {
  const responseCode = readResponseCode(answer.body);
  const code = classifyAnswer(answer.status, responseCode);
  const serverMessage = typeof answer.body?.message === 'string' ? answer.body.message : undefined;
  const detail = serverMessage ? ` (server says: ${redact(serverMessage)})` : '';
  const message = `Could not ${subject.action} ${subject.handle}: HTTP ${answer.status}${
    responseCode === undefined ? '' : `, responseCode ${responseCode}`
  }; ${ADVICE[code]}${detail}`;
  const context = {
    handle: subject.handle,
    status: answer.status,
    responseCode,
    retriable: code === 'SERVER_ERROR' || code === 'RATE_LIMITED',
    retryAfterMs: answer.retryAfterMs,
  };

  return instantiateError(code, message, context);
}

/** Turns a failure below HTTP (timeout, refused connection, TLS) into a `HandleError`. */
export function errorFromRequestFailure(
  failure: unknown,
  subject: RequestSubject,
  redact: Redact,
): HandleError {
  const systemCode = readSystemCode(failure);
  const code: HandleErrorCode =
    failure instanceof TimeoutError
      ? 'TIMEOUT'
      : TLS_FAILURE.test(systemCode)
        ? 'TLS_ERROR'
        : 'NETWORK_ERROR';
  const reason = redact(failure instanceof Error ? failure.message : String(failure));
  const message = `Could not ${subject.action} ${subject.handle}: ${reason}; ${ADVICE[code]}`;

  return new HandleTransportError(code, message, {
    handle: subject.handle,
    retriable: code !== 'TLS_ERROR',
    cause: stripFailure(failure, systemCode, redact),
  });
}

/** Reads `responseCode` from a JSON answer; servers send it as a number. */
export function readResponseCode(body: Record<string, unknown> | undefined): number | undefined {
  const value = body?.responseCode;
  return typeof value === 'number' ? value : undefined;
}

// The status decides 401 and 403 on its own: a real server refuses credentials that do not check
// out with 401 and an empty body, so no responseCode is there to read.
function classifyAnswer(status: number, responseCode: number | undefined): HandleErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 401) return 'AUTHENTICATION_FAILED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (responseCode === undefined) return 'UNEXPECTED_RESPONSE';
  // A real server also answers an unknown /api/ path with responseCode 4, but as a 404: that one
  // says the base URL is wrong, not the request.
  if (responseCode === PROTOCOL_ERROR) {
    return status === 400 ? 'INVALID_REQUEST' : 'UNEXPECTED_RESPONSE';
  }
  if (responseCode in CODE_BY_RESPONSE_CODE) return CODE_BY_RESPONSE_CODE[responseCode];
  if (responseCode >= 400 && responseCode < 500) return 'PERMISSION_DENIED';
  return 'UNEXPECTED_RESPONSE';
}

function instantiateError(
  code: HandleErrorCode,
  message: string,
  context: ConstructorParameters<typeof HandleError>[2],
): HandleError {
  if (code === 'HANDLE_ALREADY_EXISTS') return new HandleAlreadyExistsError(message, context);
  if (code === 'HANDLE_NOT_FOUND') return new HandleNotFoundError(message, context);
  if (code === 'AUTHENTICATION_FAILED' || code === 'PERMISSION_DENIED') {
    return new HandleAuthError(code, message, context);
  }
  return new HandleError(code, message, context);
}

function readSystemCode(failure: unknown): string {
  const code = (failure as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

// The HTTP library's own errors hold the request options, headers included; keep only the
// name, code and message so that inspecting or serialising the cause cannot leak credentials.
function stripFailure(failure: unknown, systemCode: string, redact: Redact): Error {
  const stripped = new Error(redact(failure instanceof Error ? failure.message : String(failure)));
  stripped.name = failure instanceof Error ? failure.name : 'Error';
  if (systemCode) Object.assign(stripped, { code: systemCode });
  return stripped;
}
