import { describe, expect, it } from '@jest/globals';

import { messageLane } from './message-lane.js';
import type { RawMessage } from './source-message.js';

function message(partition: number, key: RawMessage['key'], topic = 'events'): RawMessage {
  return { topic, partition, offset: 0, key, value: null };
}

describe('messageLane', () => {
  it('puts messages of one key in one partition in the same lane', () => {
    expect(messageLane(message(0, Buffer.from('item-1')))).toBe(
      messageLane(message(0, Buffer.from('item-1'))),
    );
  });

  it('gives a key as text and as bytes the same lane', () => {
    expect(messageLane(message(0, 'itém'))).toBe(messageLane(message(0, Buffer.from('itém'))));
  });

  it.each<[string, RawMessage, RawMessage]>([
    ['other keys', message(0, 'item-1'), message(0, 'item-2')],
    ['other partitions', message(0, 'item-1'), message(1, 'item-1')],
    ['other topics', message(0, 'item-1'), message(0, 'item-1', 'retries')],
    [
      'keys that are not valid UTF-8',
      message(0, Buffer.from([0xff, 0x01])),
      message(0, Buffer.from([0xfe, 0x01])),
    ],
  ])('separates %s', (_name, one, other) => {
    expect(messageLane(one)).not.toBe(messageLane(other));
  });

  it.each<[string, RawMessage['key']]>([
    ['null', null],
    ['absent', undefined],
    ['empty', Buffer.alloc(0)],
  ])('gives a message with a %s key no lane', (_name, key) => {
    expect(messageLane(message(0, key))).toBeUndefined();
  });
});
