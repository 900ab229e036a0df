import { isPresent } from './identifiers.js';
import { normalizeTime } from './times.js';
import type { WarningCollector, WarningPlace } from './warnings.js';

/** A time as the event gives it, and where it comes from (for the warning). */
export interface TimeSource {
  value: unknown;
  /** E.g. `published_on of asset data0000`. */
  description: string;
}

/**
 * Reads a time for a record field. An unreadable time becomes a warning and undefined, so
 * the field is left out rather than written wrong.
 */
export function readRecordTime(
  source: TimeSource,
  warnings: WarningCollector,
  place: WarningPlace & { field: string },
): string | undefined {
  if (!isPresent(source.value)) return undefined;

  const time = normalizeTime(source.value);
  if (time === undefined) {
    warnings.warn(
      'UNREADABLE_TIME',
      `Cannot read ${source.description} ${JSON.stringify(source.value)} as an ISO 8601 time; ` +
        `${place.field} is left out. Fix the time at the publisher`,
      place,
    );
  }
  return time;
}
