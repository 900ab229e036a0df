import { isRecord } from '../objects.js';

/** One handle value as an index of handle values holds it: one document per value. */
export interface IndexedHandleValue {
  /** The handle, `<prefix>/<suffix>`; an `hdl:` in front is tolerated and dropped. */
  handle: string;
  /** The value's type, e.g. `DATASET_ID` or `DATASET_VERSION`. */
  type: string;
  /** The value's data as a string, e.g. `v20190119`. */
  data: string;
}

/** How the `_search` bodies name fields and how many hits they ask for. */
export interface HandleValueQueryOptions {
  /** Appended to a field name for its exact (keyword) form: `.keyword`, or `''`. */
  keywordSuffix: string;
  /** Most hits one search returns. */
  size: number;
}

const SOURCE_FIELDS = ['handle', 'type', 'data'];
const HDL_SCHEME = /^hdl:/i;

/** The `_search` body for the values of type `DATASET_ID` whose data is `datasetId`. */
export function buildDatasetHandlesQuery(
  datasetId: string,
  options: HandleValueQueryOptions,
): Record<string, unknown> {
  const exact = (field: string) => `${field}${options.keywordSuffix}`;
  return buildSearch(options.size, [
    { term: { [exact('type')]: 'DATASET_ID' } },
    { term: { [exact('data')]: datasetId } },
  ]);
}

/**
 * The `_search` body for the values of type `DATASET_VERSION` of `handles`. Each handle is
 * asked for with and without `hdl:`, since an index may store either spelling.
 */
export function buildDatasetVersionsQuery(
  handles: readonly string[],
  options: HandleValueQueryOptions,
): Record<string, unknown> {
  const exact = (field: string) => `${field}${options.keywordSuffix}`;
  const spellings = handles.flatMap((handle) => [handle, `hdl:${handle}`]);
  return buildSearch(options.size, [
    { term: { [exact('type')]: 'DATASET_VERSION' } },
    { terms: { [exact('handle')]: spellings } },
  ]);
}

function buildSearch(size: number, filter: unknown[]): Record<string, unknown> {
  return { size, query: { bool: { filter } }, _source: SOURCE_FIELDS };
}

/** The handle values among `hits`; hits without a handle, type or string data are skipped. */
export function readHandleValues(hits: readonly unknown[]): IndexedHandleValue[] {
  return hits.flatMap((hit) => {
    const source = isRecord(hit) && isRecord(hit._source) ? hit._source : {};
    const { handle, type, data } = source;
    if (typeof handle !== 'string' || typeof type !== 'string' || typeof data !== 'string') {
      return [];
    }
    const name = handle.trim().replace(HDL_SCHEME, '');
    return name === '' ? [] : [{ handle: name, type, data }];
  });
}

/** The number of matching documents an answer reports, or undefined when it reports none. */
export function readTotalHits(hits: Record<string, unknown>): number | undefined {
  const total = isRecord(hits.total) ? hits.total.value : hits.total;
  return typeof total === 'number' ? total : undefined;
}
