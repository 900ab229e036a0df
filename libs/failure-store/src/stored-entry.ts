import { CorruptLineError } from './errors.js';
import { INFOS_FIELD } from './stored-line.js';
import { RAW_MESSAGE_FIELD, isPlainObject, type MessageEncoding } from './stored-message.js';

/** Where a stored message came from in Kafka, as read back. */
export interface StoredCoordinates {
  topic?: string;
  partition?: number;
  offset?: string;
  /** The message key; null when the message had none, absent when unknown. */
  key?: string | null;
}

/** One line of a failure, skipped or dump file, read back. */
export interface StoredEntry {
  file: string;
  line: number;
  /** The whole line as stored, `__infos__` included. */
  record: Record<string, unknown>;
  /** When the line was written: its failure, skip or receipt time, whichever it has. */
  timestamp?: string;
  /** Retries before the recorded failure; 0 for dumps and lines without a count. */
  retries: number;
  reason?: string;
  errorCode?: string;
  encoding: MessageEncoding;
  coordinates: StoredCoordinates;
}

const ENCODINGS: readonly MessageEncoding[] = ['json', 'text', 'base64', 'none'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads a parsed line as a stored entry. Lines written by the Python piddiplatsch (no
 * encoding, key only at top level) are read too.
 * @throws CorruptLineError when the line is not a JSON object or its `__infos__` are malformed.
 */
export function toStoredEntry(value: unknown, file: string, line: number): StoredEntry {
  const corrupt = (problem: string) => new CorruptLineError(file, line, problem);
  if (!isPlainObject(value)) throw corrupt('not a JSON object');
  const infos = value[INFOS_FIELD] ?? {};
  if (!isPlainObject(infos)) throw corrupt(`${INFOS_FIELD} is not an object`);

  const read = fieldReader(infos, corrupt);
  const encoding = readEncoding(value, infos, corrupt);
  return {
    file,
    line,
    record: value,
    timestamp:
      read.string('failure_timestamp') ??
      read.string('skip_timestamp') ??
      read.string('received_timestamp'),
    retries: read.count('retries') ?? 0,
    reason: read.string('reason'),
    errorCode: read.string('error_code'),
    encoding,
    coordinates: readCoordinates(value, infos, read),
  };
}

type FieldReader = ReturnType<typeof fieldReader>;

function fieldReader(infos: Record<string, unknown>, corrupt: (problem: string) => Error) {
  const check = <T>(name: string, isValid: (field: unknown) => boolean): T | undefined => {
    const field = infos[name];
    if (field === undefined) return undefined;
    if (!isValid(field)) throw corrupt(`${INFOS_FIELD}.${name} has the wrong type`);
    return field as T;
  };
  return {
    string: (name: string) => check<string>(name, (field) => typeof field === 'string'),
    count: (name: string) =>
      check<number>(name, (field) => Number.isSafeInteger(field) && (field as number) >= 0),
    offset: (name: string) => check<string | number>(name, isOffset),
  };
}

function isOffset(field: unknown): boolean {
  return (typeof field === 'string' || typeof field === 'number') && /^\d+$/.test(String(field));
}

function readEncoding(
  value: Record<string, unknown>,
  infos: Record<string, unknown>,
  corrupt: (problem: string) => Error,
): MessageEncoding {
  const encoding = infos.message_encoding ?? 'json';
  if (!ENCODINGS.includes(encoding as MessageEncoding)) throw corrupt('unknown message_encoding');

  const raw = value[RAW_MESSAGE_FIELD];
  if (encoding === 'text' && typeof raw !== 'string') throw corrupt('raw_message is not text');
  if (encoding === 'base64' && !(typeof raw === 'string' && BASE64.test(raw))) {
    throw corrupt('raw_message is not base64');
  }
  return encoding as MessageEncoding;
}

function readCoordinates(
  value: Record<string, unknown>,
  infos: Record<string, unknown>,
  read: FieldReader,
): StoredCoordinates {
  const offset = read.offset('offset');
  const coordinates: StoredCoordinates = {
    topic: read.string('topic'),
    partition: read.count('partition'),
    offset: offset === undefined ? undefined : String(offset),
  };
  if ('key' in infos) {
    coordinates.key = infos.key === null ? null : read.string('key');
  } else if (typeof value.key === 'string') {
    coordinates.key = value.key;
  }
  return coordinates;
}
