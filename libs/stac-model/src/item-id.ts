/**
 * A CMIP6 item id: at least ten dot-separated parts, the last one `v` and the version digits,
 * e.g. `CMIP6.ScenarioMIP.DKRZ.MPI-ESM1-2-HR.ssp126.r1i1p1f1.Eyr.baresoilFrac.gn.v20190710`.
 */
export const CMIP6_ITEM_ID_PATTERN = '^(?:[^.\\s]+\\.){9,}v[0-9]+$';

/** Collection ids whose items follow the CMIP6 rules; ESGF writes both spellings. */
export const CMIP6_COLLECTION_PATTERN = '^[Cc][Mm][Ii][Pp]6$';

const CMIP6_ITEM_ID = new RegExp(CMIP6_ITEM_ID_PATTERN);
const CMIP6_COLLECTION = new RegExp(CMIP6_COLLECTION_PATTERN);

/** A CMIP6 item id split into the dataset id and the dataset version. */
export interface Cmip6DatasetId {
  /** The item id without its last part, e.g. `CMIP6.ScenarioMIP.….gn`. */
  datasetId: string;
  /** The last part as written, e.g. `v20190710`. */
  datasetVersion: string;
}

/** Splits a CMIP6 item id into dataset id and version; undefined when it is no CMIP6 id. */
export function parseCmip6ItemId(itemId: string): Cmip6DatasetId | undefined {
  if (!CMIP6_ITEM_ID.test(itemId)) return undefined;

  const lastDot = itemId.lastIndexOf('.');
  return { datasetId: itemId.slice(0, lastDot), datasetVersion: itemId.slice(lastDot + 1) };
}

/** Whether items of this collection follow the CMIP6 rules. */
export function isCmip6Collection(collectionId: string): boolean {
  return CMIP6_COLLECTION.test(collectionId);
}
