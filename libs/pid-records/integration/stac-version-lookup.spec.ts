import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { StacApiClient } from '@piddi/stac-model';
import { startStacApiServer, type StartedStacApiServer } from '@piddi/testing';

import {
  DATASET_ID,
  ITEM_ID,
  LANDING_PAGE,
  PREFIX,
  facetProperties,
  fileAsset,
  makeEvent,
  makeItem,
  uuidV3,
} from '../src/__fixtures__/cmip6-fixtures.js';
import { buildRecords } from '../src/build-records.js';
import { createVersionLookup } from '../src/config.js';
import { StacVersionLookup } from '../src/lookup/stac-version-lookup.js';

const CONTEXT = { prefix: PREFIX, collectionId: 'CMIP6' };
const OTHER_MEMBER = DATASET_ID.replace('r3i1p1f2', 'r4i1p1f2');
const OTHER_VARIABLE = DATASET_ID.replace('.tos.', '.sos.');
const CARRIED_PID = '9d8c7b6a-5f4e-4d3c-8b2a-190807060504';

function versionItem(
  version: string,
  properties: Record<string, unknown> = {},
  datasetId = DATASET_ID,
) {
  const id = `${datasetId}.${version}`;
  const item = makeItem(
    { data0000: fileAsset(0, 'esgf.example') },
    { ...facetProperties(datasetId), ...properties },
    id,
  );
  return { ...item, collection: 'CMIP6' };
}

/** An item of the schema variant that names the variable `cmip6:variable`, not `variable_id`. */
function variableVariantItem(version: string) {
  const item = versionItem(version);
  const { 'cmip6:variable_id': variable, ...properties } = item.properties;
  return { ...item, properties: { ...properties, 'cmip6:variable': variable } };
}

/** The facets the lookup searches on: all but the variable, whose name differs by variant. */
function searchedFacets(datasetId: string) {
  const facets = Object.entries(facetProperties(datasetId));
  return Object.fromEntries(facets.filter(([name]) => name !== 'cmip6:variable_id'));
}

let server: StartedStacApiServer;

beforeEach(async () => {
  server = await startStacApiServer({
    items: [
      versionItem('v20180301', { pid: `hdl:21.14100/${CARRIED_PID}` }),
      versionItem('v20200101'),
      versionItem('v20210415'),
      versionItem('v20230101'),
      versionItem('v20201231', {}, OTHER_MEMBER),
      versionItem('v20210101', {}, OTHER_VARIABLE),
    ],
  });
});

afterEach(async () => {
  await server.close();
});

function lookupWith(options: Partial<ConstructorParameters<typeof StacVersionLookup>[0]> = {}) {
  const client = new StacApiClient({ baseUrl: server.url, retries: 0 });
  return new StacVersionLookup({ client, ...options });
}

