/** The Handle.Net `responseCode` values this server answers with. */
export const RESPONSE_CODE = {
  success: 1,
  serverError: 2,
  /** The request could not be read: bad JSON, an unknown format, a query that is no number. */
  protocolError: 4,
  handleNotFound: 100,
  handleAlreadyExists: 101,
  invalidHandle: 102,
  valuesNotFound: 200,
  valueAlreadyExists: 201,
  invalidValue: 202,
  notResponsible: 301,
  insufficientPermissions: 400,
  authenticationNeeded: 402,
} as const;

export type ResponseCode = (typeof RESPONSE_CODE)[keyof typeof RESPONSE_CODE];

const HTTP_STATUS_BY_CODE: Record<ResponseCode, number> = {
  [RESPONSE_CODE.success]: 200,
  [RESPONSE_CODE.serverError]: 500,
  [RESPONSE_CODE.protocolError]: 400,
  [RESPONSE_CODE.handleNotFound]: 404,
  [RESPONSE_CODE.handleAlreadyExists]: 409,
  [RESPONSE_CODE.invalidHandle]: 400,
  // Only a resolution answers "values not found" with 200; callers pass that status explicitly.
  [RESPONSE_CODE.valuesNotFound]: 400,
  [RESPONSE_CODE.valueAlreadyExists]: 409,
  [RESPONSE_CODE.invalidValue]: 400,
  [RESPONSE_CODE.notResponsible]: 400,
  [RESPONSE_CODE.insufficientPermissions]: 403,
  [RESPONSE_CODE.authenticationNeeded]: 401,
};

/** The HTTP status a real Handle server pairs with a response code. */
export function statusForResponseCode(code: ResponseCode): number {
  return HTTP_STATUS_BY_CODE[code];
}

/**
 * A refusal that becomes a JSON error answer: the response code, a human message and, when
 * known, the handle it concerns.
 */
export class HandleApiError extends Error {
  readonly responseCode: ResponseCode;
  readonly handle: string | undefined;
  readonly status: number;

  constructor(
    responseCode: ResponseCode,
    message: string,
    options: { handle?: string; status?: number } = {},
  ) {
    super(message);
    this.name = 'HandleApiError';
    this.responseCode = responseCode;
    this.handle = options.handle;
    this.status = options.status ?? statusForResponseCode(responseCode);
  }
}

/** A refusal with responseCode 4: the request could not be read. */
export function protocolError(message: string, status = 400): HandleApiError {
  return new HandleApiError(RESPONSE_CODE.protocolError, message, { status });
}
