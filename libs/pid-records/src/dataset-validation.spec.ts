import { describe, expect, it } from '@jest/globals';

import type { StacItem } from '@piddi/stac-model';

import {
  ITEM_ID,
  LANDING_PAGE,
  NOW,
  PREFIX,
  fileAsset,
  makeEvent,
  makeItem,
  uuidV3,
} from './__fixtures__/cmip6-fixtures.js';
import { buildRecords } from './build-records.js';

const HOST = 'esgf.dataset.example';
const OPTIONS = { prefix: PREFIX, landingPageUrl: LANDING_PAGE, now: () => NOW };
const TWO_FILES = { data0000: fileAsset(0, HOST), data0001: fileAsset(1, HOST) };

describe('dataset identity', () => {
  it.each([
    ['nine parts', 'CMIP6.OMIP.PIDDI.PIDDI-OCN1.omip2.r3i1p1f2.Omon.tos.v20210415'],
    ['an empty part', 'CMIP6.OMIP..PIDDI-OCN1.omip2.r3i1p1f2.Omon.tos.gr1.v20210415'],
    ['a single word', 'dataset'],
    ['a version without v', 'CMIP6.OMIP.PIDDI.PIDDI-OCN1.omip2.r3i1p1f2.Omon.tos.gr1.20210415'],
  ])('refuses an item id with %s as INVALID_ITEM_ID', async (_, id) => {
    const event = makeEvent(makeItem(TWO_FILES, {}, id));

    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({
      code: 'INVALID_ITEM_ID',
      itemId: id,
      retriable: false,
    });
  });

  it.each([
    ['the number 5.4', { pid: 5.4 }],
    ['a handle whose suffix is no UUID', { pid: 'hdl:21.14100/dataset-1' }],
    ['a cmip6:pid that is no UUID', { 'cmip6:pid': 'not-a-uuid' }],
  ])('refuses a dataset PID that is %s as INVALID_PID', async (_, properties) => {
    const event = makeEvent(makeItem(TWO_FILES, properties));

    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({
      code: 'INVALID_PID',
      itemId: ITEM_ID,
    });
  });

  it.each([
    ['hdl:PREFIX/UUID', 'hdl:21.14100/6A0E5F1C-9D8B-4C7A-8E6F-5D4C3B2A1908'],
    ['PREFIX/UUID', '21.14100/6a0e5f1c-9d8b-4c7a-8e6f-5d4c3b2a1908'],
    ['a bare UUID', '6a0e5f1c-9d8b-4c7a-8e6f-5d4c3b2a1908'],
  ])('keeps the lower-case UUID of a PID written as %s', async (_, pid) => {
    const { dataset } = await buildRecords(makeEvent(makeItem(TWO_FILES, { pid })), OPTIONS);

    expect(dataset.handle).toBe(`${PREFIX}/6a0e5f1c-9d8b-4c7a-8e6f-5d4c3b2a1908`);
  });

  it.each([
    ['absent', {}],
    ['null', { pid: null }],
  ])('takes cmip6:pid when pid is %s', async (_, properties) => {
    const pid = '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b';
    const { dataset } = await buildRecords(
      makeEvent(makeItem(TWO_FILES, { ...properties, 'cmip6:pid': pid })),
      OPTIONS,
    );

    expect(dataset).toMatchObject({ pid, pidSource: 'event', handle: `${PREFIX}/${pid}` });
  });

  it.each([
    ['pid is null', { pid: null }],
    ['cmip6:pid is null', { 'cmip6:pid': null }],
    ['both are null', { pid: null, 'cmip6:pid': null }],
  ])('computes the dataset PID from the item id when %s', async (_, properties) => {
    const { dataset } = await buildRecords(makeEvent(makeItem(TWO_FILES, properties)), OPTIONS);

    expect(dataset).toMatchObject({ pid: uuidV3(ITEM_ID), pidSource: 'computed' });
  });

  it.each([
    ['no item', undefined],
    ['an item without id', { ...makeItem(TWO_FILES), id: '' }],
    ['an item whose assets are a list', { ...makeItem(TWO_FILES), assets: [fileAsset(0, HOST)] }],
    ['an item whose properties are a string', { ...makeItem(TWO_FILES), properties: 'CMIP6' }],
  ])('refuses an event with %s as INVALID_DATASET', async (_, item) => {
    const event = { ...makeEvent(makeItem(TWO_FILES)), item: item as unknown as StacItem };

    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({ code: 'INVALID_DATASET' });
  });
});

