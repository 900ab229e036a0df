import type { StacAsset, StacItem } from '@piddi/stac-model';

import { InvalidPidError } from './errors.js';
import { computeDatasetPid, computeFilePid, isPresent, readPid } from './identifiers.js';
import type { PidSource } from './types.js';

/** A record's PID and where it came from. */
export interface ResolvedPid {
  pid: string;
  source: PidSource;
}

/**
 * The dataset PID: `properties.pid`, else `properties["cmip6:pid"]`, else computed from the
 * item id. A PID the item carries but that is not a UUID makes the event invalid, because
 * computing another one would register the dataset under a second identity.
 */
export function resolveDatasetPid(item: StacItem): ResolvedPid {
  const [field, value] = firstPresent(item.properties, ['pid', 'cmip6:pid']);
  if (field === undefined) return { pid: computeDatasetPid(item.id), source: 'computed' };

  const pid = readPid(value);
  if (!pid) {
    throw new InvalidPidError(
      `Item "${item.id}" carries properties.${field} = ${JSON.stringify(value)}, which is not ` +
        'a UUID (hdl:PREFIX/UUID, PREFIX/UUID or UUID); fix the PID at the publisher or remove it',
      { itemId: item.id },
    );
  }
  return { pid, source: 'event' };
}

/**
 * The file PID: the asset's `tracking_id`, else `cmip6:tracking_id`, else computed from
 * `<item id>#<asset key>`. Returns a problem for a tracking id that is not a UUID.
 */
export function resolveFilePid(
  itemId: string,
  assetKey: string,
  asset: StacAsset,
): ResolvedPid | { problem: string } {
  const [field, value] = firstPresent(asset, ['tracking_id', 'cmip6:tracking_id']);
  if (field === undefined) return { pid: computeFilePid(itemId, assetKey), source: 'computed' };

  const pid = readPid(value);
  if (!pid) return { problem: `${field} ${JSON.stringify(value)} is not a UUID` };
  return { pid, source: 'event' };
}

function firstPresent(
  holder: Record<string, unknown>,
  fields: string[],
): [string, unknown] | [undefined, undefined] {
  const field = fields.find((name) => isPresent(holder[name]));
  return field === undefined ? [undefined, undefined] : [field, holder[field]];
}
