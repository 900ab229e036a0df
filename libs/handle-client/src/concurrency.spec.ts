import { describe, expect, it } from '@jest/globals';

import { ConcurrencyLimiter } from './concurrency.js';
import { HandleError } from './errors.js';

interface Gate {
  promise: Promise<void>;
  open(): void;
}

function createGate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimiter', () => {
  it('runs no more tasks at once than allowed and queues the rest', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const gates = [createGate(), createGate(), createGate()];
    const started: number[] = [];

    const runs = gates.map((gate, n) =>
      limiter.run(async () => {
        started.push(n);
        await gate.promise;
        return n;
      }),
    );
    await flush();

    expect(started).toEqual([0, 1]);
    expect([limiter.active, limiter.queued]).toEqual([2, 1]);
    gates[1].open();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
    expect([limiter.active, limiter.queued]).toEqual([0, 0]);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = new ConcurrencyLimiter(1);

    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');

    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('starts waiting tasks in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const gate = createGate();
    const order: string[] = [];

    const first = limiter.run(() => gate.promise);
    const rest = ['a', 'b', 'c'].map((name) => limiter.run(async () => void order.push(name)));
    gate.open();
    await Promise.all([first, ...rest]);

    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('fails waiting and later tasks once closed', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const gate = createGate();
    const running = limiter.run(() => gate.promise);
    const waiting = limiter.run(async () => 'never');

    limiter.close(new HandleError('CLIENT_CLOSED', 'closed'));

    await expect(waiting).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    await expect(limiter.run(async () => 'late')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    gate.open();
    await expect(running).resolves.toBeUndefined();
  });

  it.each([0, -1, 1.5])('refuses maxConcurrency %p', (max) => {
    expect(() => new ConcurrencyLimiter(max)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});
