import { basename, dirname, join } from 'node:path';

/** The output folder used when the caller names none, relative to the working folder. */
export const DEFAULT_OUTPUT_DIR = 'outputs';

/** Where each kind of file lives below the output folder, and how its files are named. */
export const OUTPUT_LAYOUT = {
  failures: { folder: 'failures', prefix: 'failed_items' },
  skipped: { folder: 'skipped', prefix: 'skipped_items' },
  dump: { folder: 'dump', prefix: 'dump_messages' },
  handles: { folder: 'handles', prefix: 'handles' },
} as const;

/** The UTC calendar day of a moment, as `YYYY-MM-DD`. */
export function formatUtcDate(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The daily file name for a prefix, e.g. `failed_items_2025-07-23.jsonl`. */
export function dailyFileName(prefix: string, moment: Date): string {
  return `${prefix}_${formatUtcDate(moment)}.jsonl`;
}

/** The folder that holds failures recorded with `retries` earlier attempts: `failures/retries-<N>`. */
export function failureFolder(outputDir: string, retries: number): string {
  return join(outputDir, OUTPUT_LAYOUT.failures.folder, `retries-${retries}`);
}

/** The kinds of daily file the output folder holds. */
export type OutputKind = keyof typeof OUTPUT_LAYOUT;

const DAILY_DATE = String.raw`_\d{4}-\d{2}-\d{2}\.jsonl$`;

/** True when `file` is a daily file of `kind` in its folder, e.g. `handles/handles_2025-07-23.jsonl`. */
export function isOutputFileOf(kind: OutputKind, file: string): boolean {
  const { folder, prefix } = OUTPUT_LAYOUT[kind];
  return (
    basename(dirname(file)) === folder && new RegExp(`^${prefix}${DAILY_DATE}`).test(basename(file))
  );
}
