import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startElasticsearchServer, type StartedElasticsearchServer } from '@piddi/testing';

import {
  DATASET_ID,
  ITEM_ID,
  LANDING_PAGE,
  PREFIX,
  fileAsset,
  makeEvent,
  makeItem,
} from '../src/__fixtures__/cmip6-fixtures.js';
import { buildRecords } from '../src/build-records.js';
import { ElasticsearchVersionLookup } from '../src/lookup/elasticsearch-version-lookup.js';
import { datasetHandle, handle } from './indexed-handles.js';

const INDEX = 'handles';
const CONTEXT = { prefix: PREFIX, collectionId: 'CMIP6' };

const DOCUMENTS = [
  ...datasetHandle(1, 'v20180301'),
  ...datasetHandle(2, 'v20200101'),
  ...datasetHandle(3, 'v20230101'),
];

let server: StartedElasticsearchServer;
let lookup: ElasticsearchVersionLookup;

beforeEach(async () => {
  server = await startElasticsearchServer({ indices: { [INDEX]: DOCUMENTS } });
  lookup = new ElasticsearchVersionLookup({ url: server.url, index: INDEX });
});

afterEach(async () => {
  await server.close();
});

const find = (version = 'v20210415', target = lookup) =>
  target.findPreviousVersion(DATASET_ID, version, CONTEXT);

describe('ElasticsearchVersionLookup failures', () => {
  it.each([500, 502, 503, 429])('reports HTTP %i as a retriable LOOKUP_FAILED', async (status) => {
    server.failNext(status);

    await expect(find()).rejects.toMatchObject({ code: 'LOOKUP_FAILED', retriable: true });
  });

  it.each([400, 403, 404])('reports HTTP %i as a permanent LOOKUP_FAILED', async (status) => {
    server.failNext(status);

    await expect(find()).rejects.toMatchObject({ code: 'LOOKUP_FAILED', retriable: false });
  });

  it('reports an unreachable server as a retriable LOOKUP_FAILED', async () => {
    const stopped = await startElasticsearchServer();
    await stopped.close();
    const gone = new ElasticsearchVersionLookup({ url: stopped.url, index: INDEX });

    await expect(find('v20210415', gone)).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: true,
    });
  });

  it('reports a missing index as a permanent LOOKUP_FAILED naming it', async () => {
    const wrongIndex = new ElasticsearchVersionLookup({ url: server.url, index: 'versions' });

    const failure = find('v20210415', wrongIndex);

    await expect(failure).rejects.toMatchObject({ code: 'LOOKUP_FAILED', retriable: false });
    await expect(failure).rejects.toThrow(/no such index \[versions\]/);
  });

  it('refuses to choose from a part of the versions when there are more than maxVersions', async () => {
    const bounded = new ElasticsearchVersionLookup({ url: server.url, maxVersions: 2 });

    await expect(find('v20210415', bounded)).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: false,
    });
  });

  it('reads up to maxVersions handles', async () => {
    const bounded = new ElasticsearchVersionLookup({ url: server.url, maxVersions: 3 });

    expect(await find('v20210415', bounded)).toEqual({
      datasetVersion: 'v20200101',
      handle: handle(2),
    });
  });

  it.each([0, 10_001, 2.5])('refuses maxVersions %p as INVALID_OPTIONS', (maxVersions) => {
    expect(() => new ElasticsearchVersionLookup({ url: server.url, maxVersions })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it('reports refused credentials as permanent, without the password in the message', async () => {
    const secured = await startElasticsearchServer({
      indices: { [INDEX]: [] },
      username: 'reader',
      password: 'secret',
    });
    const wrong = { url: secured.url, index: INDEX, username: 'reader', password: 'hunter2' };
    try {
      const failure = find('v2', new ElasticsearchVersionLookup(wrong));

      await expect(failure).rejects.toMatchObject({ code: 'LOOKUP_FAILED', retriable: false });
      await expect(failure).rejects.not.toThrow(/hunter2/);
    } finally {
      await secured.close();
    }
  });

  it('makes buildRecords fail with the retriable lookup error, naming the item', async () => {
    server.failNext(503);
    const event = makeEvent(makeItem({ data0000: fileAsset(0, 'esgf.example') }));
    const options = { prefix: PREFIX, landingPageUrl: LANDING_PAGE, versionLookup: lookup };

    await expect(buildRecords(event, options)).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: true,
      itemId: ITEM_ID,
    });
  });
});
