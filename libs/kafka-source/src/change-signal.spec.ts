import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';

import { ChangeSignal } from './change-signal.js';

describe('ChangeSignal', () => {
  it('wakes a waiter as soon as the watched condition holds', async () => {
    const signal = new ChangeSignal();
    let done = false;
    const waiting = signal.waitFor(() => done, 5000);

    done = true;
    signal.notify();

    await expect(waiting).resolves.toBe(true);
  });

  it('gives up after the timeout when the condition never holds', async () => {
    const signal = new ChangeSignal();
    const startedAt = Date.now();

    const held = await signal.waitFor(() => false, 50);

    expect(held).toBe(false);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
  });

  it('waits without a timer for Infinity: only notify() ends the wait', async () => {
    const signal = new ChangeSignal();
    let woken = false;
    const waiting = signal.next(Infinity).then(() => (woken = true));

    await sleep(20);
    const wokenBeforeNotify = woken;
    signal.notify();
    await waiting;

    expect(wokenBeforeNotify).toBe(false);
    expect(woken).toBe(true);
  });
});
