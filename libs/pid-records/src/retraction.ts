import type { ResolvedItemEvent } from '@piddi/stac-model';

import { isPresent } from './identifiers.js';
import { normalizeTime, formatTime } from './times.js';
import type { WarningCollector } from './warnings.js';

const RETRACTED_VALUES = new Set(['true', '1', 'yes']);

/** True when `properties.retracted` is true, `"true"`, `"1"` or `"yes"` (any case). */
export function isRetracted(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  return RETRACTED_VALUES.has(String(value).trim().toLowerCase());
}

/**
 * `RETRACTED_ON` of a retracted dataset: the publication time of the event, else now.
 * Unlike other times, an unreadable publication time falls back to now (with a warning):
 * leaving the field out would make a retracted dataset look citable.
 */
export function readRetractionTime(
  event: ResolvedItemEvent,
  now: () => Date,
  warnings: WarningCollector,
): string | undefined {
  if (!isRetracted(event.item.properties.retracted)) return undefined;

  const eventTime = event.metadata.time;
  const time = isPresent(eventTime) ? normalizeTime(eventTime) : undefined;
  if (time !== undefined) return time;

  if (isPresent(eventTime)) {
    warnings.warn(
      'UNREADABLE_TIME',
      `Cannot read the event time ${JSON.stringify(eventTime)} as an ISO 8601 time; ` +
        'RETRACTED_ON is set to the processing time instead',
      { field: 'RETRACTED_ON' },
    );
  }
  return formatTime(now());
}
