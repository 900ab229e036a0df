import { EventError } from './errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** What an event may arrive as: Kafka message bytes, text, or JSON already parsed. */
export type EventInput = Uint8Array | string | object;

/** Decodes UTF-8 bytes and parses JSON; a parsed value is copied so the caller keeps theirs. */
export function readMessage(input: EventInput, source?: string): unknown {
  if (input instanceof Uint8Array) return parseJson(decodeUtf8(input, source), source);
  if (typeof input === 'string') return parseJson(input, source);

  return structuredClone(input);
}

function decodeUtf8(bytes: Uint8Array, source?: string): string {
  try {
    return UTF8.decode(bytes);
  } catch (cause) {
    throw new EventError(
      'NOT_UTF8',
      `${describeSource(source)} is not UTF-8 text; ESGF events are UTF-8 JSON. ` +
        'Check the producer of this topic.',
      { source, cause, rule: 'must be UTF-8' },
    );
  }
}

function parseJson(text: string, source?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new EventError(
      'NOT_JSON',
      `${describeSource(source)} is not JSON (${reason}); ESGF events are JSON objects. ` +
        'Check the producer of this topic.',
      { source, cause, rule: 'must be JSON' },
    );
  }
}

/** How messages name the event: by its source when the caller gave one. */
export function describeSource(source?: string): string {
  return source ? `Event ${source}` : 'Event';
}
