import {
  parseCmip6ItemId,
  type StacApiClient,
  type StacItem,
  type StacSearchRequest,
} from '@piddi/stac-model';

import { InvalidRecordOptionsError, VersionLookupError } from '../errors.js';
import { CMIP6_FACETS, handleName, splitDatasetId } from '../identifiers.js';
import { SILENT_LOGGER, type RecordLogger } from '../logger.js';
import { resolveDatasetPid } from '../pids.js';
import type { PreviousVersion, VersionLookup, VersionLookupContext } from './version-lookup.js';
import { selectPreviousVersion } from './version-order.js';

/** The part of `@piddi/stac-model`'s `StacApiClient` the lookup uses. */
export type StacItemSearch = Pick<StacApiClient, 'search'>;

/** How a search names its conditions: the query extension or a cql2-json filter. */
export type StacSearchSyntax = 'query' | 'cql2-json';

const SEARCH_SYNTAXES: readonly string[] = ['query', 'cql2-json'];

// ESGF items name the variable `variable_id` in one schema variant and `variable` in another;
// a search on either would miss the items of the other. The search names only the facets
// both variants carry, and readCandidate keeps items of other variables out by their id.
const SEARCH_FACETS = CMIP6_FACETS.filter((facet) => facet !== 'variable_id');

/** How the STAC lookup asks for the other versions of a dataset. */
export interface StacLookupOptions {
  /** The STAC API client; it retries transient failures itself. */
  client: StacItemSearch;
  /**
   * `query` for the query extension, `cql2-json` for the filter extension
   * (`[stac].search_syntax`).
   * @default 'query'
   */
  searchSyntax?: StacSearchSyntax;
  /**
   * Prefix of the facet properties in the items.
   * @default 'cmip6:'
   */
  propertyPrefix?: string;
  /** @default 100 */
  pageSize?: number;
  logger?: RecordLogger;
}

/**
 * Finds previous versions by searching the STAC API for items with the same CMIP6 facets, the
 * variable and the version aside, and keeping those whose item id names the same dataset.
 * The previous version's handle uses the PID its item carries, else the UUID v3 of its item
 * id: the PID it was registered under.
 */
export class StacVersionLookup implements VersionLookup {
  readonly name = 'stac';
  private readonly options: Required<StacLookupOptions>;

  constructor(options: StacLookupOptions) {
    if (options.searchSyntax !== undefined && !SEARCH_SYNTAXES.includes(options.searchSyntax)) {
      throw new InvalidRecordOptionsError(
        `STAC search syntax ${JSON.stringify(options.searchSyntax)} is unknown; use ` +
          '"query" or "cql2-json" in [stac].search_syntax',
      );
    }
    this.options = {
      searchSyntax: 'query',
      propertyPrefix: 'cmip6:',
      pageSize: 100,
      logger: SILENT_LOGGER,
      ...options,
    };
  }

  async findPreviousVersion(
    datasetId: string,
    datasetVersion: string,
    context: VersionLookupContext,
  ): Promise<PreviousVersion | undefined> {
    const request = this.buildSearch(datasetId, context.collectionId);
    const items = await this.search(request, datasetId);

    const candidates = items.flatMap((item) => this.readCandidate(item, datasetId, context));
    this.options.logger.debug('Read dataset versions from the STAC API', {
      datasetId,
      versions: candidates.map((candidate) => candidate.datasetVersion),
    });
    return selectPreviousVersion(datasetVersion, candidates);
  }

  /** The search body for every version of `datasetId` in `collectionId`, and its siblings. */
  buildSearch(datasetId: string, collectionId: string): StacSearchRequest {
    const facets = splitDatasetId(datasetId);
    const conditions = SEARCH_FACETS.map(
      (facet) => [`${this.options.propertyPrefix}${facet}`, facets[facet]] as const,
    );
    const base = { collections: [collectionId], limit: this.options.pageSize };
    if (this.options.searchSyntax === 'query') {
      return { ...base, query: Object.fromEntries(conditions.map(([name, eq]) => [name, { eq }])) };
    }

    const args = conditions.map(([property, value]) => ({ op: '=', args: [{ property }, value] }));
    return { ...base, filter: { op: 'and', args }, 'filter-lang': 'cql2-json' };
  }

  private async search(request: StacSearchRequest, datasetId: string): Promise<StacItem[]> {
    try {
      return await this.options.client.search(request);
    } catch (error) {
      const retriable = (error as { retriable?: unknown })?.retriable === true;
      throw new VersionLookupError(
        `Searching the STAC API for versions of ${datasetId} failed: ${String(error)}`,
        { retriable, cause: error },
      );
    }
  }

  // Items of another dataset (another variable, or a search that ignored a facet) or with an
  // unusable PID are never a previous version: pointing at them would cite the wrong data.
  private readCandidate(
    item: StacItem,
    datasetId: string,
    context: VersionLookupContext,
  ): PreviousVersion[] {
    const split = typeof item?.id === 'string' ? parseCmip6ItemId(item.id) : undefined;
    if (!split || split.datasetId !== datasetId) return [];

    try {
      const { pid } = resolveDatasetPid({ ...item, properties: item.properties ?? {} });
      return [{ datasetVersion: split.datasetVersion, handle: handleName(context.prefix, pid) }];
    } catch (error) {
      this.options.logger.warn('Ignoring a version whose PID is not a UUID', {
        itemId: item.id,
        reason: (error as Error).message,
      });
      return [];
    }
  }
}
