// Only the type: this module is also loaded outside Jest, by the demo and benchmark scripts.
import type { describe as jestDescribe } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the real ESGF sample events are. They are not ours to publish, so they stay outside
 * the repository: `PIDDI_SAMPLE_EVENTS` names a folder holding `CMIP6/` (valid events),
 * `CMIP6_invalid/` and `sample_failures.jsonl`; without it, `shared/reference/samples` beside
 * the repository.
 */
export const SAMPLE_EVENTS_DIR =
  process.env.PIDDI_SAMPLE_EVENTS ??
  join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', 'samples');

/**
 * `describe` for tests of the sample events: skipped when they are not there, with the reason
 * in the title and a warning, so that a run without them says what it did not check. Takes the
 * test file's own `describe`.
 */
export function describeWithSamples(
  describe: typeof jestDescribe,
  title: string,
  tests: () => void,
): void {
  if (existsSync(join(SAMPLE_EVENTS_DIR, 'CMIP6'))) {
    describe(title, tests);
    return;
  }
  const reason = `no sample events in ${SAMPLE_EVENTS_DIR}; set PIDDI_SAMPLE_EVENTS`;
  console.warn(`Skipped "${title}": ${reason}`);
  describe.skip(`${title} (skipped: ${reason})`, tests);
}
