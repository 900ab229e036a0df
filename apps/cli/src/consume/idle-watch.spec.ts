import { afterEach, describe, expect, it, jest } from '@jest/globals';

import { IdleWatch } from './idle-watch.js';

afterEach(() => {
  jest.useRealTimers();
});

describe('IdleWatch', () => {
  it('calls onIdle once no event came for the idle time after start', () => {
    jest.useFakeTimers();
    const onIdle = jest.fn();
    const watch = new IdleWatch(1000, onIdle);

    watch.start();
    jest.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    jest.advanceTimersByTime(300);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never calls onIdle while an event is in flight', async () => {
    jest.useFakeTimers();
    const onIdle = jest.fn();
    const watch = new IdleWatch(1000, onIdle);
    let finish = () => {};
    const work = new Promise<void>((resolve) => (finish = resolve));

    watch.start();
    const tracked = watch.track(work);
    jest.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();

    finish();
    await tracked;
    jest.advanceTimersByTime(1300);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing before start or when the idle time is 0', () => {
    jest.useFakeTimers();
    const onIdle = jest.fn();
    new IdleWatch(1000, onIdle);
    new IdleWatch(0, onIdle).start();

    jest.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
