import got, { HTTPError, ParseError, RequestError } from 'got';

import { InvalidRecordOptionsError, VersionLookupError } from '../errors.js';
import { SILENT_LOGGER, type RecordLogger } from '../logger.js';
import { isRecord } from '../objects.js';
import { isHttpUrl } from '../urls.js';
import {
  buildDatasetHandlesQuery,
  buildDatasetVersionsQuery,
  readHandleValues,
  readTotalHits,
  type HandleValueQueryOptions,
  type IndexedHandleValue,
} from './elasticsearch-queries.js';
import type { PreviousVersion, VersionLookup, VersionLookupContext } from './version-lookup.js';
import { selectPreviousVersion } from './version-order.js';

/** Where the index of handle values is and how to reach it (`[elasticsearch]`). */
export interface ElasticsearchLookupOptions {
  /** Base URL of the cluster, e.g. `https://es.example.org:9200`. */
  url: string;
  /** @default 'handles' */
  index?: string;
  username?: string;
  password?: string;
  /** @default 10000 */
  timeoutMs?: number;
  /**
   * Appended to `handle`, `type` and `data` for their exact (keyword) form: `.keyword` for an
   * index with Elasticsearch's dynamic mapping, `''` for one that maps them as `keyword`.
   * @default '.keyword'
   */
  keywordSuffix?: string;
  /**
   * Most handles of one dataset, and most version values, one lookup reads. An index that
   * holds more fails the lookup rather than pick from a part of them.
   * @default 100
   */
  maxVersions?: number;
  logger?: RecordLogger;
}

type ResolvedOptions = Required<Omit<ElasticsearchLookupOptions, 'username' | 'password'>>;

// Elasticsearch answers at most `index.max_result_window` (10000 by default) hits.
const MAX_RESULT_WINDOW = 10_000;

/**
 * Finds previous versions in an Elasticsearch index of handle values, one document per value
 * (see {@link IndexedHandleValue}). It asks for the handles whose `DATASET_ID` value is the
 * dataset id, then for the `DATASET_VERSION` values of those handles, and picks the newest
 * version older than the current one.
 */
export class ElasticsearchVersionLookup implements VersionLookup {
  readonly name = 'elasticsearch';
  private readonly options: ResolvedOptions;
  private readonly credentials: { username?: string; password?: string };

  constructor(options: ElasticsearchLookupOptions) {
    this.options = resolveOptions(options);
    this.credentials = { username: options.username, password: options.password };
  }

  async findPreviousVersion(
    datasetId: string,
    datasetVersion: string,
    context: VersionLookupContext,
  ): Promise<PreviousVersion | undefined> {
    const handles = await this.findDatasetHandles(datasetId, context.signal);
    const candidates = handles.length > 0 ? await this.readVersions(handles, context.signal) : [];

    this.options.logger.debug('Read dataset versions from Elasticsearch', {
      datasetId,
      handles,
      versions: candidates.map((candidate) => candidate.datasetVersion),
    });
    return selectPreviousVersion(datasetVersion, candidates);
  }

  // The values are checked again here: a version of another dataset would be a wrong citation.
  private async findDatasetHandles(datasetId: string, signal?: AbortSignal): Promise<string[]> {
    const values = await this.search(buildDatasetHandlesQuery(datasetId, this.query()), signal);
    const handles = values
      .filter((value) => value.type === 'DATASET_ID' && value.data === datasetId)
      .map((value) => value.handle);
    return [...new Set(handles)];
  }

  private async readVersions(handles: string[], signal?: AbortSignal) {
    const wanted = new Set(handles);
    const values = await this.search(buildDatasetVersionsQuery(handles, this.query()), signal);
    return values
      .filter((value) => value.type === 'DATASET_VERSION' && wanted.has(value.handle))
      .map((value): PreviousVersion => ({ datasetVersion: value.data, handle: value.handle }));
  }

