import { stat } from 'node:fs/promises';

import { ReadFailedError } from './errors.js';
import { expandJsonlPaths, type ExpandPathsOptions } from './expand-paths.js';

/** A file to retry and its size when the run began. */
export interface FileSnapshot {
  file: string;
  /**
   * Bytes the file held when the paths were expanded. Read only these (`endOffset`): what is
   * appended later, the run's own new failures included, is left for the next run.
   */
  size: number;
}

/**
 * Expands PATHS like {@link expandJsonlPaths} and notes the size of each file at once, so that
 * a retry run reads every file as it was at its start. A file deleted in the meantime is left
 * out.
 * @throws PathNotFoundError when a path names nothing; ReadFailedError when a file cannot be read.
 */
export async function snapshotJsonlFiles(
  paths: readonly string[],
  options: ExpandPathsOptions = {},
): Promise<FileSnapshot[]> {
  const files = await expandJsonlPaths(paths, options);
  const snapshots = await Promise.all(files.map(snapshotOf));
  return snapshots.filter((snapshot) => snapshot !== undefined);
}

async function snapshotOf(file: string): Promise<FileSnapshot | undefined> {
  try {
    return { file, size: (await stat(file)).size };
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReadFailedError(file, cause);
  }
}
