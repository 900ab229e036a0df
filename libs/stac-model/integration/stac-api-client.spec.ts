import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  StacApiClient,
  parseEvent,
  resolveEvent,
  type StacApiClientOptions,
  type StacItem,
  type StacLogger,
} from '@piddi/stac-model';
import { startStacApiServer, type StartedStacApiServer } from '@piddi/testing';

const VERSIONS = ['v20190101', 'v20200101', 'v20210101'];
const DATASET = 'CMIP6.CMIP.MPI-M.MPI-ESM1-2-HR.historical.r1i1p1f1.Amon.tas.gn';

function buildItem(version: string): StacItem {
  return {
    type: 'Feature',
    id: `${DATASET}.${version}`,
    collection: 'CMIP6',
    properties: { 'cmip6:variable_id': 'tas', version: version.slice(1), retracted: false },
    assets: {
      data0000: {
        href: `https://esgf.example.org/${version}/tas.nc`,
        'file:size': 2048,
        'file:checksum': `1220${'ab'.repeat(32)}`,
      },
    },
  };
}

const ITEMS = VERSIONS.map(buildItem);
let server: StartedStacApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startApi(
  options: Parameters<typeof startStacApiServer>[0] = {},
  client: Partial<StacApiClientOptions> = {},
) {
  const started = await startStacApiServer({ items: ITEMS, ...options });
  server = started;
  const api = new StacApiClient({ baseUrl: started.url, retryDelayMs: 5, ...client });
  return { server: started, api };
}

function recordWarnings(): { logger: StacLogger; warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  const logger = {
    debug: ignore,
    info: ignore,
    error: ignore,
    warn: (m: string) => warnings.push(m),
  };
  return { logger, warnings };
}

