import { VersionLookupError } from '../errors.js';
import type { DatasetIdentity } from '../identifiers.js';
import type { ResolvedRecordOptions } from '../options.js';
import type { WarningCollector } from '../warnings.js';
import type { PreviousVersion, VersionLookupContext } from './version-lookup.js';

/**
 * Asks the configured lookup for the dataset's previous version. Every failure becomes a
 * `VersionLookupError` that names the item, keeps the lookup's `retriable` verdict and carries
 * the build's warnings so far.
 */
export async function findPreviousVersion(
  identity: DatasetIdentity,
  options: ResolvedRecordOptions,
  context: VersionLookupContext,
  warnings: WarningCollector,
): Promise<PreviousVersion | undefined> {
  const lookup = options.versionLookup;
  try {
    const previous = await lookup.findPreviousVersion(
      identity.datasetId,
      identity.datasetVersion,
      context,
    );
    options.logger.debug('Looked up the previous version', {
      itemId: identity.itemId,
      lookup: lookup.name,
      previousVersion: previous?.datasetVersion ?? null,
    });
    return previous;
  } catch (error) {
    throw lookupFailed(identity.itemId, lookup.name, error, warnings);
  }
}

function lookupFailed(
  itemId: string,
  lookup: string,
  error: unknown,
  warnings: WarningCollector,
): VersionLookupError {
  const retriable = (error as { retriable?: unknown } | undefined)?.retriable === true;
  const reason = error instanceof Error ? error.message : String(error);
  return new VersionLookupError(
    `Finding the previous version of item "${itemId}" through the ${lookup} lookup failed: ` +
      `${reason}. ${retriable ? 'Retry the event later' : 'Check the [lookup] configuration'}`,
    { itemId, retriable, warnings: warnings.warnings, cause: error },
  );
}
