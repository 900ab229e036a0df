// Date, then optionally a time after `T` or a space, fraction of a second, and a zone.
const LENIENT_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

const MINUTE_MS = 60_000;

/**
 * Reads a time leniently and writes it as ISO 8601 in UTC: `2025-08-01 15:15:12.441125`
 * becomes `2025-08-01T15:15:12.441125Z`. A time without a zone is UTC; a date alone is
 * midnight UTC. The fraction of a second is kept digit for digit. Returns undefined for
 * anything that is not such a time, including impossible dates like February 30.
 */
export function normalizeTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = LENIENT_TIME.exec(value.trim());
  if (!match) return undefined;

  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction, zone] = match;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const localMs = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  if (!matchesFields(localMs, fields)) return undefined;

  const offsetMinutes = parseZoneOffset(zone);
  if (offsetMinutes === undefined) return undefined;

  const utc = new Date(localMs - offsetMinutes * MINUTE_MS).toISOString().slice(0, 19);
  return `${utc}${fraction ? `.${fraction}` : ''}Z`;
}

/** Writes a clock reading as ISO 8601 in UTC. */
export function formatTime(date: Date): string {
  return date.toISOString();
}

// Date.UTC rolls impossible fields over (Feb 30 → Mar 2); a round trip exposes that.
function matchesFields(ms: number, fields: number[]): boolean {
  const date = new Date(ms);
  const actual = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return actual.every((field, position) => field === fields[position]);
}

function parseZoneOffset(zone: string | undefined): number | undefined {
  if (!zone || zone.toUpperCase() === 'Z') return 0;

  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59 || (digits.length !== 2 && digits.length !== 4)) return undefined;

  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes);
}
