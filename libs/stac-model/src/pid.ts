const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * A PID as ESGF writes it: `hdl:PREFIX/UUID`, `PREFIX/UUID` or a bare UUID. Only the part
 * after the last `/` becomes the handle suffix, and it must be a UUID.
 */
export const PID_PATTERN = `^(?:hdl:)?(?:[^/\\s]+/)*${UUID}$`;

const PID = new RegExp(PID_PATTERN);

/**
 * The UUID of a PID written as `hdl:PREFIX/UUID`, `PREFIX/UUID` or a bare UUID, in lower case
 * (handles resolve case-insensitively, so one spelling keeps re-registrations identical).
 * Undefined when `value` is not such a string.
 */
export function parsePid(value: unknown): string | undefined {
  if (typeof value !== 'string' || !PID.test(value)) return undefined;

  return value.slice(value.lastIndexOf('/') + 1).toLowerCase();
}
