import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, describe, expect, it } from '@jest/globals';

import { withCacheLock } from './cache-lock.js';

const scratch = mkdtempSync(join(tmpdir(), 'piddi-cache-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('withCacheLock', () => {
  it('lets only one holder of a lock work at a time', async () => {
    const lock = join(scratch, 'serial.lock');
    let working = 0;
    let mostAtOnce = 0;
    const work = async () => {
      working += 1;
      mostAtOnce = Math.max(mostAtOnce, working);
      await sleep(50);
      working -= 1;
    };

    await Promise.all([1, 2, 3].map(() => withCacheLock(lock, work)));

    expect(mostAtOnce).toBe(1);
  });

  it('releases the lock when the work fails', async () => {
    const lock = join(scratch, 'failing.lock');
    const failing = withCacheLock(lock, () => Promise.reject(new Error('fetch failed')));
    await expect(failing).rejects.toThrow('fetch failed');

    await expect(withCacheLock(lock, async () => 'next')).resolves.toBe('next');
  });
});
