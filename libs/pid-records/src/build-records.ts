import type { ResolvedItemEvent, StacItem } from '@piddi/stac-model';

import { buildDatasetRecord } from './dataset-record.js';
import { InvalidDatasetError, NoFilesError } from './errors.js';
import { buildFileRecords } from './file-records.js';
import { handleName, handleReference, splitItemId } from './identifiers.js';
import { findPreviousVersion } from './lookup/find-previous-version.js';
import { isRecord } from './objects.js';
import { resolveRecordOptions, type RecordOptions } from './options.js';
import { resolveDatasetPid } from './pids.js';
import type { BuildContext, RecordSet } from './types.js';
import { WarningCollector } from './warnings.js';

/**
 * Turns a CMIP6 item event into the handle records to write: one per registered file, in
 * asset order, and one for the dataset, whose `HAS_PARTS` lists exactly those files.
 * Throws a `RecordError`: not retriable when the event itself is invalid, retriable when the
 * previous-version lookup failed for a reason that may pass. Its `warnings` are those the build
 * had collected (and logged) by then.
 */
export async function buildRecords(
  event: ResolvedItemEvent,
  options: RecordOptions,
  context: BuildContext = {},
): Promise<RecordSet> {
  const resolved = resolveRecordOptions(options);
  const item = checkItem(event.item);
  const identity = splitItemId(item.id);
  const warnings = new WarningCollector(item.id, resolved.logger);

  const pid = resolveDatasetPid(item);
  const handle = handleName(resolved.prefix, pid.pid);
  const parent = { item, pid: pid.pid, reference: handleReference(handle) };
  const files = buildFileRecords(parent, resolved, warnings);
  if (files.length === 0 && resolved.maxParts !== 0) throw noFiles(item, warnings);

  const lookupContext = { prefix: resolved.prefix, collectionId: event.collectionId, ...context };
  const previousVersion = await findPreviousVersion(identity, resolved, lookupContext, warnings);
  const dataset = buildDatasetRecord({
    event,
    identity,
    pid,
    handle,
    files,
    previousVersion,
    options: resolved,
    warnings,
  });

  resolved.logger.debug('Built handle records', {
    itemId: item.id,
    handle,
    pidSource: pid.source,
    files: files.length,
    warnings: warnings.warnings.length,
  });
  return { dataset, files, warnings: warnings.warnings };
}

function checkItem(item: unknown): StacItem {
  const id = isRecord(item) && typeof item.id === 'string' ? item.id : '';
  if (!isRecord(item) || id.trim() === '') {
    throw new InvalidDatasetError(
      'The event carries no STAC item with an id; a dataset record needs the item id',
    );
  }
  const { assets = {}, properties = {} } = item;
  if (!isRecord(assets) || !isRecord(properties)) {
    throw new InvalidDatasetError(
      `Item "${id}" has assets or properties that are not JSON objects; ` +
        'fix the item at the publisher',
      { itemId: id },
    );
  }
  return { ...(item as StacItem), id, assets: assets as StacItem['assets'], properties };
}

function noFiles(item: StacItem, warnings: WarningCollector): NoFilesError {
  const keys = Object.keys(item.assets);
  return new NoFilesError(
    `Item "${item.id}" has no file that can be registered: its assets (${keys.join(', ')}) ` +
      'are all excluded or invalid (see the warnings). A dataset needs at least one file ' +
      'unless max_parts is 0; fix the assets at the publisher',
    { itemId: item.id, warnings: warnings.warnings },
  );
}
