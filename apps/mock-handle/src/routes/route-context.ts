import type { Caller } from '../auth.js';
import type { ServerSettings } from '../options.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import type { HandleStore } from '../store/handle-store.js';

/** What every route works with. */
export interface RouteContext {
  settings: ServerSettings;
  store: HandleStore;
  now: () => Date;
  /** A number in [0, 1), drawn to decide whether a write fails on purpose. */
  random: () => number;
}

/** An HTTP request as the routes see it: body read, path split off, credentials checked. */
export interface ApiRequest {
  method: string;
  /** The handle written in the path after `/api/handles/`, percent-decoded; may be empty. */
  handle: string;
  query: URLSearchParams;
  caller: Caller;
  /** The `Content-Type` header as sent. */
  contentType: string | undefined;
  body: string;
}

/** Answers a share of writes with a server error, so clients can test their retries. */
export function failSomeWrites(context: RouteContext): void {
  if (context.random() >= context.settings.failRate) return;

  throw new HandleApiError(RESPONSE_CODE.serverError, 'Simulated server failure; try again');
}

/**
 * Reads `overwrite`. Absent means true; present, only the word "true" (any case) counts as
 * true, the way the Java servers read a boolean parameter.
 */
export function readOverwrite(query: URLSearchParams): boolean {
  const overwrite = query.get('overwrite');
  return overwrite === null || overwrite.toLowerCase() === 'true';
}