describe('which assets are files', () => {
  const FOUR_ASSETS = {
    globus: { href: 'https://app.globus.example/file-manager?origin_id=1' },
    data0000: fileAsset(0, HOST),
    quicklook: { href: `https://${HOST}/quicklook.png` },
    data0001: fileAsset(1, HOST),
    data0002: fileAsset(2, HOST),
  };
  const keysOf = (files: { assetKey: string }[]) => files.map((file) => file.assetKey);

  it('registers every asset but the default excluded keys', async () => {
    const { files } = await buildRecords(makeEvent(makeItem(FOUR_ASSETS)), OPTIONS);

    expect(keysOf(files)).toEqual(['data0000', 'data0001', 'data0002']);
  });

  it('follows configured excluded asset keys', async () => {
    const options = { ...OPTIONS, excludedAssetKeys: ['globus', 'quicklook', 'data0001'] };
    const { files } = await buildRecords(makeEvent(makeItem(FOUR_ASSETS)), options);

    expect(keysOf(files)).toEqual(['data0000', 'data0002']);
  });

  it('refuses a dataset whose assets are all excluded as NO_FILES', async () => {
    const event = makeEvent(
      makeItem({ reference_file: { href: `https://${HOST}/ref.json`, 'alternate:name': HOST } }),
    );

    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({
      code: 'NO_FILES',
      itemId: ITEM_ID,
    });
  });

  it('refuses an item without assets as NO_FILES', async () => {
    const event = makeEvent({ ...makeItem({}), assets: undefined as never });

    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({ code: 'NO_FILES' });
  });

  it('refuses a dataset whose files are all invalid as NO_FILES in lenient mode', async () => {
    const event = makeEvent(makeItem({ data0000: fileAsset(0, HOST, { 'file:size': 0 }) }));

    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({ code: 'NO_FILES' });
  });
});

describe('empty values and unreadable times', () => {
  it('leaves out ESGF when the label is empty', async () => {
    const { dataset, files } = await buildRecords(makeEvent(makeItem(TWO_FILES)), {
      ...OPTIONS,
      esgfLabel: '',
    });

    expect(dataset.fields).not.toHaveProperty('ESGF');
    expect(files[0].fields).not.toHaveProperty('ESGF');
  });

  it('leaves out published_on of the hosting node when the asset time cannot be read', async () => {
    const assets = { ...TWO_FILES, data0000: fileAsset(0, HOST, { published_on: '15/04/2021' }) };
    const { dataset, warnings } = await buildRecords(
      makeEvent(makeItem(assets), '2021-04-16T00:00:00Z'),
      OPTIONS,
    );

    expect(dataset.fields.HOSTING_NODE).toEqual({ host: HOST });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'UNREADABLE_TIME',
        field: 'HOSTING_NODE',
        assetKey: 'data0000',
      }),
    ]);
  });

  it('leaves out published_on of a replica whose time cannot be read', async () => {
    const alternate = {
      'mirror.example': { href: 'https://mirror.example/a.nc', published_on: 'soon' },
    };
    const assets = { ...TWO_FILES, data0000: fileAsset(0, HOST, { alternate }) };
    const { dataset } = await buildRecords(
      makeEvent(makeItem(assets), '2021-04-16T00:00:00Z'),
      OPTIONS,
    );

    expect(dataset.fields.REPLICA_NODES).toEqual([{ host: 'mirror.example' }]);
  });

  it('takes published_on from the first preferred asset that has one', async () => {
    const assets = {
      data0000: fileAsset(0, HOST),
      data0001: fileAsset(1, 'other.example', { published_on: '2020-01-01T00:00:00-01:00' }),
    };
    const { dataset } = await buildRecords(
      makeEvent(makeItem(assets), '2021-04-16T00:00:00Z'),
      OPTIONS,
    );

    expect(dataset.fields.HOSTING_NODE).toEqual({
      host: HOST,
      published_on: '2020-01-01T01:00:00Z',
    });
  });

  it('uses the dataset PID computed from the item id in IS_PART_OF', async () => {
    const { files } = await buildRecords(makeEvent(makeItem(TWO_FILES)), OPTIONS);

    expect(files[0].fields.IS_PART_OF).toBe(`hdl:${PREFIX}/${uuidV3(ITEM_ID)}`);
  });
});
