import type { AssetCheckMode } from './asset-problems.js';
import { EventError, StacApiError } from './errors.js';
import { applyItemPatch } from './patch/apply-item-patch.js';
import { describeRemedy } from './problem-messages.js';
import type { ItemEvent, PatchEvent, ResolvedItemEvent, StacItem } from './types.js';

/** Where a PATCH finds the item it changes; a {@link StacApiClient} is one. */
export interface StacItemSource {
  getItem(collectionId: string, itemId: string): Promise<StacItem | undefined>;
}

/** What {@link resolveEvent} needs besides the event and the item source. */
export interface ResolveEventOptions {
  /** As for parseEvent: whether malformed asset fields of the patched item refuse it. */
  assets?: AssetCheckMode;
  /** Names the event in messages. */
  source?: string;
}

/**
 * The event with its item: a POST or PUT as sent, a PATCH applied to the item fetched from
 * the STAC API. Throws a retriable {@link StacApiError} when the API is unreachable, a
 * permanent `STAC_ITEM_NOT_FOUND` when it has no such item, and a {@link PatchError} when the
 * patch does not apply or leaves an invalid item.
 */
export async function resolveEvent(
  event: ItemEvent,
  items: StacItemSource,
  options: ResolveEventOptions = {},
): Promise<ResolvedItemEvent> {
  const { method, collectionId, metadata } = event;
  if (event.method !== 'PATCH') return { method, collectionId, metadata, item: event.item };

  const current = await fetchCurrentItem(event, items, options.source);
  const item = applyItemPatch(current, event.patch, { ...options, collectionId });
  if (item.id !== event.itemId) throw renamedItem(event, item, options.source);
  return { method, collectionId, metadata, item };
}

async function fetchCurrentItem(
  event: PatchEvent,
  items: StacItemSource,
  source?: string,
): Promise<StacItem> {
  const item = await items.getItem(event.collectionId, event.itemId);
  if (item) return item;

  throw new StacApiError(
    'STAC_ITEM_NOT_FOUND',
    `${source ? `PATCH event ${source}` : 'PATCH event'}: the STAC API has no item ` +
      `${event.itemId} in collection ${event.collectionId}, so there is nothing to patch. ` +
      'Check that its POST was published; resend the PATCH once the item exists.',
    { retriable: false },
  );
}

function renamedItem(event: PatchEvent, item: StacItem, source?: string): EventError {
  const rule = `must stay "${event.itemId}"`;
  return new EventError(
    'ITEM_ID_MISMATCH',
    `${source ? `PATCH event ${source}` : 'PATCH event'}: the patched item's /id ${rule} ` +
      `(found "${item.id}"). ${describeRemedy('ITEM_ID_MISMATCH')}`,
    { path: '/data/payload/patch', rule, source },
  );
}
