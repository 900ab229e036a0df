import { INFOS_FIELD } from './stored-line.js';
import type { StoredCoordinates, StoredEntry } from './stored-entry.js';
import { restoreMessage } from './stored-message.js';

/** A stored event, ready to be processed again. */
export interface RetryEvent {
  /** The message value as it arrived (JSON text of the event for JSON events), or null. */
  value: Buffer | null;
  /** The original event object, when the message was a JSON object. */
  event?: Record<string, unknown>;
  /** The Kafka key to send or process it with; null or absent when it had none. */
  key?: string | null;
  /** Retries before the stored failure. Record a new failure of this event with `retries + 1`. */
  retries: number;
  /** Where the event first came from. */
  coordinates: StoredCoordinates;
  /** The file and line it was read from, for reports. */
  source: { file: string; line: number };
}

/**
 * Gives back the original event of a stored entry: `__infos__` removed, and the top-level
 * `key` removed when it is the copy of the Kafka key the store added.
 */
export function toRetryEvent(entry: StoredEntry): RetryEvent {
  const fields: Record<string, unknown> = { ...entry.record };
  delete fields[INFOS_FIELD];
  if (entry.coordinates.key !== undefined && fields.key === entry.coordinates.key) {
    delete fields.key;
  }

  return {
    ...restoreMessage(fields, entry.encoding),
    key: entry.coordinates.key,
    retries: entry.retries,
    coordinates: entry.coordinates,
    source: { file: entry.file, line: entry.line },
  };
}
