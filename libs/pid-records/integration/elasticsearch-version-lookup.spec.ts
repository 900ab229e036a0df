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

const INDEX = 'handles';
const CONTEXT = { prefix: PREFIX, collectionId: 'CMIP6' };

function datasetDocument(version: string, pid: string, datasetId = DATASET_ID) {
  return {
    _id: `${PREFIX}/${pid}`,
    handle: `${PREFIX}/${pid}`,
    AGGREGATION_LEVEL: 'DATASET',
    DATASET_ID: datasetId,
    DATASET_VERSION: version,
  };
}

const DOCUMENTS = [
  datasetDocument('v20180301', '00000000-0000-4000-8000-000000000001'),
  datasetDocument('v20200101', '00000000-0000-4000-8000-000000000002'),
  datasetDocument('v20210415', '00000000-0000-4000-8000-000000000003'),
  datasetDocument('v20230101', '00000000-0000-4000-8000-000000000004'),
  datasetDocument('v20201231', '00000000-0000-4000-8000-000000000005', `${DATASET_ID}x`),
  { handle: `${PREFIX}/file`, AGGREGATION_LEVEL: 'FILE', FILE_NAME: 'tos.nc' },
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

describe('ElasticsearchVersionLookup', () => {
  it('finds the newest older version of the same dataset id', async () => {
    const previous = await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous).toEqual({
      datasetVersion: 'v20200101',
      handle: `${PREFIX}/00000000-0000-4000-8000-000000000002`,
    });
  });

  it('asks for the dataset id by term, newest version first', async () => {
    await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(server.requests).toEqual([
      {
        index: INDEX,
        authenticated: true,
        body: {
          size: 100,
          query: { bool: { filter: [{ term: { DATASET_ID } }] } },
          sort: [{ DATASET_VERSION: { order: 'desc' } }],
          _source: ['handle', 'DATASET_ID', 'DATASET_VERSION'],
        },
      },
    ]);
  });

  it('finds nothing for the oldest version or an unknown dataset', async () => {
    expect(await lookup.findPreviousVersion(DATASET_ID, 'v20180301', CONTEXT)).toBeUndefined();
    expect(await lookup.findPreviousVersion('CMIP6.none', 'v20210415', CONTEXT)).toBeUndefined();
  });

  it('writes PREVIOUS_VERSION as an hdl: reference to the previous dataset handle', async () => {
    const event = makeEvent(makeItem({ data0000: fileAsset(0, 'esgf.example') }));
    const { dataset } = await buildRecords(event, {
      prefix: PREFIX,
      landingPageUrl: LANDING_PAGE,
      versionLookup: lookup,
    });

    expect(dataset.itemId).toBe(ITEM_ID);
    expect(dataset.fields.PREVIOUS_VERSION).toBe(
      `hdl:${PREFIX}/00000000-0000-4000-8000-000000000002`,
    );
  });

  it('sends the configured credentials', async () => {
    const secured = await startElasticsearchServer({
      indices: { [INDEX]: DOCUMENTS },
      username: 'reader',
      password: 'secret',
    });
    try {
      const options = { url: secured.url, index: INDEX, username: 'reader', password: 'secret' };
      const previous = await new ElasticsearchVersionLookup(options).findPreviousVersion(
        DATASET_ID,
        'v20300101',
        CONTEXT,
      );

      expect(previous?.datasetVersion).toBe('v20230101');
    } finally {
      await secured.close();
    }
  });
});

describe('ElasticsearchVersionLookup failures', () => {
  it.each([500, 502, 503, 429])('reports HTTP %i as a retriable LOOKUP_FAILED', async (status) => {
    server.failNext(status);

    await expect(
      lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT),
    ).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: true,
    });
  });

  it('reports an unreachable server as a retriable LOOKUP_FAILED', async () => {
    const stopped = await startElasticsearchServer();
    await stopped.close();
    const gone = new ElasticsearchVersionLookup({ url: stopped.url, index: INDEX });

    await expect(gone.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT)).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: true,
    });
  });

  it('reports a missing index as a LOOKUP_FAILED that is not retriable', async () => {
    const wrongIndex = new ElasticsearchVersionLookup({ url: server.url, index: 'versions' });

    await expect(
      wrongIndex.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT),
    ).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: false,
    });
  });

  it('reports refused credentials as not retriable, without the password in the message', async () => {
    const secured = await startElasticsearchServer({
      indices: { [INDEX]: [] },
      username: 'reader',
      password: 'secret',
    });
    const wrong = { url: secured.url, index: INDEX, username: 'reader', password: 'hunter2' };
    try {
      const failure = new ElasticsearchVersionLookup(wrong).findPreviousVersion(
        DATASET_ID,
        'v2',
        CONTEXT,
      );

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
