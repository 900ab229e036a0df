/** The dataset record a new version points at through `PREVIOUS_VERSION`. */
export interface PreviousVersion {
  /** The previous version as written in its item id, e.g. `v20180101`. */
  datasetVersion: string;
  /** Handle name of the previous version's dataset record, `<prefix>/<pid>`. */
  handle: string;
}

/** What a lookup needs to know besides the dataset. */
export interface VersionLookupContext {
  /** Prefix the dataset records are registered under. */
  prefix: string;
  /** STAC collection of the event, e.g. `CMIP6`. */
  collectionId: string;
  signal?: AbortSignal;
}

/**
 * Finds the newest version of a dataset that is older than a given version. Implementations
 * throw a `VersionLookupError` whose `retriable` says whether a later attempt may succeed.
 */
export interface VersionLookup {
  /** Short name for logs, e.g. `stac`. */
  readonly name: string;
  findPreviousVersion(
    datasetId: string,
    datasetVersion: string,
    context: VersionLookupContext,
  ): Promise<PreviousVersion | undefined>;
}

/** The lookup for `lookup.backend = "disabled"`: no dataset ever has a previous version. */
export class DisabledVersionLookup implements VersionLookup {
  readonly name = 'disabled';

  async findPreviousVersion(): Promise<PreviousVersion | undefined> {
    return undefined;
  }
}
