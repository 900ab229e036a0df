import { describe, expect, it } from '@jest/globals';

import { describeEvent, eventLogFields, originalEvent } from './incoming-event.js';

describe('describeEvent', () => {
  it('names the Kafka coordinates and the key', () => {
    const event = {
      value: null,
      retries: 0,
      coordinates: { topic: 'esgf', partition: 2, offset: 17, key: 'CMIP6.x' },
    };
    expect(describeEvent(event)).toBe('esgf/2@17 key=CMIP6.x');
  });

  it('says "event" for an event read from a file without coordinates', () => {
    expect(describeEvent({ value: null, retries: 1, coordinates: {} })).toBe('event');
  });
});

describe('originalEvent', () => {
  it.each([
    ['a JSON object as the object', Buffer.from('{"data":1}'), { data: 1 }],
    ['text that is not JSON as its bytes', Buffer.from('{oops'), Buffer.from('{oops')],
    ['a JSON number as its bytes', Buffer.from('5.4'), Buffer.from('5.4')],
    ['no value as null', null, null],
  ])('keeps %s', (_case, value, expected) => {
    expect(originalEvent(value)).toEqual(expected);
  });
});

describe('eventLogFields', () => {
  it('gives topic, partition, offset and key as fields of their own, the offset as text', () => {
    const event = {
      value: null,
      retries: 0,
      coordinates: { topic: 'esgf', partition: 2, offset: 9007199254740993n, key: 'CMIP6.x' },
    };
    expect(eventLogFields(event)).toEqual({
      topic: 'esgf',
      partition: 2,
      offset: '9007199254740993',
      key: 'CMIP6.x',
    });
  });

  it('leaves out what is not known, and keeps a missing key as null', () => {
    const event = { value: null, retries: 1, coordinates: { key: null } };
    expect(eventLogFields(event)).toEqual({ key: null });
  });
});
