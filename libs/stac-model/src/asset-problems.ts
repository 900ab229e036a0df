import type { EventProblem } from './errors.js';
import { compileSchemaCheck } from './schemas/schema-validator.js';
import { STAC_ITEM_SCHEMA } from './schemas/item-schema.js';
import type { StacItem } from './types.js';

/**
 * How an event treats an asset with a malformed PID, size or checksum. `strict` refuses the
 * whole event. `lenient` accepts it; the caller then uses {@link findAssetProblems} to leave
 * those assets out, since their fields may not have the declared types.
 */
export type AssetCheckMode = 'strict' | 'lenient';

/** A broken rule inside one asset. */
export interface AssetProblem extends EventProblem {
  /** The key of the asset in `item.assets`. */
  assetKey: string;
}

const checkItem = compileSchemaCheck(STAC_ITEM_SCHEMA);

/**
 * Lists the broken rules inside each asset of `item` (malformed PIDs, sizes, checksums, hrefs),
 * with paths relative to `itemPath`. Problems of the item itself are not listed.
 */
export function findAssetProblems(item: StacItem, itemPath = ''): AssetProblem[] {
  return checkItem(item, itemPath).flatMap((problem) => {
    const assetKey = readAssetKey(problem.path, itemPath);
    return assetKey === undefined ? [] : [{ ...problem, assetKey }];
  });
}

/** Whether a problem lies inside one asset of the item at `itemPath`. */
export function isAssetProblem(problem: EventProblem, itemPath: string): boolean {
  return readAssetKey(problem.path, itemPath) !== undefined;
}

function readAssetKey(path: string, itemPath: string): string | undefined {
  const prefix = `${itemPath}/assets/`;
  if (!path.startsWith(prefix)) return undefined;

  const rest = path.slice(prefix.length);
  const end = rest.indexOf('/');
  if (end <= 0) return undefined;
  return rest.slice(0, end).replaceAll('~1', '/').replaceAll('~0', '~');
}
