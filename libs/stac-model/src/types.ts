/**
 * The STAC item and event types that Piddi reads. Fields it does not read stay `unknown`.
 * A field that may be null treats null as absent.
 */

/** One entry of an asset's `alternate` map (STAC alternate-assets extension). */
export interface StacAlternate {
  href?: string | null;
  'alternate:name'?: string | null;
  'file:size'?: number;
  'file:checksum'?: string;
  published_on?: string | null;
  [key: string]: unknown;
}

export interface StacAsset {
  href?: string | null;
  type?: string;
  roles?: string[];
  'alternate:name'?: string | null;
  'file:size'?: number;
  'file:checksum'?: string;
  tracking_id?: string | null;
  'cmip6:tracking_id'?: string | null;
  published_on?: string | null;
  alternate?: Record<string, StacAlternate>;
  [key: string]: unknown;
}

export interface StacItemProperties {
  pid?: string | null;
  'cmip6:pid'?: string | null;
  retracted?: boolean | string | number | null;
  [key: string]: unknown;
}

export interface StacItem {
  type: 'Feature';
  id: string;
  collection?: string;
  properties: StacItemProperties;
  /** Asset keys in the order the event lists them; that order is the order of `HAS_PARTS`. */
  assets: Record<string, StacAsset>;
  [key: string]: unknown;
}

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

/** The three forms a PATCH payload takes on the ESGF stream. */
export type ItemPatch =
  | { form: 'json-patch'; operations: JsonPatchOperation[] }
  | { form: 'wrapped-json-patch'; operations: JsonPatchOperation[] }
  | { form: 'merge-patch'; patch: Record<string, unknown> };

export type EventMethod = 'POST' | 'PUT' | 'PATCH';

export interface EventMetadata {
  /** Publication time as sent; may lack a zone, which means UTC. */
  time?: string | null;
  event_id?: string;
  request_id?: string;
  schema_version?: string;
  [key: string]: unknown;
}

interface EventBase {
  collectionId: string;
  metadata: EventMetadata;
  /** The message exactly as received, parsed; failure files store this. */
  raw: Record<string, unknown>;
}

export interface PostEvent extends EventBase {
  method: 'POST';
  item: StacItem;
}

export interface PutEvent extends EventBase {
  method: 'PUT';
  itemId: string;
  item: StacItem;
}

export interface PatchEvent extends EventBase {
  method: 'PATCH';
  itemId: string;
  patch: ItemPatch;
}

/** A validated ESGF STAC item event. */
export type ItemEvent = PostEvent | PutEvent | PatchEvent;

/** An event whose item is known: a POST or PUT as sent, or a PATCH after it was applied. */
export interface ResolvedItemEvent {
  method: EventMethod;
  collectionId: string;
  metadata: EventMetadata;
  item: StacItem;
}
