import { describe, expect, it } from '@jest/globals';

import type { EventErrorCode } from './errors.js';
import {
  ITEM_ID,
  buildPatchEvent,
  buildPostEvent,
  buildPutEvent,
  withMember,
} from './fixtures/cmip6-event.fixture.js';
import { tryParseEvent } from './parse-event.js';
import type { EventInput } from './read-message.js';

interface BadInput {
  name: string;
  input: EventInput;
  code: EventErrorCode;
  path: string;
}

const ITEM = '/data/payload/item';
const ASSET = `${ITEM}/assets/data0001`;
const REPLICA = `${ASSET}/alternate/replica.example.net`;
const post = buildPostEvent();
const put = buildPutEvent();
const patch = buildPatchEvent();

/** A POST (or the given event) with one member changed at `path`; the error is expected there. */
function change(
  name: string,
  path: string,
  member: unknown,
  code: EventErrorCode,
  event: unknown = post,
): BadInput {
  return { name, input: withMember(event, path, member) as object, code, path };
}

const BAD_INPUTS: BadInput[] = [
  {
    name: 'bytes that are not UTF-8',
    input: Buffer.from([0x7b, 0xff, 0x7d]),
    code: 'NOT_UTF8',
    path: '',
  },
  { name: 'text that is not JSON', input: '{"data": ', code: 'NOT_JSON', path: '' },
  { name: 'an empty message', input: Buffer.alloc(0), code: 'NOT_JSON', path: '' },
  { name: 'a JSON array', input: '[1, 2]', code: 'INVALID_ENVELOPE', path: '' },
  { name: 'JSON null', input: 'null', code: 'INVALID_ENVELOPE', path: '' },
  { name: 'a JSON string', input: '"STAC"', code: 'INVALID_ENVELOPE', path: '' },
  change('a message without data', '/data', undefined, 'INVALID_ENVELOPE'),
  change('data that is a list', '/data', [], 'INVALID_ENVELOPE'),
  change('data without a type', '/data/type', undefined, 'INVALID_ENVELOPE'),
  change('an event type other than STAC', '/data/type', 'CloudEvent', 'UNSUPPORTED_EVENT_TYPE'),
  {
    name: 'another event type without a payload',
    input: '{"data": {"type": "CloudEvent"}}',
    code: 'UNSUPPORTED_EVENT_TYPE',
    path: '/data/type',
  },
  change('data without a payload', '/data/payload', undefined, 'INVALID_ENVELOPE'),
  change('a payload that is text', '/data/payload', 'POST', 'INVALID_ENVELOPE'),
  change(
    'a payload without collection_id',
    '/data/payload/collection_id',
    undefined,
    'INVALID_ENVELOPE',
  ),
  change('a payload without method', '/data/payload/method', undefined, 'INVALID_ENVELOPE'),
  change('the method DELETE', '/data/payload/method', 'DELETE', 'UNKNOWN_METHOD'),
  change('a lower-case method', '/data/payload/method', 'post', 'UNKNOWN_METHOD'),
  change('metadata that is text', '/metadata', 'now', 'INVALID_ENVELOPE'),
  change('a publication time that is a number', '/metadata/time', 1754393090, 'INVALID_ENVELOPE'),
  change('a POST without item', ITEM, undefined, 'MISSING_ITEM'),
  change('a PUT without item', ITEM, undefined, 'MISSING_ITEM', put),
  change('an item that is text', ITEM, ITEM_ID, 'INVALID_ITEM'),
  change('an item that is no Feature', `${ITEM}/type`, 'FeatureCollection', 'INVALID_ITEM'),
  change('an item without properties', `${ITEM}/properties`, undefined, 'INVALID_ITEM'),
  change('an item without assets', `${ITEM}/assets`, undefined, 'INVALID_ITEM'),
  change('an asset that is a list', ASSET, [], 'INVALID_ITEM'),
  change('an asset href that is a number', `${ASSET}/href`, 42, 'INVALID_ITEM'),
  change('retracted given as an object', `${ITEM}/properties/retracted`, {}, 'INVALID_ITEM'),
  change('an item without id', `${ITEM}/id`, undefined, 'INVALID_ITEM_ID'),
  change('an item id that is a number', `${ITEM}/id`, 20190710, 'INVALID_ITEM_ID'),
  change(
    'a CMIP6 id of nine parts',
    `${ITEM}/id`,
    'CMIP6.CMIP.X.Y.historical.r1.Amon.tas.v1',
    'INVALID_ITEM_ID',
  ),
  change(
    'a CMIP6 id without v before the version',
    `${ITEM}/id`,
    ITEM_ID.replace('.v2019', '.2019'),
    'INVALID_ITEM_ID',
  ),
  change(
    'a CMIP6 id with a named version',
    `${ITEM}/id`,
    ITEM_ID.replace('v20190710', 'vlatest'),
    'INVALID_ITEM_ID',
  ),
  change(
    'a CMIP6 id with an empty part',
    `${ITEM}/id`,
    ITEM_ID.replace('.Amon.', '..'),
    'INVALID_ITEM_ID',
  ),
  change('a PID that is the number 5.4', `${ITEM}/properties/pid`, 5.4, 'INVALID_PID'),
  change(
    'a PID whose suffix is no UUID',
    `${ITEM}/properties/pid`,
    'hdl:21.14100/dataset-1',
    'INVALID_PID',
  ),
  change('an empty pid', `${ITEM}/properties/pid`, '', 'INVALID_PID'),
  change('an empty cmip6:pid', `${ITEM}/properties/cmip6:pid`, '', 'INVALID_PID'),
  change('an empty tracking_id', `${ASSET}/tracking_id`, '', 'INVALID_PID'),
  change('an empty asset href', `${ASSET}/href`, '', 'INVALID_ITEM'),
  change(
    'a tracking_id that is no UUID',
    `${ASSET}/tracking_id`,
    'hdl:21.14100/1234',
    'INVALID_PID',
  ),
  change('a cmip6:tracking_id that is a number', `${ASSET}/cmip6:tracking_id`, 7, 'INVALID_PID'),
  change('a negative file size', `${ASSET}/file:size`, -1, 'INVALID_FILE_SIZE'),
  change('a file size of zero', `${ASSET}/file:size`, 0, 'INVALID_FILE_SIZE'),
  change('a fractional file size', `${ASSET}/file:size`, 12.5, 'INVALID_FILE_SIZE'),
  change('a file size written as text', `${ASSET}/file:size`, '130921', 'INVALID_FILE_SIZE'),
  change('a negative file size on a replica', `${REPLICA}/file:size`, -5, 'INVALID_FILE_SIZE'),
  change(
    'a checksum with an algorithm prefix',
    `${ASSET}/file:checksum`,
    'sha256:abcdef12',
    'INVALID_CHECKSUM',
  ),
  change(
    'a checksum with an odd number of digits',
    `${ASSET}/file:checksum`,
    '1220abc',
    'INVALID_CHECKSUM',
  ),
  change('a checksum that is a number', `${ASSET}/file:checksum`, 1220, 'INVALID_CHECKSUM'),
  change('a replica checksum with spaces', `${REPLICA}/file:checksum`, '12 20', 'INVALID_CHECKSUM'),
  change('a PUT without item_id', '/data/payload/item_id', undefined, 'INVALID_ENVELOPE', put),
  change('a PATCH without item_id', '/data/payload/item_id', undefined, 'INVALID_PATCH', patch),
  change(
    'a PATCH item_id that is no CMIP6 id',
    '/data/payload/item_id',
    'tas',
    'INVALID_ITEM_ID',
    patch,
  ),
  change('a PATCH without patch', '/data/payload/patch', undefined, 'INVALID_PATCH', patch),
  change('a patch that is text', '/data/payload/patch', 'retract', 'INVALID_PATCH', patch),
  change('an unknown patch operation', '/data/payload/patch/0/op', 'merge', 'INVALID_PATCH', patch),
  change(
    'an add operation without value',
    '/data/payload/patch/0/value',
    undefined,
    'INVALID_PATCH',
    patch,
  ),
  change(
    'an operation path that is no pointer',
    '/data/payload/patch/0/path',
    'properties/retracted',
    'INVALID_PATCH',
    patch,
  ),
  {
    name: 'a move operation without from',
    input: buildPatchEvent([{ op: 'move', path: '/properties/a' }]),
    code: 'INVALID_PATCH',
    path: '/data/payload/patch/0/from',
  },
  {
    name: 'wrapped operations that are no list',
    input: buildPatchEvent({ operations: { op: 'remove' } }),
    code: 'INVALID_PATCH',
    path: '/data/payload/patch/operations',
  },
];