describe('StacVersionLookup', () => {
  it('finds the newest older version and its computed PID', async () => {
    const previous = await lookupWith().findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous).toEqual({
      datasetVersion: 'v20200101',
      handle: `${PREFIX}/${uuidV3(`${DATASET_ID}.v20200101`)}`,
    });
  });

  it('uses the PID a previous version carries', async () => {
    const previous = await lookupWith().findPreviousVersion(DATASET_ID, 'v20200101', CONTEXT);

    expect(previous).toEqual({ datasetVersion: 'v20180301', handle: `${PREFIX}/${CARRIED_PID}` });
  });

  it('searches the collection for the eight facets both schema variants carry', async () => {
    await lookupWith().findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    const query = Object.fromEntries(
      Object.entries(searchedFacets(DATASET_ID)).map(([name, eq]) => [name, { eq }]),
    );
    expect(Object.keys(query)).toHaveLength(8);
    expect(server.searches).toEqual([{ collections: ['CMIP6'], limit: 100, query }]);
  });

  it('ignores a newer version of another variable that the search also finds', async () => {
    const previous = await lookupWith().findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous?.datasetVersion).toBe('v20200101');
  });

  it.each(['query', 'cql2-json'] as const)(
    'finds an item that names the variable cmip6:variable with the %s syntax',
    async (searchSyntax) => {
      server.addItem('CMIP6', variableVariantItem('v20210301'));

      const lookup = lookupWith({ searchSyntax });
      const previous = await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

      expect(previous).toEqual({
        datasetVersion: 'v20210301',
        handle: `${PREFIX}/${uuidV3(`${DATASET_ID}.v20210301`)}`,
      });
    },
  );

  it('finds the same version with a cql2-json filter', async () => {
    const lookup = lookupWith({ searchSyntax: 'cql2-json' });
    const previous = await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous?.datasetVersion).toBe('v20200101');
    const args = Object.entries(searchedFacets(DATASET_ID)).map(([property, value]) => ({
      op: '=',
      args: [{ property }, value],
    }));
    expect(server.searches).toEqual([
      {
        collections: ['CMIP6'],
        limit: 100,
        'filter-lang': 'cql2-json',
        filter: { op: 'and', args },
      },
    ]);
  });

  it('takes the search syntax from [stac].search_syntax', async () => {
    const lookup = createVersionLookup({
      lookup: { backend: 'stac' },
      stac: { base_url: server.url, retries: 0, search_syntax: 'cql2-json' },
    });

    const previous = await lookup.findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous?.datasetVersion).toBe('v20200101');
    expect(server.searches[0]).toMatchObject({ 'filter-lang': 'cql2-json' });
  });

  it('reads every result page', async () => {
    const previous = await lookupWith({ pageSize: 1 }).findPreviousVersion(
      DATASET_ID,
      'v20300101',
      CONTEXT,
    );

    expect(previous?.datasetVersion).toBe('v20230101');
    // Four versions and the other variable's item, one per page.
    expect(server.searches).toHaveLength(5);
  });

  it('finds nothing for the oldest version', async () => {
    expect(
      await lookupWith().findPreviousVersion(DATASET_ID, 'v20180301', CONTEXT),
    ).toBeUndefined();
  });

  it('skips an older version whose PID is no UUID and takes the one before it', async () => {
    server.addItem('CMIP6', versionItem('v20200101', { pid: '5.4' }));

    const previous = await lookupWith().findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT);

    expect(previous?.datasetVersion).toBe('v20180301');
  });

  it('makes buildRecords write PREVIOUS_VERSION as an hdl: reference', async () => {
    const event = makeEvent(makeItem({ data0000: fileAsset(0, 'esgf.example') }));
    const { dataset } = await buildRecords(event, {
      prefix: PREFIX,
      landingPageUrl: LANDING_PAGE,
      versionLookup: lookupWith(),
    });

    expect(dataset.itemId).toBe(ITEM_ID);
    expect(dataset.fields.PREVIOUS_VERSION).toBe(
      `hdl:${PREFIX}/${uuidV3(`${DATASET_ID}.v20200101`)}`,
    );
  });
});

describe('StacVersionLookup failures', () => {
  it('reports an unavailable STAC API as a retriable LOOKUP_FAILED', async () => {
    server.failNext(503);

    await expect(
      lookupWith().findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT),
    ).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: true,
    });
  });

  it('reports a refused search as a LOOKUP_FAILED that is not retriable', async () => {
    server.failNext(400);

    await expect(
      lookupWith().findPreviousVersion(DATASET_ID, 'v20210415', CONTEXT),
    ).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: false,
    });
  });

  it('makes buildRecords fail with the retriable error, naming the item', async () => {
    server.failNext(503);
    const event = makeEvent(makeItem({ data0000: fileAsset(0, 'esgf.example') }));
    const options = { prefix: PREFIX, landingPageUrl: LANDING_PAGE, versionLookup: lookupWith() };

    await expect(buildRecords(event, options)).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      retriable: true,
      itemId: ITEM_ID,
    });
  });
});
