/**
 * How the original Kafka message value is kept in a stored line:
 * - `json`: the value was a JSON object; the line is that object's fields.
 * - `text`: UTF-8 text that is not a JSON object, kept verbatim in `raw_message`.
 * - `base64`: bytes that are not UTF-8, kept as base64 in `raw_message`.
 * - `none`: the message had no value (`raw_message` is null).
 */
export type MessageEncoding = 'json' | 'text' | 'base64' | 'none';

/** The field that holds a message value which is not a JSON object. */
export const RAW_MESSAGE_FIELD = 'raw_message';

/** A message value turned into the fields of a stored line. */
export interface StoredMessage {
  fields: Record<string, unknown>;
  encoding: MessageEncoding;
}

/** A stored message value turned back into what arrived from Kafka. */
export interface RestoredMessage {
  /** The message value to process again (JSON text for `json` lines), or null for none. */
  value: Buffer | null;
  /** The event object, when the value was a JSON object. */
  event?: Record<string, unknown>;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True for a JSON-style object: not null, not an array, not bytes. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}

/**
 * Turns a received message into line fields. Accepts the parsed event object, or the raw
 * value (bytes or text, parsed here when it is a JSON object), or null/undefined for none.
 */
export function storeMessage(message: unknown): StoredMessage {
  if (isPlainObject(message)) return { fields: { ...message }, encoding: 'json' };
  if (message === null || message === undefined) {
    return { fields: { [RAW_MESSAGE_FIELD]: null }, encoding: 'none' };
  }
  if (message instanceof Uint8Array) return storeBytes(message);
  if (typeof message === 'string') return storeText(message);

  // A value the caller already parsed, but not an object: keep its JSON text.
  return { fields: { [RAW_MESSAGE_FIELD]: JSON.stringify(message) }, encoding: 'text' };
}

/** Turns the fields of a stored line (without `__infos__` and the added key) back into a value. */
export function restoreMessage(
  fields: Record<string, unknown>,
  encoding: MessageEncoding,
): RestoredMessage {
  const raw = fields[RAW_MESSAGE_FIELD];
  switch (encoding) {
    case 'json':
      return { value: Buffer.from(JSON.stringify(fields), 'utf8'), event: fields };
    case 'text':
      return { value: Buffer.from(String(raw), 'utf8') };
    case 'base64':
      return { value: Buffer.from(String(raw), 'base64') };
    case 'none':
      return { value: null };
  }
}

function storeBytes(bytes: Uint8Array): StoredMessage {
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    return { fields: { [RAW_MESSAGE_FIELD]: base64 }, encoding: 'base64' };
  }
  return storeText(text);
}

function storeText(text: string): StoredMessage {
  const parsed = parseJson(text);
  if (isPlainObject(parsed)) return { fields: parsed, encoding: 'json' };
  return { fields: { [RAW_MESSAGE_FIELD]: text }, encoding: 'text' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
