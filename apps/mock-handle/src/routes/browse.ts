import { answerHtml, answerRedirect, type Answer } from '../answers.js';
import { renderHandleList, renderHandleValues, renderNotFound } from '../html.js';
import { isPublicValue, sortByIndex } from '../values/handle-value.js';
import type { RouteContext } from './route-context.js';

/** `GET /`: a page listing every handle held, for a person to look around. */
export function showHandleList(context: RouteContext): Answer {
  const handles = context.store.all().map((record) => record.handle);
  return answerHtml(200, renderHandleList(context.settings.prefix, handles));
}

/**
 * `GET /{handle}` redirects to the handle's URL value, as the Handle proxy does; with
 * `?noredirect` it shows the public values as a table instead.
 */
export function showHandle(handle: string, query: URLSearchParams, context: RouteContext): Answer {
  const record = context.store.get(handle);
  if (!record) return answerHtml(404, renderNotFound('Handle not found', `No handle ${handle}.`));

  const values = sortByIndex(record.values.filter(isPublicValue));
  const shown = { handle: record.handle, values };
  if (query.has('noredirect')) return answerHtml(200, renderHandleValues(shown));

  const location = findRedirectUrl(values.filter((value) => value.type === 'URL'));
  if (location !== undefined) return answerRedirect(location);
  return answerHtml(404, renderNotFound('No URL', `Handle ${record.handle} has no URL value.`));
}

// The stored URL is sent as written; only one that would not fit in a header is normalised.
function findRedirectUrl(values: { data: { value: unknown } }[]): string | undefined {
  for (const { data } of values) {
    if (typeof data.value !== 'string' || !URL.canParse(data.value)) continue;
    return /^[\x21-\x7e]+$/.test(data.value) ? data.value : new URL(data.value).href;
  }
  return undefined;
}
