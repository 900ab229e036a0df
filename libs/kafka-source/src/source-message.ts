/** One header of a Kafka message; a key may repeat. */
export interface SourceHeader {
  key: string;
  value: Buffer;
}

/** A Kafka message as the handler sees it, with its coordinates for error reports. */
export interface SourceMessage {
  topic: string;
  partition: number;
  offset: number;
  /** The message key as UTF-8 (usually the STAC item id); absent when the message has none. */
  key?: string;
  /** The raw value; null for a tombstone. */
  value: Buffer | null;
  /** Milliseconds since the epoch, as the broker or producer set it. */
  timestamp?: number;
  headers?: SourceHeader[];
}

/** Receives every message; resolves when the event is done (written, or recorded as failed). */
export type MessageHandler = (message: SourceMessage) => Promise<void>;

/** The fields librdkafka gives a consumed message. */
export interface RawMessage {
  topic: string;
  partition: number;
  offset: number;
  key?: Buffer | string | null;
  value: Buffer | null;
  timestamp?: number;
  headers?: { [key: string]: Buffer | string }[];
}

function toBuffer(value: Buffer | string): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : value;
}

/** Converts librdkafka's message (headers as one-entry objects) into a SourceMessage. */
export function toSourceMessage(raw: RawMessage): SourceMessage {
  const headers = raw.headers?.flatMap((header) =>
    Object.entries(header).map(([key, value]) => ({ key, value: toBuffer(value) })),
  );
  return {
    topic: raw.topic,
    partition: raw.partition,
    offset: raw.offset,
    ...(raw.key === null || raw.key === undefined ? {} : { key: raw.key.toString() }),
    value: raw.value,
    ...(raw.timestamp === undefined ? {} : { timestamp: raw.timestamp }),
    ...(headers && headers.length > 0 ? { headers } : {}),
  };
}