describe('parseEvent on malformed events', () => {
  it.each(BAD_INPUTS)('refuses $name with $code', ({ input, code, path }) => {
    const result = tryParseEvent(input, { source: 'cmip6-events/0@42' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code, path, retriable: false });
    expect(result.error.message).toContain('cmip6-events/0@42');
  });

  it('refuses a PUT whose item_id names another item', () => {
    const event = buildPutEvent();
    const renamed = withMember(event, '/data/payload/item_id', ITEM_ID.replace('v2019', 'v2020'));

    const result = tryParseEvent(renamed as object);

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ITEM_ID_MISMATCH', path: `${ITEM}/id` },
    });
  });

  it('lists every broken rule, the error naming the first', () => {
    const twice = withMember(
      withMember(post, `${ASSET}/file:size`, -1),
      `${ITEM}/properties/pid`,
      5.4,
    );

    const result = tryParseEvent(twice as object);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map((problem) => problem.code).sort()).toEqual([
      'INVALID_FILE_SIZE',
      'INVALID_PID',
    ]);
    expect(result.error.problems[0].code).toBe(result.error.code);
  });

  it('says in the message what was found and what to do', () => {
    const result = tryParseEvent(withMember(post, `${ITEM}/properties/pid`, 5.4) as object);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('found 5.4');
    expect(result.error.message).toContain('hdl:PREFIX/UUID');
  });
});
