import { unlink } from 'node:fs/promises';

import { FailureStoreError } from './errors.js';

/**
 * Deletes a failure file, e.g. once every event in it was retried successfully. A file that is
 * already gone counts as removed.
 * @throws FailureStoreError (`WRITE_FAILED`) when the file exists but cannot be deleted.
 */
export async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new FailureStoreError('WRITE_FAILED', `Could not delete ${file}: ${String(cause)}.`, {
      file,
      cause,
    });
  }
}
