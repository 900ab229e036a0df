import type { StacItem } from '@piddi/stac-model';

import { InvalidFileError } from './errors.js';
import { buildFileRecord } from './file-record.js';
import type { ResolvedRecordOptions } from './options.js';
import type { FileRecord } from './types.js';
import type { WarningCollector } from './warnings.js';

/** The dataset the files belong to. */
export interface FileParent {
  item: StacItem;
  pid: string;
  /** `hdl:` reference of the dataset record. */
  reference: string;
}

/**
 * Builds the records of the item's file assets, in asset order. An invalid file throws
 * `InvalidFileError` in strict mode; otherwise it is left out with a warning, so that
 * `HAS_PARTS` never names a handle that is not written.
 */
export function buildFileRecords(
  parent: FileParent,
  options: ResolvedRecordOptions,
  warnings: WarningCollector,
): FileRecord[] {
  const files: FileRecord[] = [];
  const owners = new Map<string, string>([[parent.pid, 'the dataset']]);

  for (const [assetKey, asset] of selectFileAssets(parent.item, options, warnings)) {
    const outcome = buildFileRecord({
      itemId: parent.item.id,
      assetKey,
      asset,
      datasetReference: parent.reference,
      options,
      warnings,
    });
    const problems =
      'problems' in outcome ? outcome.problems : pidConflicts(outcome.record, owners);
    if ('record' in outcome && problems.length === 0) {
      files.push(outcome.record);
      owners.set(outcome.record.pid, `asset ${assetKey}`);
      continue;
    }
    rejectFile(parent.item.id, assetKey, problems, options, warnings);
  }

  return files;
}

/** The item's assets that are files: not excluded, and at most `max_parts` of them. */
export function selectFileAssets(
  item: StacItem,
  options: ResolvedRecordOptions,
  warnings: WarningCollector,
): [string, unknown][] {
  const excluded = new Set(options.excludedAssetKeys);
  const assets = Object.entries(item.assets).filter(([key]) => !excluded.has(key));
  if (options.maxParts < 0 || assets.length <= options.maxParts) return assets;

  warnings.warn(
    'MAX_PARTS_REACHED',
    `Item has ${assets.length} file assets but max_parts is ${options.maxParts}; only the ` +
      `first ${options.maxParts} are registered and listed in HAS_PARTS`,
    { field: 'HAS_PARTS' },
  );
  return assets.slice(0, options.maxParts);
}

// Two records under one handle would overwrite each other: the second file is invalid.
function pidConflicts(record: FileRecord, owners: Map<string, string>): string[] {
  const owner = owners.get(record.pid);
  return owner ? [`its PID ${record.pid} is already used by ${owner}`] : [];
}

function rejectFile(
  itemId: string,
  assetKey: string,
  problems: string[],
  options: ResolvedRecordOptions,
  warnings: WarningCollector,
): void {
  const reasons = problems.join('; ');
  if (options.strictMode) {
    throw new InvalidFileError(
      `File asset "${assetKey}" of item "${itemId}" is invalid: ${reasons}. Fix the asset at ` +
        'the publisher, or set [schema].strict_mode = false to register the dataset without it',
      problems,
      { itemId, assetKey, warnings: warnings.warnings },
    );
  }
  warnings.warn(
    'INVALID_FILE_SKIPPED',
    `File asset "${assetKey}" is invalid (${reasons}); it is left out of the registration ` +
      'and of HAS_PARTS',
    { assetKey },
  );
}