  private query(): HandleValueQueryOptions {
    return { keywordSuffix: this.options.keywordSuffix, size: this.options.maxVersions };
  }

  private async search(body: unknown, signal?: AbortSignal): Promise<IndexedHandleValue[]> {
    const url = `${this.options.url}/${encodeURIComponent(this.options.index)}/_search`;
    const shownUrl = withoutCredentials(url);
    let answer: unknown;
    try {
      answer = await got
        .post(url, {
          json: body,
          timeout: { request: this.options.timeoutMs },
          retry: { limit: 0 },
          signal,
          ...this.authOptions(),
        })
        .json();
    } catch (error) {
      throw describeFailure(error, shownUrl);
    }
    return readHits(answer, shownUrl, this.options.maxVersions);
  }

  private authOptions(): { username?: string; password?: string } {
    const { username, password } = this.credentials;
    return username ? { username, password: password ?? '' } : {};
  }
}

function resolveOptions(options: ElasticsearchLookupOptions): ResolvedOptions {
  if (typeof options.url !== 'string' || !isHttpUrl(options.url)) {
    throw new InvalidRecordOptionsError(
      `Elasticsearch URL ${JSON.stringify(options.url)} is not an http(s) URL: set [elasticsearch].url`,
    );
  }
  const maxVersions = options.maxVersions ?? 100;
  if (!Number.isInteger(maxVersions) || maxVersions < 1 || maxVersions > MAX_RESULT_WINDOW) {
    throw new InvalidRecordOptionsError(
      `Elasticsearch maxVersions ${maxVersions} must be an integer from 1 to ${MAX_RESULT_WINDOW}`,
    );
  }
  const keywordSuffix = options.keywordSuffix ?? '.keyword';
  if (typeof keywordSuffix !== 'string') {
    throw new InvalidRecordOptionsError('[elasticsearch].keyword_suffix must be a string');
  }

  return {
    url: options.url.replace(/\/+$/, ''),
    index: options.index ?? 'handles',
    timeoutMs: options.timeoutMs ?? 10_000,
    keywordSuffix,
    maxVersions,
    logger: options.logger ?? SILENT_LOGGER,
  };
}

function readHits(answer: unknown, url: string, maxVersions: number): IndexedHandleValue[] {
  const hits = isRecord(answer) && isRecord(answer.hits) ? answer.hits : undefined;
  if (!hits || !Array.isArray(hits.hits)) {
    throw new VersionLookupError(`Elasticsearch at ${url} answered without hits.hits`);
  }

  const total = readTotalHits(hits);
  if (total !== undefined && total > hits.hits.length) {
    throw new VersionLookupError(
      `Elasticsearch at ${url} holds ${total} matching handle values, more than the ` +
        `${maxVersions} a lookup reads; the previous version cannot be chosen from a part of ` +
        'them. Check the index for duplicate handle values',
    );
  }
  return readHandleValues(hits.hits);
}

// The got error keeps the request options, credentials included: it is not passed on.
function describeFailure(error: unknown, url: string): VersionLookupError {
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const retriable = status >= 500 || status === 429;
    return new VersionLookupError(
      `Elasticsearch at ${url} answered HTTP ${status}${elasticReason(error.response.body)}`,
      { retriable },
    );
  }
  if (error instanceof ParseError) {
    return new VersionLookupError(`Elasticsearch at ${url} answered with a body that is not JSON`);
  }
  if (error instanceof RequestError) {
    return new VersionLookupError(`Elasticsearch at ${url} is unreachable: ${error.code}`, {
      retriable: true,
    });
  }
  return new VersionLookupError(`Elasticsearch at ${url} failed: ${String(error)}`);
}

function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

function elasticReason(body: unknown): string {
  try {
    const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body;
    const reason = isRecord(parsed) && isRecord(parsed.error) ? parsed.error.reason : undefined;
    return typeof reason === 'string' ? ` (${reason})` : '';
  } catch {
    return '';
  }
}
