import { describe, expect, it } from '@jest/globals';

import { HandleError } from './errors.js';
import { computeBackoffDelay, resolveRetryPolicy, runWithRetry } from './retry.js';

const POLICY = { limit: 3, baseDelayMs: 100, maxDelayMs: 1000 };
const retriable = new HandleError('SERVER_ERROR', 'failed', { retriable: true });

describe('computeBackoffDelay', () => {
  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 1, 200],
    [3, 0.5, 300],
    [4, 1, 800],
    [5, 1, 1000],
    [30, 0, 500],
  ])('retry %i with random %p waits %i ms', (retry, random, expected) => {
    expect(computeBackoffDelay(retry, POLICY, () => random)).toBe(expected);
  });

  it('waits at least what the server asked for, within the bound', () => {
    expect(computeBackoffDelay(1, POLICY, () => 0, 700)).toBe(700);
    expect(computeBackoffDelay(1, POLICY, () => 0, 60_000)).toBe(1000);
  });
});

describe('resolveRetryPolicy', () => {
  it('fills the defaults', () => {
    expect(resolveRetryPolicy({ limit: 1 })).toEqual({
      limit: 1,
      baseDelayMs: 200,
      maxDelayMs: 5000,
    });
  });

  it.each([{ limit: -1 }, { baseDelayMs: 1.5 }, { maxDelayMs: Number.NaN }])(
    'refuses %j',
    (options) => {
      expect(() => resolveRetryPolicy(options)).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTIONS' }),
      );
    },
  );
});

describe('runWithRetry', () => {
  const fast = { limit: 2, baseDelayMs: 1, maxDelayMs: 2 };

  it('repeats a retriable failure until the attempt succeeds', async () => {
    const attempts: number[] = [];

    const result = await runWithRetry(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw retriable;
        return 'done';
      },
      { policy: fast, shouldRetry: () => true },
    );

    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after the retry limit with the last failure', async () => {
    let attempts = 0;
    const retries: number[] = [];

    const run = runWithRetry(
      async () => {
        attempts += 1;
        throw retriable;
      },
      { policy: fast, shouldRetry: () => true, onRetry: (_error, retry) => retries.push(retry) },
    );

    await expect(run).rejects.toBe(retriable);
    expect(attempts).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('does not repeat a failure that shouldRetry refuses', async () => {
    let attempts = 0;

    const run = runWithRetry(
      async () => {
        attempts += 1;
        throw new Error('final');
      },
      { policy: fast, shouldRetry: () => false },
    );

    await expect(run).rejects.toThrow('final');
    expect(attempts).toBe(1);
  });
});
