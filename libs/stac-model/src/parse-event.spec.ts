import { describe, expect, it } from '@jest/globals';

import {
  ITEM_ID,
  buildItem,
  buildPatchEvent,
  buildPostEvent,
  buildPutEvent,
  withMember,
} from './fixtures/cmip6-event.fixture.js';
import { tryParseEvent } from './parse-event.js';

const ITEM = '/data/payload/item';
const ASSET = `${ITEM}/assets/data0001`;
const REPLICA = `${ASSET}/alternate/replica.example.net`;
const post = buildPostEvent();
const put = buildPutEvent();

// The records reference leaves empty values out, so null in these places means "not given".
const NULL_AS_ABSENT: [string, string][] = [
  ['properties.pid', `${ITEM}/properties/pid`],
  ['properties["cmip6:pid"]', `${ITEM}/properties/cmip6:pid`],
  ['properties.retracted', `${ITEM}/properties/retracted`],
  ['metadata.time', '/metadata/time'],
  ['an asset tracking_id', `${ASSET}/tracking_id`],
  ['an asset cmip6:tracking_id', `${ASSET}/cmip6:tracking_id`],
  ['an asset alternate:name', `${ASSET}/alternate:name`],
  ['an asset published_on', `${ASSET}/published_on`],
  ['an asset href', `${ASSET}/href`],
  ['a replica href', `${REPLICA}/href`],
  ['a replica alternate:name', `${REPLICA}/alternate:name`],
  ['a replica published_on', `${REPLICA}/published_on`],
];

describe('parseEvent on valid events', () => {
  it('reads a POST with its collection, item and metadata', () => {
    const result = tryParseEvent(JSON.stringify(post));

    expect(result).toMatchObject({
      ok: true,
      event: {
        method: 'POST',
        collectionId: 'CMIP6',
        item: buildItem(),
        metadata: { time: '2025-08-05T11:24:50.703065' },
        raw: post,
      },
    });
  });

  it('reads Kafka message bytes', () => {
    const result = tryParseEvent(Buffer.from(JSON.stringify(put), 'utf8'));

    expect(result).toMatchObject({ ok: true, event: { method: 'PUT', itemId: ITEM_ID } });
  });

  it('copies a parsed object instead of keeping a reference to it', () => {
    const input = buildPostEvent();

    const result = tryParseEvent(input);

    expect(result.ok && result.event.raw).not.toBe(input);
    expect(result.ok && result.event.raw).toEqual(input);
  });

  it('reads an event without metadata as one with empty metadata', () => {
    const result = tryParseEvent(withMember(post, '/metadata', undefined) as object);

    expect(result).toMatchObject({ ok: true, event: { metadata: {} } });
  });

  it.each([
    ['an RFC 6902 list', [{ op: 'remove', path: '/properties/retracted' }], 'json-patch'],
    [
      'the wrapped form',
      { operations: [{ op: 'test', path: '/id', value: ITEM_ID }] },
      'wrapped-json-patch',
    ],
    ['an RFC 7396 merge patch', { properties: { retracted: true } }, 'merge-patch'],
  ])('reads a PATCH given as %s', (_name, patchValue, form) => {
    const result = tryParseEvent(buildPatchEvent(patchValue));

    expect(result).toMatchObject({
      ok: true,
      event: { method: 'PATCH', itemId: ITEM_ID, patch: { form } },
    });
  });

  it.each([
    ['hdl:PREFIX/UUID', 'hdl:21.14100/3f1e6a52-9a0c-4d47-8f6e-2b9c5d7a1e04'],
    ['PREFIX/UUID', '21.14100/3f1e6a52-9a0c-4d47-8f6e-2b9c5d7a1e04'],
    ['a bare UUID', '3F1E6A52-9A0C-4D47-8F6E-2B9C5D7A1E04'],
  ])('accepts a PID written as %s', (_form, pid) => {
    expect(tryParseEvent(withMember(post, `${ITEM}/properties/pid`, pid) as object).ok).toBe(true);
  });

  it.each(NULL_AS_ABSENT)('accepts %s written as null, keeping the null', (_name, path) => {
    const event = withMember(post, path, null) as object;

    const result = tryParseEvent(event, { assets: 'strict' });

    expect(result).toMatchObject({ ok: true, event: { raw: event } });
  });

  it('accepts an item whose pid and cmip6:pid are both null', () => {
    const noPid = withMember(post, `${ITEM}/properties/pid`, null);

    expect(
      tryParseEvent(withMember(noPid, `${ITEM}/properties/cmip6:pid`, null) as object).ok,
    ).toBe(true);
  });

  it('applies the CMIP6 id rule to the collection written in lower case', () => {
    const short = withMember(post, `${ITEM}/id`, 'tas.v1');

    const result = tryParseEvent(
      withMember(short, '/data/payload/collection_id', 'cmip6') as object,
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ITEM_ID' } });
  });

  it('leaves the CMIP6 id rule out for other collections', () => {
    const short = withMember(post, `${ITEM}/id`, 'tas.v1');

    const result = tryParseEvent(
      withMember(short, '/data/payload/collection_id', 'CORDEX') as object,
    );

    expect(result.ok).toBe(true);
  });

  it('accepts malformed asset fields in lenient mode but not item-level ones', () => {
    const badSize = withMember(post, `${ASSET}/file:size`, -1) as object;
    const badPid = withMember(badSize, `${ITEM}/properties/pid`, 5.4) as object;

    expect(tryParseEvent(badSize, { assets: 'lenient' }).ok).toBe(true);
    expect(tryParseEvent(badPid, { assets: 'lenient' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PID' },
    });
  });
});
