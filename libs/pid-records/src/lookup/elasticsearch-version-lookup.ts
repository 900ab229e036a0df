import got, { HTTPError, ParseError, RequestError } from 'got';

import { InvalidRecordOptionsError, VersionLookupError } from '../errors.js';
import { SILENT_LOGGER, type RecordLogger } from '../logger.js';
import { isRecord } from '../objects.js';
import { isHttpUrl } from '../urls.js';
import type { PreviousVersion, VersionLookup, VersionLookupContext } from './version-lookup.js';
import { selectPreviousVersion } from './version-order.js';

/** Where the index of dataset handles is and how to reach it (`[elasticsearch]`). */
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
   * Most versions of one dataset read per lookup, newest first.
   * @default 100
   */
  maxVersions?: number;
  logger?: RecordLogger;
}

/** The fields of an indexed dataset handle that the lookup reads. */
export interface IndexedDatasetHandle {
  /** Handle name, `<prefix>/<pid>` (an `hdl:` in front is tolerated); else the document id. */
  handle?: string;
  DATASET_ID: string;
  DATASET_VERSION: string;
}

/**
 * Finds previous versions in an Elasticsearch index that holds one document per dataset
 * handle, with the record's fields as top-level keyword fields (see {@link IndexedDatasetHandle}).
 * It asks for the documents whose `DATASET_ID` equals the dataset's (a `term` query, so the
 * field must be mapped as `keyword`), newest `DATASET_VERSION` first, and picks the newest
 * version older than the current one.
 */
export class ElasticsearchVersionLookup implements VersionLookup {
  readonly name = 'elasticsearch';
  private readonly options: Required<Omit<ElasticsearchLookupOptions, 'username' | 'password'>>;
  private readonly credentials: { username?: string; password?: string };

  constructor(options: ElasticsearchLookupOptions) {
    if (typeof options.url !== 'string' || !isHttpUrl(options.url)) {
      throw new InvalidRecordOptionsError(
        `Elasticsearch URL ${JSON.stringify(options.url)} is not an http(s) URL: set [elasticsearch].url`,
      );
    }
    this.options = {
      url: options.url.replace(/\/+$/, ''),
      index: options.index ?? 'handles',
      timeoutMs: options.timeoutMs ?? 10_000,
      maxVersions: options.maxVersions ?? 100,
      logger: options.logger ?? SILENT_LOGGER,
    };
    this.credentials = { username: options.username, password: options.password };
  }

  async findPreviousVersion(
    datasetId: string,
    datasetVersion: string,
    context: VersionLookupContext,
  ): Promise<PreviousVersion | undefined> {
    const hits = await this.search(datasetId, context.signal);
    const candidates = hits.flatMap((hit) => readCandidate(hit, datasetId));
    this.options.logger.debug('Read dataset versions from Elasticsearch', {
      datasetId,
      versions: candidates.map((candidate) => candidate.datasetVersion),
    });
    return selectPreviousVersion(datasetVersion, candidates);
  }

  private async search(datasetId: string, signal?: AbortSignal): Promise<unknown[]> {
    const url = `${this.options.url}/${encodeURIComponent(this.options.index)}/_search`;
    const shownUrl = withoutCredentials(url);
    let body: unknown;
    try {
      body = await got
        .post(url, {
          json: buildVersionQuery(datasetId, this.options.maxVersions),
          timeout: { request: this.options.timeoutMs },
          retry: { limit: 0 },
          signal,
          ...this.authOptions(),
        })
        .json();
    } catch (error) {
      throw describeFailure(error, shownUrl);
    }
    return readHits(body, shownUrl);
  }

  private authOptions(): { username?: string; password?: string } {
    const { username, password } = this.credentials;
    return username ? { username, password: password ?? '' } : {};
  }
}

/** The `_search` body the lookup sends. */
export function buildVersionQuery(datasetId: string, size: number): Record<string, unknown> {
  return {
    size,
    query: { bool: { filter: [{ term: { DATASET_ID: datasetId } }] } },
    sort: [{ DATASET_VERSION: { order: 'desc' } }],
    _source: ['handle', 'DATASET_ID', 'DATASET_VERSION'],
  };
}

function readHits(body: unknown, url: string): unknown[] {
  const hits = isRecord(body) && isRecord(body.hits) ? body.hits.hits : undefined;
  if (!Array.isArray(hits)) {
    throw new VersionLookupError(`Elasticsearch at ${url} answered without hits.hits`);
  }
  return hits;
}

function readCandidate(hit: unknown, datasetId: string): PreviousVersion[] {
  if (!isRecord(hit) || !isRecord(hit._source)) return [];
  const source = hit._source;
  const handle = typeof source.handle === 'string' ? source.handle : hit._id;
  if (source.DATASET_ID !== datasetId || typeof source.DATASET_VERSION !== 'string') return [];
  if (typeof handle !== 'string' || handle === '') return [];

  return [{ datasetVersion: source.DATASET_VERSION, handle: handle.replace(/^hdl:/, '') }];
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
