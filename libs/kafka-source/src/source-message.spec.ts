import { describe, expect, it } from '@jest/globals';

import { toSourceMessage, type RawMessage } from './source-message.js';

const RAW: RawMessage = { topic: 'events', partition: 2, offset: 41, value: Buffer.from('{}') };

describe('toSourceMessage', () => {
  it('keeps the coordinates and the raw value', () => {
    expect(toSourceMessage(RAW)).toEqual({
      topic: 'events',
      partition: 2,
      offset: 41,
      value: Buffer.from('{}'),
    });
  });

  it.each<[string, RawMessage['key'], string | undefined]>([
    ['a buffer key', Buffer.from('CMIP6.x.v1'), 'CMIP6.x.v1'],
    ['a string key', 'CMIP6.x.v1', 'CMIP6.x.v1'],
    ['a null key', null, undefined],
  ])('reads %s as UTF-8 text', (_name, key, expected) => {
    expect(toSourceMessage({ ...RAW, key }).key).toBe(expected);
  });

  it('flattens headers into key/value pairs and keeps repeated keys', () => {
    const message = toSourceMessage({
      ...RAW,
      headers: [{ retries: Buffer.from('1') }, { retries: '2' }],
    });

    expect(message.headers).toEqual([
      { key: 'retries', value: Buffer.from('1') },
      { key: 'retries', value: Buffer.from('2') },
    ]);
  });

  it('keeps a tombstone value as null', () => {
    expect(toSourceMessage({ ...RAW, value: null }).value).toBeNull();
  });
});
