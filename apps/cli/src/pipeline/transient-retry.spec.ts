import { describe, expect, it } from '@jest/globals';

import { backoffDelay, isRetriable, withTransientRetries } from './transient-retry.js';

const POLICY = { retries: 2, backoffInitialMs: 1, backoffMaxMs: 4 };

function failure(retriable: boolean): Error {
  return Object.assign(new Error(retriable ? 'service down' : 'bad input'), { retriable });
}

describe('withTransientRetries', () => {
  it('retries a retriable failure and returns the later success', async () => {
    let attempts = 0;
    const retried: number[] = [];
    const result = await withTransientRetries(
      async () => {
        attempts += 1;
        if (attempts < 3) throw failure(true);
        return 'written';
      },
      POLICY,
      { onRetry: (_error, attempt) => retried.push(attempt) },
    );

    expect(result).toBe('written');
    expect(retried).toEqual([1, 2]);
  });

  it('tells of every failed attempt, the last exhausted one included, and retries fewer', async () => {
    const failed: number[] = [];
    const retried: number[] = [];
    const task = async () => {
      throw failure(true);
    };

    await expect(
      withTransientRetries(task, POLICY, {
        onAttemptFailed: (_error, attempt) => failed.push(attempt),
        onRetry: (_error, attempt) => retried.push(attempt),
      }),
    ).rejects.toThrow('service down');
    expect(failed).toEqual([1, 2, 3]);
    expect(retried).toEqual([1, 2]);
  });

  it('tells of a permanent failure without retrying it', async () => {
    const failed: number[] = [];
    const retried: number[] = [];
    const task = async () => {
      throw failure(false);
    };

    await expect(
      withTransientRetries(task, POLICY, {
        onAttemptFailed: (_error, attempt) => failed.push(attempt),
        onRetry: (_error, attempt) => retried.push(attempt),
      }),
    ).rejects.toThrow('bad input');
    expect(failed).toEqual([1]);
    expect(retried).toEqual([]);
  });

  it('gives up after policy.retries retries with the last error', async () => {
    let attempts = 0;
    const task = async () => {
      attempts += 1;
      throw failure(true);
    };

    await expect(withTransientRetries(task, POLICY)).rejects.toThrow('service down');
    expect(attempts).toBe(3);
  });

  it('does not retry a permanent failure', async () => {
    let attempts = 0;
    const task = async () => {
      attempts += 1;
      throw failure(false);
    };

    await expect(withTransientRetries(task, POLICY)).rejects.toThrow('bad input');
    expect(attempts).toBe(1);
  });
});

describe('backoffDelay', () => {
  it.each([
    [0, 2],
    [1, 4],
    [2, 8],
    [6, 10],
  ])('after attempt %i lies between half of %i ms and all of it', (attempt, ceiling) => {
    const policy = { retries: 9, backoffInitialMs: 2, backoffMaxMs: 10 };
    expect(backoffDelay(attempt, policy, () => 0)).toBe(ceiling / 2);
    expect(backoffDelay(attempt, policy, () => 1)).toBe(ceiling);
  });
});

describe('isRetriable', () => {
  it.each([
    [failure(true), true],
    [failure(false), false],
    [new Error('plain'), false],
    ['text', false],
    [null, false],
  ])('says %p is retriable: %p', (error, expected) => {
    expect(isRetriable(error)).toBe(expected);
  });
});
