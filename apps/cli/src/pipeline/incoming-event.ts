import type { KafkaCoordinates } from '@piddi/failure-store';

/** One event to process, from Kafka or from a failure file. */
export interface IncomingEvent {
  /** The message value exactly as received; null for a message without a value. */
  value: Buffer | null;
  /** Where it came from in Kafka, when known. */
  coordinates: KafkaCoordinates;
  /** How often it was retried already; its next failure is recorded with this count. */
  retries: number;
}

/** The Kafka header that carries an event's retry count through the retry topic. */
export const RETRIES_HEADER = 'piddi-retries';

/** Names an event in logs and errors: `topic/partition@offset key=…`. */
export function describeEvent({ coordinates }: IncomingEvent): string {
  const { topic, partition, offset, key } = coordinates;
  const place = topic === undefined ? 'event' : `${topic}/${partition ?? '?'}@${offset ?? '?'}`;
  return key ? `${place} key=${key}` : place;
}

/** Where an event came from, as separate fields of its log lines; unknown parts are left out. */
export interface EventLogFields {
  topic?: string;
  partition?: number;
  /** A decimal string, so that 64-bit offsets stay exact in the JSON log. */
  offset?: string;
  key?: string | null;
}

/** The Kafka coordinates of an event as log fields. */
export function eventLogFields({ coordinates }: IncomingEvent): EventLogFields {
  const { topic, partition, offset, key } = coordinates;
  const fields: EventLogFields = {};
  if (topic !== undefined) fields.topic = topic;
  if (partition !== undefined) fields.partition = partition;
  if (offset !== undefined) fields.offset = String(offset);
  if (key !== undefined) fields.key = key;
  return fields;
}

/** The event as the failure store keeps it: the JSON object, or the raw value it could not read. */
export function originalEvent(value: Buffer | null): unknown {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : value;
  } catch {
    return value;
  }
}
