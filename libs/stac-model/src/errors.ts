/** Why an event cannot be processed; stable, so callers and tests branch on it. */
export type EventErrorCode =
  | 'NOT_UTF8'
  | 'NOT_JSON'
  | 'INVALID_ENVELOPE'
  | 'UNSUPPORTED_EVENT_TYPE'
  | 'UNKNOWN_METHOD'
  | 'MISSING_ITEM'
  | 'INVALID_ITEM'
  | 'INVALID_ITEM_ID'
  | 'ITEM_ID_MISMATCH'
  | 'INVALID_PID'
  | 'INVALID_FILE_SIZE'
  | 'INVALID_CHECKSUM'
  | 'INVALID_PATCH'
  | 'PATCH_NOT_APPLICABLE'
  | 'INVALID_PATCHED_ITEM';

/** Why a STAC API request failed. */
export type StacApiErrorCode =
  | 'STAC_UNAVAILABLE'
  | 'STAC_TIMEOUT'
  | 'STAC_BAD_RESPONSE'
  | 'STAC_REQUEST_REJECTED'
  | 'STAC_ITEM_NOT_FOUND'
  | 'STAC_TOO_MANY_PAGES'
  | 'INVALID_OPTIONS';

/** One broken rule, located by a JSON Pointer. */
export interface EventProblem {
  code: EventErrorCode;
  /** JSON Pointer into the event (or into the item, for a patched item), e.g. `/data/payload/item/id`. */
  path: string;
  /** The rule broken, e.g. `must be >= 1`. */
  rule: string;
  /** The offending value, shortened for display; absent when the value is missing. */
  value?: string;
}

/** Base class of every error of this library. */
export class StacModelError extends Error {
  readonly code: EventErrorCode | StacApiErrorCode;
  /** True when the same operation may succeed later, e.g. after the STAC API is back. */
  readonly retriable: boolean;

  constructor(
    code: EventErrorCode | StacApiErrorCode,
    message: string,
    options: { retriable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
  }
}

/** What an event error knows besides its code and message. */
export interface EventErrorContext {
  /** JSON Pointer of the first broken rule; `''` is the whole message. */
  path?: string;
  /** The rule broken there. */
  rule?: string;
  /** Where the event came from (Kafka key, file and line), as the caller named it. */
  source?: string;
  /** Every broken rule found, the first one being the error's own. */
  problems?: EventProblem[];
  cause?: unknown;
}

/** The event is not a processable ESGF STAC event. Permanent: the same bytes fail again. */
export class EventError extends StacModelError {
  declare readonly code: EventErrorCode;
  readonly path: string;
  readonly rule: string;
  readonly source?: string;
  readonly problems: EventProblem[];

  constructor(code: EventErrorCode, message: string, context: EventErrorContext = {}) {
    super(code, message, { retriable: false, cause: context.cause });
    this.path = context.path ?? '';
    this.rule = context.rule ?? '';
    this.source = context.source;
    this.problems = context.problems ?? [{ code, path: this.path, rule: this.rule }];
  }
}

/** A PATCH cannot be applied to the current item, or its result is no valid item. */
export class PatchError extends EventError {
  /** Index of the failing RFC 6902 operation, when one failed. */
  readonly operationIndex?: number;

  constructor(
    code: 'PATCH_NOT_APPLICABLE' | 'INVALID_PATCHED_ITEM',
    message: string,
    context: EventErrorContext & { operationIndex?: number } = {},
  ) {
    super(code, message, context);
    this.operationIndex = context.operationIndex;
  }
}

/** What a STAC API error knows besides its code and message. */
export interface StacApiErrorContext {
  retriable?: boolean;
  /** The request URL, without any credentials. */
  url?: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** How long the server asked to wait before a retry (`Retry-After`). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A STAC API request failed; `retriable` tells whether trying again later may help. */
export class StacApiError extends StacModelError {
  declare readonly code: StacApiErrorCode;
  readonly url?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: StacApiErrorCode, message: string, context: StacApiErrorContext = {}) {
    super(code, message, { retriable: context.retriable, cause: context.cause });
    this.url = context.url;
    this.status = context.status;
    this.retryAfterMs = context.retryAfterMs;
  }
}
