import { StacApiError } from '../errors.js';
import type { StacItem } from '../types.js';
import { describeRequest, showUrl, type HttpRequest } from './http-transport.js';

/** One page of a search answer: its items and the request for the next page, if any. */
export interface SearchPage {
  items: StacItem[];
  next?: HttpRequest;
}

interface NextLink {
  rel: 'next';
  href: string;
  method?: string;
  body?: Record<string, unknown>;
  merge?: boolean;
}

/** Reads a FeatureCollection answer to `request` and works out the request for the next page. */
export function readSearchPage(document: unknown, request: HttpRequest): SearchPage {
  if (!isObject(document) || !Array.isArray(document.features)) {
    throw badResponse(request, 'the answer is no FeatureCollection with a features list');
  }
  const invalid = document.features.findIndex((feature) => !isItemShaped(feature));
  if (invalid !== -1) {
    throw badResponse(request, `features[${invalid}] is no item with an id and properties`);
  }

  const link = findNextLink(document.links);
  const items = document.features as StacItem[];
  return link ? { items, next: buildNextRequest(link, request) } : { items };
}

/** Whether a value has the members every STAC item has: type Feature, an id, properties. */
export function isItemShaped(value: unknown): value is StacItem {
  return (
    isObject(value) &&
    value.type === 'Feature' &&
    typeof value.id === 'string' &&
    isObject(value.properties)
  );
}

/** An error for an answer that is no STAC document; retrying the same request will not help. */
export function badResponse(request: HttpRequest, reason: string): StacApiError {
  return new StacApiError(
    'STAC_BAD_RESPONSE',
    `${describeRequest(request)} gave an answer that is no STAC document: ${reason}. ` +
      'Check that stac.base_url points at a STAC API.',
    { url: showUrl(request.url), retriable: false },
  );
}

function findNextLink(links: unknown): NextLink | undefined {
  if (!Array.isArray(links)) return undefined;
  return links.find(
    (link): link is NextLink =>
      isObject(link) && link.rel === 'next' && typeof link.href === 'string',
  );
}

// STAC API paging: a POST next link carries the body to send (merged into the previous one
// when `merge` is set); a GET next link carries everything in its URL.
function buildNextRequest(link: NextLink, previous: HttpRequest): HttpRequest {
  const url = new URL(link.href, previous.url);
  if (link.method?.toUpperCase() !== 'POST') return { method: 'GET', url };

  const previousBody = isObject(previous.body) ? previous.body : {};
  const body = link.merge ? { ...previousBody, ...link.body } : (link.body ?? previousBody);
  return { method: 'POST', url, body };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
