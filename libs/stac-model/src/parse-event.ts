import { isAssetProblem, type AssetCheckMode } from './asset-problems.js';
import { EventError, type EventProblem } from './errors.js';
import { createProblemError, describeRemedy } from './problem-messages.js';
import { describeSource, readMessage, type EventInput } from './read-message.js';
import { EVENT_SCHEMA } from './schemas/event-schema.js';
import { compileSchemaCheck } from './schemas/schema-validator.js';
import type {
  EventMetadata,
  ItemEvent,
  ItemPatch,
  JsonPatchOperation,
  PutEvent,
  StacItem,
} from './types.js';

/** How {@link parseEvent} reads an event. */
export interface ParseEventOptions {
  /** Names the event in messages, e.g. `topic/partition@offset key=…`. */
  source?: string;
  /**
   * Whether a malformed asset PID, size or checksum refuses the event (see AssetCheckMode).
   * @default 'strict'
   */
  assets?: AssetCheckMode;
}

/** The outcome of {@link tryParseEvent}. */
export type ParseEventResult = { ok: true; event: ItemEvent } | { ok: false; error: EventError };

interface EventMessage {
  data: { payload: EventPayload };
  metadata?: EventMetadata;
}

type EventPayload =
  | { method: 'POST'; collection_id: string; item: StacItem }
  | { method: 'PUT'; collection_id: string; item_id: string; item: StacItem }
  | { method: 'PATCH'; collection_id: string; item_id: string; patch: unknown };

const ITEM_PATH = '/data/payload/item';
const checkEvent = compileSchemaCheck(EVENT_SCHEMA);

/**
 * Reads one ESGF STAC item event from Kafka bytes, text or parsed JSON and checks it against
 * {@link EVENT_SCHEMA}. Throws an {@link EventError} whose `code` says what is wrong and whose
 * `path` (a JSON Pointer) says where, e.g. `INVALID_FILE_SIZE` at
 * `/data/payload/item/assets/data0001/file:size`.
 */
export function parseEvent(input: EventInput, options: ParseEventOptions = {}): ItemEvent {
  const raw = readMessage(input, options.source);

  const problems = selectProblems(checkEvent(raw), options.assets ?? 'strict');
  if (problems.length > 0) throw createProblemError(problems, options.source);

  const event = buildEvent(raw as EventMessage & Record<string, unknown>);
  if (event.method === 'PUT') checkPutItemId(event, options.source);
  return event;
}

/** Like {@link parseEvent}, but returns the {@link EventError} instead of throwing it. */
export function tryParseEvent(
  input: EventInput,
  options: ParseEventOptions = {},
): ParseEventResult {
  try {
    return { ok: true, event: parseEvent(input, options) };
  } catch (error) {
    if (error instanceof EventError) return { ok: false, error };
    throw error;
  }
}

function selectProblems(problems: EventProblem[], assets: AssetCheckMode): EventProblem[] {
  if (assets === 'strict') return problems;
  return problems.filter((problem) => !isAssetProblem(problem, ITEM_PATH));
}

function buildEvent(raw: EventMessage & Record<string, unknown>): ItemEvent {
  const payload = raw.data.payload;
  const base = { collectionId: payload.collection_id, metadata: raw.metadata ?? {}, raw };

  switch (payload.method) {
    case 'POST':
      return { ...base, method: 'POST', item: payload.item };
    case 'PUT':
      return { ...base, method: 'PUT', itemId: payload.item_id, item: payload.item };
    case 'PATCH':
      return { ...base, method: 'PATCH', itemId: payload.item_id, patch: readPatch(payload.patch) };
  }
}

/** Tells the three PATCH forms apart; the schema has already checked each form's shape. */
function readPatch(patch: unknown): ItemPatch {
  if (Array.isArray(patch))
    return { form: 'json-patch', operations: patch as JsonPatchOperation[] };

  const object = patch as Record<string, unknown>;
  if ('operations' in object) {
    return { form: 'wrapped-json-patch', operations: object.operations as JsonPatchOperation[] };
  }
  return { form: 'merge-patch', patch: object };
}

function checkPutItemId(event: PutEvent, source?: string): void {
  if (event.item.id === event.itemId) return;

  const rule = `must equal item_id "${event.itemId}"`;
  throw new EventError(
    'ITEM_ID_MISMATCH',
    `${describeSource(source)} is invalid: ${ITEM_PATH}/id ${rule} (found "${event.item.id}"). ` +
      describeRemedy('ITEM_ID_MISMATCH'),
    { path: `${ITEM_PATH}/id`, rule, source },
  );
}
