import type { ValueData } from './handle-value.js';

/** The value of an HS_ADMIN entry. */
export interface AdminValue {
  handle: string;
  index: number;
  /** Twelve flags, `0` or `1`. */
  permissions: string;
}

/** One entry of a value list (HS_VLIST): a value of another handle. */
export interface ValueReference {
  handle: string;
  index: number;
}

// Tab, line feed and carriage return pass as text; every other ASCII control byte makes binary.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
const DELETE = 0x7f;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The data a real server answers for stored bytes: `{format: 'string'}` when they are UTF-8 text
 * without control characters, `{format: 'base64'}` otherwise. Servers keep bytes, not the format
 * a client sent, so base64 or hex of some text reads back as that text.
 */
export function dataFromBytes(bytes: Uint8Array): ValueData {
  const text = decodeText(bytes);
  if (text !== undefined && !bytes.some(isControlByte)) return { format: 'string', value: text };

  return { format: 'base64', value: Buffer.from(bytes).toString('base64') };
}

/**
 * The bytes of an admin value as Handle servers store them: permission flags (2 bytes), the
 * length of the handle (4), the handle, its index (4).
 */
export function encodeAdminValue(admin: AdminValue): Buffer {
  const flags = Buffer.alloc(2);
  flags.writeUInt16BE(Number.parseInt(admin.permissions, 2));
  return Buffer.concat([flags, encodeReference(admin)]);
}

/** The bytes of a value list: the number of entries (4 bytes), then each handle and index. */
export function encodeValueList(references: ValueReference[]): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(references.length);
  return Buffer.concat([count, ...references.map(encodeReference)]);
}

function encodeReference({ handle, index }: ValueReference): Buffer {
  const name = Buffer.from(handle, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  const indexBytes = Buffer.alloc(4);
  indexBytes.writeInt32BE(index);
  return Buffer.concat([length, name, indexBytes]);
}

function isControlByte(byte: number): boolean {
  return (byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === DELETE;
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