describe('StacApiClient.getItem', () => {
  it('fetches an item by collection and id', async () => {
    const { api } = await startApi();

    expect(await api.getItem('CMIP6', ITEMS[1].id)).toEqual(ITEMS[1]);
  });

  it('answers undefined for an item the API does not have', async () => {
    const { api } = await startApi();

    expect(await api.getItem('CMIP6', `${DATASET}.v20990101`)).toBeUndefined();
  });

  it('retries transient failures and then succeeds', async () => {
    const { logger, warnings } = recordWarnings();
    const { api, server } = await startApi({ failNextRequests: 2 }, { retries: 3, logger });

    const item = await api.getItem('CMIP6', ITEMS[0].id);

    expect(item?.id).toBe(ITEMS[0].id);
    expect(server.requests).toHaveLength(3);
    expect(warnings).toHaveLength(2);
  });

  it('gives up after its retries with a retriable error', async () => {
    const { api, server } = await startApi({ failNextRequests: 10 }, { retries: 2 });

    const outcome = api.getItem('CMIP6', ITEMS[0].id);

    await expect(outcome).rejects.toMatchObject({
      code: 'STAC_UNAVAILABLE',
      retriable: true,
      status: 503,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('retries a 429 as transient', async () => {
    const { api, server } = await startApi({}, { retries: 1 });
    server.failNext(429);

    expect((await api.getItem('CMIP6', ITEMS[0].id))?.id).toBe(ITEMS[0].id);
  });

  it('times out a slow answer with a retriable error', async () => {
    const { api } = await startApi({ responseDelayMs: 1000 }, { timeoutMs: 100, retries: 0 });

    const outcome = api.getItem('CMIP6', ITEMS[0].id);

    await expect(outcome).rejects.toMatchObject({ code: 'STAC_TIMEOUT', retriable: true });
  });

  it('refuses an answer that is no STAC item as permanent', async () => {
    const html = createServer((_request, response) => response.end('<html>proxy</html>'));
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    const { port } = html.address() as AddressInfo;
    const api = new StacApiClient({ baseUrl: `http://127.0.0.1:${port}`, retries: 0 });

    const outcome = api.getItem('CMIP6', ITEMS[0].id);

    await expect(outcome).rejects.toMatchObject({ code: 'STAC_BAD_RESPONSE', retriable: false });
    await new Promise((resolve) => html.close(resolve));
  });
});

describe('StacApiClient.search', () => {
  it('finds items with the query extension', async () => {
    const { api } = await startApi();

    const items = await api.search({ query: { version: { eq: '20200101' } } });

    expect(items.map((item) => item.id)).toEqual([ITEMS[1].id]);
  });

  it('finds items with a cql2-json filter', async () => {
    const { api } = await startApi();

    const items = await api.search({
      collections: ['CMIP6'],
      'filter-lang': 'cql2-json',
      filter: { op: '=', args: [{ property: 'cmip6:variable_id' }, 'tas'] },
    });

    expect(items).toHaveLength(3);
  });

  it('follows next links until the last page', async () => {
    const { api, server } = await startApi();

    const items = await api.search({ collections: ['CMIP6'], limit: 1 });

    expect(items.map((item) => item.id)).toEqual(ITEMS.map((item) => item.id));
    expect(server.requests).toEqual(['POST /search', 'POST /search', 'POST /search']);
    expect(server.searches[2]).toMatchObject({ collections: ['CMIP6'], limit: 1 });
  });

  it('refuses to follow more pages than allowed', async () => {
    const { api } = await startApi({}, { maxPages: 2 });

    const outcome = api.search({ limit: 1 });

    await expect(outcome).rejects.toMatchObject({
      code: 'STAC_TOO_MANY_PAGES',
      retriable: false,
    });
  });

  it('reports a refused search as permanent without retrying', async () => {
    const { api, server } = await startApi({}, { retries: 3 });

    const outcome = api.search({ query: { version: { gte: '2019' } } });

    await expect(outcome).rejects.toMatchObject({
      code: 'STAC_REQUEST_REJECTED',
      retriable: false,
      status: 400,
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('StacApiClient.checkHealth', () => {
  it('resolves while the API answers', async () => {
    const { api } = await startApi();

    await expect(api.checkHealth()).resolves.toBeUndefined();
  });

  it('reports an API that answers 503 as transiently down', async () => {
    const { api } = await startApi({ failNextRequests: 5 }, { retries: 1 });

    await expect(api.checkHealth()).rejects.toMatchObject({
      code: 'STAC_UNAVAILABLE',
      retriable: true,
    });
  });

  it('reports an API that is not listening as transiently down', async () => {
    const { api, server } = await startApi({}, { retries: 0 });
    await server.close();

    await expect(api.checkHealth()).rejects.toMatchObject({
      code: 'STAC_UNAVAILABLE',
      retriable: true,
    });
  });
});

describe('resolveEvent', () => {
  const patchEvent = (itemId: string) =>
    parseEvent({
      data: {
        type: 'STAC',
        payload: {
          collection_id: 'CMIP6',
          method: 'PATCH',
          item_id: itemId,
          patch: [{ op: 'replace', path: '/properties/retracted', value: true }],
        },
      },
      metadata: { time: '2025-08-05T11:35:48' },
    });

  it('applies a PATCH to the item fetched from the STAC API', async () => {
    const { api } = await startApi();

    const resolved = await resolveEvent(patchEvent(ITEMS[2].id), api);

    expect(resolved).toMatchObject({
      method: 'PATCH',
      collectionId: 'CMIP6',
      item: { id: ITEMS[2].id },
    });
    expect(resolved.item.properties.retracted).toBe(true);
  });

  it('refuses a PATCH of an item the API does not have as permanent', async () => {
    const { api } = await startApi();

    const outcome = resolveEvent(patchEvent(`${DATASET}.v20990101`), api);

    await expect(outcome).rejects.toMatchObject({ code: 'STAC_ITEM_NOT_FOUND', retriable: false });
  });

  it('reports a PATCH while the API is down as retriable', async () => {
    const { api } = await startApi({ failNextRequests: 10 }, { retries: 1 });

    const outcome = resolveEvent(patchEvent(ITEMS[0].id), api);

    await expect(outcome).rejects.toMatchObject({ code: 'STAC_UNAVAILABLE', retriable: true });
  });
});
