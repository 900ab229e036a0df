import { parseCmip6ItemId, parsePid } from '@piddi/stac-model';
import { v3 as uuidV3 } from 'uuid';

import { InvalidItemIdError } from './errors.js';

/** The CMIP6 facets an item id is made of, in id order (the version follows them). */
export const CMIP6_FACETS = [
  'mip_era',
  'activity_id',
  'institution_id',
  'source_id',
  'experiment_id',
  'variant_label',
  'table_id',
  'variable_id',
  'grid_label',
] as const;

/** One of {@link CMIP6_FACETS}. */
export type Cmip6Facet = (typeof CMIP6_FACETS)[number];

/** What an item id says about its dataset. */
export interface DatasetIdentity {
  itemId: string;
  /** The item id without its last dot-part. */
  datasetId: string;
  /** The last dot-part as written, e.g. `v20190119`. */
  datasetVersion: string;
}

/**
 * Splits a CMIP6 item id into dataset id and version (the rule of `@piddi/stac-model`: at
 * least ten dot-separated parts, the last `v` and digits); throws `InvalidItemIdError`.
 */
export function splitItemId(itemId: string): DatasetIdentity {
  const split = parseCmip6ItemId(itemId);
  if (!split) {
    throw new InvalidItemIdError(
      `Item id "${itemId}" is not a CMIP6 dataset id: it needs ten non-empty dot-separated ` +
        `parts (${CMIP6_FACETS.join('.')}.v<YYYYMMDD>); fix the item id at the publisher`,
      { itemId },
    );
  }
  return { itemId, ...split };
}

/** The facet values of a dataset id, by facet name. */
export function splitDatasetId(datasetId: string): Record<Cmip6Facet, string> {
  const parts = datasetId.split('.');
  return Object.fromEntries(
    CMIP6_FACETS.map((facet, position) => [facet, parts[position] ?? '']),
  ) as Record<Cmip6Facet, string>;
}

/** UUID version 3 in the URL namespace: the same name always gives the same PID. */
export function computePid(name: string): string {
  return uuidV3(name, uuidV3.URL);
}

/** The PID of a dataset whose item carries none. */
export function computeDatasetPid(itemId: string): string {
  return computePid(itemId);
}

/** The PID of a file whose asset carries no tracking id. */
export function computeFilePid(itemId: string, assetKey: string): string {
  return computePid(`${itemId}#${assetKey}`);
}

/**
 * Reads a PID as events write it (`hdl:PREFIX/UUID`, `PREFIX/UUID` or a bare UUID): the
 * lower-case UUID after the last `/`, or undefined when that is not a UUID.
 */
export function readPid(value: unknown): string | undefined {
  return parsePid(value);
}

/** True when a PID field holds something: empty strings and null count as absent. */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Handle name of a PID, `<prefix>/<pid>`. */
export function handleName(prefix: string, pid: string): string {
  return `${prefix}/${pid}`;
}

/** Reference to a handle as records write it, `hdl:<handle>`. */
export function handleReference(handle: string): string {
  return `hdl:${handle}`;
}
