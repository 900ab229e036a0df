import { storeMessage, type MessageEncoding } from './stored-message.js';

/** The field of a stored line that holds everything the store added to the event. */
export const INFOS_FIELD = '__infos__';

/** Where a message came from in Kafka; each part is written only when known. */
export interface KafkaCoordinates {
  topic?: string;
  partition?: number;
  /** Written as a decimal string, which keeps 64-bit offsets exact. */
  offset?: string | number | bigint;
  /** The message key; null when the message had none. */
  key?: string | null;
}

/** The `__infos__` object of a stored line, as written. */
export interface LineInfos {
  failure_timestamp?: string;
  skip_timestamp?: string;
  received_timestamp?: string;
  retries?: number;
  reason?: string;
  error_code?: string;
  message_encoding: MessageEncoding;
  topic?: string;
  partition?: number;
  offset?: string;
  key?: string | null;
}

/** The parts of `__infos__` that describe what happened to the event. */
export type OutcomeInfos = Omit<
  LineInfos,
  'message_encoding' | 'topic' | 'partition' | 'offset' | 'key'
>;

/**
 * Builds a stored line: the original event's fields, the Kafka key at top level (unless the
 * event has a `key` of its own, which is never overwritten) and `__infos__` last. An
 * `__infos__` the event itself carried is replaced: it described an earlier failure.
 */
export function composeLine(
  event: unknown,
  outcome: OutcomeInfos,
  coordinates: KafkaCoordinates = {},
): Record<string, unknown> {
  const { fields, encoding } = storeMessage(event);
  const infos: LineInfos = {
    ...outcome,
    message_encoding: encoding,
    ...writtenCoordinates(coordinates),
  };

  const line: Record<string, unknown> = { ...fields };
  if (typeof coordinates.key === 'string' && !('key' in line)) line.key = coordinates.key;
  line[INFOS_FIELD] = infos;
  return line;
}

function writtenCoordinates({
  topic,
  partition,
  offset,
  key,
}: KafkaCoordinates): Partial<LineInfos> {
  return {
    topic,
    partition,
    offset: offset === undefined ? undefined : String(offset),
    key,
  };
}
