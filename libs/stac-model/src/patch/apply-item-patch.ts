import { applyPatch, type Operation } from 'rfc6902';

import type { AssetCheckMode } from '../asset-problems.js';
import { isAssetProblem } from '../asset-problems.js';
import { PatchError } from '../errors.js';
import { isCmip6Collection } from '../item-id.js';
import { describeProblem, describeRemedy } from '../problem-messages.js';
import { CMIP6_ITEM_SCHEMA, STAC_ITEM_SCHEMA } from '../schemas/item-schema.js';
import { compileSchemaCheck } from '../schemas/schema-validator.js';
import type { ItemPatch, JsonPatchOperation, StacItem } from '../types.js';
import { applyMergePatch } from './merge-patch.js';

/** What {@link applyItemPatch} needs besides the item and the patch. */
export interface ApplyItemPatchOptions {
  /** The item's collection; a CMIP6 collection also checks the CMIP6 item id rule. */
  collectionId?: string;
  /** As for parseEvent: whether malformed asset fields in the result refuse it. */
  assets?: AssetCheckMode;
  /** Names the event in messages. */
  source?: string;
}

const checkStacItem = compileSchemaCheck(STAC_ITEM_SCHEMA);
const checkCmip6Item = compileSchemaCheck(CMIP6_ITEM_SCHEMA);

/**
 * Applies a PATCH event's patch to the current item and returns the patched item, checked
 * again as a STAC item. The given item is never changed. Throws a {@link PatchError}:
 * `PATCH_NOT_APPLICABLE` when an RFC 6902 operation fails (a `test` that does not hold, a
 * path that does not exist), `INVALID_PATCHED_ITEM` when the result is no valid item. Both are
 * permanent: the same patch on the same item fails again.
 */
export function applyItemPatch(
  item: StacItem,
  patch: ItemPatch,
  options: ApplyItemPatchOptions = {},
): StacItem {
  const patched =
    patch.form === 'merge-patch'
      ? applyMergePatch(structuredClone(item), patch.patch)
      : applyOperations(structuredClone(item), patch, options.source);

  checkPatchedItem(patched, options);
  return patched as StacItem;
}

function applyOperations(
  item: StacItem,
  patch: Extract<ItemPatch, { operations: JsonPatchOperation[] }>,
  source?: string,
): StacItem {
  const results = applyPatch(item, patch.operations as Operation[]);

  const index = results.findIndex((result) => result !== null);
  if (index === -1) return item;

  const operation = patch.operations[index];
  const listPath =
    patch.form === 'json-patch' ? '/data/payload/patch' : '/data/payload/patch/operations';
  const rule = `${operation.op} ${operation.path}: ${results[index]?.message}`;
  throw new PatchError(
    'PATCH_NOT_APPLICABLE',
    `${describeEvent(source)}: patch operation ${index} (${rule}) cannot be applied to item ` +
      `${item.id}. ${describeRemedy('PATCH_NOT_APPLICABLE')}`,
    { path: `${listPath}/${index}`, rule, source, operationIndex: index },
  );
}

function checkPatchedItem(patched: unknown, options: ApplyItemPatchOptions): void {
  const useCmip6 = options.collectionId !== undefined && isCmip6Collection(options.collectionId);
  const found = (useCmip6 ? checkCmip6Item : checkStacItem)(patched);

  const problems =
    options.assets === 'lenient' ? found.filter((p) => !isAssetProblem(p, '')) : found;
  if (problems.length === 0) return;

  const [first] = problems;
  throw new PatchError(
    'INVALID_PATCHED_ITEM',
    `${describeEvent(options.source)}: the patched item is invalid: ${describeProblem(first)}. ` +
      describeRemedy('INVALID_PATCHED_ITEM'),
    { path: first.path, rule: first.rule, source: options.source, problems },
  );
}

function describeEvent(source?: string): string {
  return source ? `PATCH event ${source}` : 'PATCH event';
}
