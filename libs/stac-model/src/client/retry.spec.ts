import { describe, expect, it } from '@jest/globals';

import { StacApiError } from '../errors.js';
import { computeRetryDelay, retryTransient } from './retry.js';

const POLICY = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

describe('computeRetryDelay', () => {
  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [3, 0, 200],
    [3, 1, 400],
    [10, 1, 1000],
  ])('waits, before retry %i with random %d, %i ms', (retry, random, expected) => {
    expect(computeRetryDelay(retry, POLICY, 0, () => random)).toBe(expected);
  });

  it('waits at least what the server asked, up to the maximum', () => {
    expect(computeRetryDelay(1, POLICY, 700, () => 0)).toBe(700);
    expect(computeRetryDelay(1, POLICY, 5000, () => 0)).toBe(1000);
  });
});

describe('retryTransient', () => {
  const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 1 };
  const transient = () => new StacApiError('STAC_UNAVAILABLE', 'down', { retriable: true });

  it('repeats a transient failure until it succeeds', async () => {
    let attempts = 0;
    const retries: number[] = [];

    const result = await retryTransient(
      async () => {
        attempts += 1;
        if (attempts < 3) throw transient();
        return 'item';
      },
      fast,
      (_error, retry) => retries.push(retry),
    );

    expect(result).toBe('item');
    expect(retries).toEqual([1, 2]);
  });

  it('gives up after the configured retries with the last error', async () => {
    let attempts = 0;

    const outcome = retryTransient(
      async () => {
        attempts += 1;
        throw transient();
      },
      fast,
      () => undefined,
    );

    await expect(outcome).rejects.toMatchObject({ code: 'STAC_UNAVAILABLE', retriable: true });
    expect(attempts).toBe(3);
  });

  it('does not repeat a permanent failure', async () => {
    let attempts = 0;

    const outcome = retryTransient(
      async () => {
        attempts += 1;
        throw new StacApiError('STAC_REQUEST_REJECTED', 'no', { retriable: false });
      },
      fast,
      () => undefined,
    );

    await expect(outcome).rejects.toMatchObject({ code: 'STAC_REQUEST_REJECTED' });
    expect(attempts).toBe(1);
  });
});
