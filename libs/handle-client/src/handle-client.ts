import {
  type ClientSettings,
  type HandleClientOptions,
  resolveClientSettings,
} from './client-options.js';
import { errorFromAnswer, type HandleAnswer } from './error-mapping.js';
import { HandleError } from './errors.js';
import {
  type HandlePage,
  readAnsweredHandle,
  readMintedHandle,
  readPage,
  readRecord,
} from './handle-answers.js';
import {
  buildDeleteRequest,
  buildGetHandleRequest,
  buildListRequest,
  buildMintRequest,
  buildPutHandleRequest,
  buildPutValuesRequest,
  DEFAULT_PAGE_SIZE,
  type GetHandleOptions,
  isHandleMissing,
  isNothingToDelete,
  type IterateHandlesOptions,
  type ListHandlesOptions,
} from './handle-requests.js';
import type { HandleRecord, HandleValue } from './handle-values.js';
import { runWithRetry } from './retry.js';
import { type HandleRequest, HandleTransport } from './transport.js';

/** Options of a write. */
export interface PutOptions {
  /**
   * Replace what exists; with `false` the server refuses an existing handle (or value) with 409.
   * @default true
   */
  overwrite?: boolean;
}

/** Outcome of a write. */
export interface PutResult {
  /** The handle as the server stores it. */
  handle: string;
  /** True when the server created the handle or values (201), false when it replaced them. */
  created: boolean;
}

type Accept = (answer: HandleAnswer) => boolean;
type MayRepeat = (error: HandleError) => boolean;

const acceptNone: Accept = () => false;
const repeatRetriable: MayRepeat = (error) => error.retriable;

/**
 * A client of the Handle.Net HTTP JSON REST API. Every request has a timeout; timeouts, network
 * errors, 5xx and 429 answers are retried with exponential backoff. Call {@link close} when done.
 */
export class HandleClient {
  readonly #settings: ClientSettings;
  readonly #transport: HandleTransport;
  #closed = false;

  constructor(options: HandleClientOptions) {
    this.#settings = resolveClientSettings(options);
    this.#transport = new HandleTransport(this.#settings);
  }

  /**
   * Creates the handle with exactly these values or, with `overwrite` (default), replaces it.
   * @throws HandleAlreadyExistsError with `overwrite: false` when the handle exists.
   */
  async putHandle(
    handle: string,
    values: readonly HandleValue[],
    options: PutOptions = {},
  ): Promise<PutResult> {
    const request = buildPutHandleRequest(handle, values, options.overwrite ?? true);

    const answer = await this.#exchange(request);
    return { handle: readAnsweredHandle(answer, request.subject), created: answer.status === 201 };
  }

  /** Adds these values, or replaces them at their indexes, leaving the other values alone. */
  async putValues(
    handle: string,
    values: readonly HandleValue[],
    options: PutOptions = {},
  ): Promise<PutResult> {
    const request = buildPutValuesRequest(handle, values, options.overwrite ?? true);

    const answer = await this.#exchange(request);
    return { handle: readAnsweredHandle(answer, request.subject), created: answer.status === 201 };
  }

  /** Reads a handle, optionally only some values; `undefined` when the handle does not exist. */
  async getHandle(
    handle: string,
    options: GetHandleOptions = {},
  ): Promise<HandleRecord | undefined> {
    const request = buildGetHandleRequest(handle, options);

    const answer = await this.#exchange(request, isHandleMissing);
    return isHandleMissing(answer) ? undefined : readRecord(answer, request.subject);
  }

  /**
   * Deletes the whole handle; resolves `false` when the server did not hold it. After a retry
   * that can also mean that the first attempt deleted it and its answer was lost.
   */
  async deleteHandle(handle: string): Promise<boolean> {
    const answer = await this.#exchange(buildDeleteRequest(handle), isHandleMissing);
    return !isHandleMissing(answer);
  }

  /**
   * Deletes the values at these indexes. Resolves `false` when the handle lacks any of them:
   * a Handle server then deletes none (400, responseCode 200). As with {@link deleteHandle},
   * `false` after a retry can follow a first attempt that did delete.
   */
  async deleteValues(handle: string, indexes: readonly number[]): Promise<boolean> {
    const answer = await this.#exchange(buildDeleteRequest(handle, indexes), isNothingToDelete);
    return !isNothingToDelete(answer);
  }

  /** Reads one page of the handles under a prefix; `totalCount` counts all pages. */
  async listHandles(prefix: string, options: ListHandlesOptions = {}): Promise<HandlePage> {
    const requested = { page: options.page ?? 0, pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE };
    const request = buildListRequest(prefix, requested);

    return readPage(await this.#exchange(request), request.subject, requested);
  }

  /**
   * Yields every handle under a prefix, reading page after page. Handles created or deleted
   * meanwhile shift the pages, so such a handle may be missed or yielded twice.
   */
  async *iterateHandles(
    prefix: string,
    options: IterateHandlesOptions = {},
  ): AsyncGenerator<string, void, undefined> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new HandleError('INVALID_OPTIONS', `pageSize must be an integer >= 1, got ${pageSize}`);
    }

    let seen = 0;
    for (let page = 0; ; page += 1) {
      const { handles, totalCount } = await this.listHandles(prefix, { page, pageSize });
      yield* handles;
      seen += handles.length;
      if (handles.length === 0 || seen >= totalCount) return;
    }
  }

  /**
   * Registers a handle under `prefix` with a suffix the server picks, and returns its name.
   * Unlike the other writes this one is not idempotent, so it is repeated only after failures
   * that show the server did nothing: refused connections, 429 and 503.
   */
  async mintHandle(prefix: string, values: readonly HandleValue[]): Promise<string> {
    const request = buildMintRequest(prefix, values);

    const answer = await this.#exchange(request, acceptNone, isUnprocessed);
    return readMintedHandle(answer, request.subject);
  }

  /** Closes kept-alive connections and fails queued requests; the client is unusable after. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#transport.close(closedError());
  }

  async #exchange(
    request: HandleRequest,
    accept = acceptNone,
    mayRepeat = repeatRetriable,
  ): Promise<HandleAnswer> {
    if (this.#closed) throw closedError();

    return runWithRetry(() => this.#attempt(request, accept), {
      policy: this.#settings.retry,
      shouldRetry: (error) => !this.#closed && error instanceof HandleError && mayRepeat(error),
      onRetry: (error, retry, delayMs) => {
        const { code, status } = error as HandleError;
        const { method, subject } = request;
        const fields = { method, handle: subject.handle, code, status, retry, delayMs };
        this.#settings.logger.warn('handle request failed, retrying', fields);
      },
    });
  }

  async #attempt(request: HandleRequest, accept: Accept): Promise<HandleAnswer> {
    const answer = await this.#transport.send(request);
    if ((answer.status >= 200 && answer.status < 300) || accept(answer)) return answer;

    throw errorFromAnswer(answer, request.subject, this.#transport.redact);
  }
}

function isUnprocessed(error: HandleError): boolean {
  const systemCode = (error.cause as { code?: string } | undefined)?.code;
  return error.code === 'RATE_LIMITED' || error.status === 503 || systemCode === 'ECONNREFUSED';
}

function closedError(): HandleError {
  return new HandleError('CLIENT_CLOSED', 'The Handle client is closed; create a new one');
}
