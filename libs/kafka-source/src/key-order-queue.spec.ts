import { describe, expect, it } from '@jest/globals';

import { KeyOrderQueue } from './key-order-queue.js';

interface Item {
  name: string;
  lane?: string;
}

function queueOf(items: Item[]): KeyOrderQueue<Item> {
  const queue = new KeyOrderQueue<Item>((item) => item.lane);
  for (const item of items) queue.add(item);
  return queue;
}

const names = (items: Item[]) => items.map((item) => item.name);

describe('KeyOrderQueue', () => {
  it('releases only the first item of a lane until it finishes', () => {
    const first = { name: 'a1', lane: 'a' };
    const queue = queueOf([first, { name: 'a2', lane: 'a' }, { name: 'a3', lane: 'a' }]);

    expect(names(queue.takeReady(10))).toEqual(['a1']);
    expect(queue.takeReady(10)).toEqual([]);

    queue.finish(first);

    expect(names(queue.takeReady(10))).toEqual(['a2']);
  });

  it('lets items of other lanes pass an item that waits for its lane', () => {
    const queue = queueOf([
      { name: 'a1', lane: 'a' },
      { name: 'a2', lane: 'a' },
      { name: 'b1', lane: 'b' },
      { name: 'a3', lane: 'a' },
      { name: 'c1', lane: 'c' },
    ]);

    expect(names(queue.takeReady(10))).toEqual(['a1', 'b1', 'c1']);
    expect(queue.waitingCount).toBe(2);
  });

  it('never orders items without a lane', () => {
    const queue = queueOf([{ name: 'x' }, { name: 'y' }, { name: 'z' }]);

    expect(names(queue.takeReady(10))).toEqual(['x', 'y', 'z']);
  });

  it('takes no more than the limit, oldest first', () => {
    const queue = queueOf([{ name: 'x' }, { name: 'a1', lane: 'a' }, { name: 'b1', lane: 'b' }]);

    expect(names(queue.takeReady(2))).toEqual(['x', 'a1']);
    expect(names(queue.takeReady(2))).toEqual(['b1']);
  });

  it('keeps a lane in order when the limit cut it off before its first item', () => {
    const a1 = { name: 'a1', lane: 'a' };
    const queue = queueOf([{ name: 'x' }, a1, { name: 'a2', lane: 'a' }]);

    expect(names(queue.takeReady(1))).toEqual(['x']);
    expect(names(queue.takeReady(5))).toEqual(['a1']);
  });

  it('works through a queue made of one lane only, one item at a time', () => {
    const items = Array.from({ length: 4 }, (_, n) => ({ name: `a${n}`, lane: 'a' }));
    const queue = queueOf(items);
    const order: string[] = [];

    for (let round = 0; round < items.length; round += 1) {
      const [next] = queue.takeReady(items.length);
      order.push(next.name);
      queue.finish(next);
    }

    expect(order).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(queue.waitingCount).toBe(0);
  });

  it('drops forgotten waiting items and lets their lane go on past a forgotten running one', () => {
    const stale = { name: 'a1', lane: 'a' };
    const queue = queueOf([stale, { name: 'a2', lane: 'a' }, { name: 'b1', lane: 'b' }]);
    queue.takeReady(1);

    queue.forget((item) => item.lane === 'a');
    queue.add({ name: 'a3', lane: 'a' });

    expect(names(queue.takeReady(10))).toEqual(['b1', 'a3']);
  });

  it('keeps a lane busy when an item it forgot finishes after a newer one started', () => {
    const stale = { name: 'a1', lane: 'a' };
    const queue = queueOf([stale]);
    queue.takeReady(1);
    queue.forget((item) => item === stale);
    queue.add({ name: 'a2', lane: 'a' });
    queue.add({ name: 'a3', lane: 'a' });
    queue.takeReady(10);

    queue.finish(stale);

    expect(queue.takeReady(10)).toEqual([]);
  });
});
