import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  startElasticsearchServer,
  type ElasticsearchDocument,
  type StartedElasticsearchServer,
} from '@piddi/testing';

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
import { createVersionLookup } from '../src/config.js';
import { ElasticsearchVersionLookup } from '../src/lookup/elasticsearch-version-lookup.js';
import { datasetHandle, handle } from './indexed-handles.js';

const INDEX = 'handles';
const CONTEXT = { prefix: PREFIX, collectionId: 'CMIP6' };
const OTHER_DATASET = DATASET_ID.replace('.tos.', '.sos.');
const DOCUMENTS: ElasticsearchDocument[] = [
  ...datasetHandle(1, 'v20180301'),
  ...datasetHandle(2, 'v20200101'),
  ...datasetHandle(3, 'v20210415'),
  ...datasetHandle(4, 'v20230101'),
  ...datasetHandle(5, 'v20201231', OTHER_DATASET),
  { handle: handle(9), type: 'FILE_NAME', data: 'tos_Omon_195001-195912.nc' },
  { handle: handle(9), type: 'IS_PART_OF', data: `hdl:${handle(3)}` },
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
  it('finds the newest version older than the current one', async () => {
    const previous = await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous).toEqual({ datasetVersion: 'v20200101', handle: handle(2) });
  });

  it('ignores the versions of other datasets in the index', async () => {
    const previous = await lookup.findPreviousVersion(DATASET_ID, 'v20210101', CONTEXT);

    expect(previous).toEqual({ datasetVersion: 'v20200101', handle: handle(2) });
  });

  it('finds nothing for the oldest version or an unknown dataset', async () => {
    expect(await lookup.findPreviousVersion(DATASET_ID, 'v20180301', CONTEXT)).toBeUndefined();
    expect(await lookup.findPreviousVersion('CMIP6.none', 'v20210415', CONTEXT)).toBeUndefined();
  });

  it('asks for the handles of the dataset id, then for their versions, by keyword', async () => {
    await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    const handles = [1, 2, 3, 4].map(handle);
    const filter = (...clauses: unknown[]) => ({ bool: { filter: clauses } });
    expect(server.requests.map((request) => request.body)).toEqual([
      {
        size: 100,
        query: filter(
          { term: { 'type.keyword': 'DATASET_ID' } },
          { term: { 'data.keyword': DATASET_ID } },
        ),
        _source: ['handle', 'type', 'data'],
      },
      {
        size: 100,
        query: filter(
          { term: { 'type.keyword': 'DATASET_VERSION' } },
          { terms: { 'handle.keyword': handles.flatMap((name) => [name, `hdl:${name}`]) } },
        ),
        _source: ['handle', 'type', 'data'],
      },
    ]);
  });

  it('sends one search only when no handle has the dataset id', async () => {
    await lookup.findPreviousVersion('CMIP6.none', 'v20210415', CONTEXT);

    expect(server.requests).toHaveLength(1);
  });

  it('reads handles written with hdl: and answers them without it', async () => {
    for (const document of datasetHandle(6, 'v20210101', DATASET_ID, 'hdl:')) {
      server.addDocument(INDEX, document);
    }
    server.addDocument(INDEX, { handle: `hdl:${handle(7)}`, type: 'DATASET_ID', data: DATASET_ID });
    server.addDocument(INDEX, { handle: handle(7), type: 'DATASET_VERSION', data: 'v20210301' });

    const newest = await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);
    const before = await lookup.findPreviousVersion(DATASET_ID, 'v20210301', CONTEXT);

    expect(newest).toEqual({ datasetVersion: 'v20210301', handle: handle(7) });
    expect(before).toEqual({ datasetVersion: 'v20210101', handle: handle(6) });
  });

  it('writes PREVIOUS_VERSION as an hdl: reference to the previous dataset handle', async () => {
    const event = makeEvent(makeItem({ data0000: fileAsset(0, 'esgf.example') }));
    const { dataset } = await buildRecords(event, {
      prefix: PREFIX,
      landingPageUrl: LANDING_PAGE,
      versionLookup: lookup,
    });

    expect(dataset.itemId).toBe(ITEM_ID);
    expect(dataset.fields.PREVIOUS_VERSION).toBe(`hdl:${handle(2)}`);
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

describe('ElasticsearchVersionLookup on an index with keyword fields', () => {
  let keywordServer: StartedElasticsearchServer;

  beforeEach(async () => {
    keywordServer = await startElasticsearchServer({
      indices: { [INDEX]: DOCUMENTS },
      mapping: 'keyword',
    });
  });

  afterEach(async () => {
    await keywordServer.close();
  });

  it('finds the previous version with keywordSuffix ""', async () => {
    const exact = new ElasticsearchVersionLookup({ url: keywordServer.url, keywordSuffix: '' });

    const previous = await exact.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous).toEqual({ datasetVersion: 'v20200101', handle: handle(2) });
  });

  it('finds nothing there with the default .keyword suffix', async () => {
    const dynamic = new ElasticsearchVersionLookup({ url: keywordServer.url });

    expect(await dynamic.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT)).toBeUndefined();
  });

  it('takes the suffix from [elasticsearch].keyword_suffix', async () => {
    const configured = createVersionLookup({
      lookup: { backend: 'elasticsearch' },
      elasticsearch: { url: keywordServer.url, index: INDEX, keyword_suffix: '' },
    });

    const previous = await configured.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous?.datasetVersion).toBe('v20200101');
  });
});
