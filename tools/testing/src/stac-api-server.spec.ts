import { afterEach, describe, expect, it } from '@jest/globals';

import {
  startStacApiServer,
  type StacApiItem,
  type StartedStacApiServer,
} from './stac-api-server.js';

function buildItem(id: string, properties: Record<string, unknown> = {}): StacApiItem {
  return { type: 'Feature', id, collection: 'CMIP6', properties, assets: {} };
}

const OLD = buildItem('CMIP6.CMIP.A.B.historical.r1i1p1f1.Amon.tas.gn.v20190101', {
  'cmip6:variable_id': 'tas',
  version: '20190101',
});
const NEW = buildItem('CMIP6.CMIP.A.B.historical.r1i1p1f1.Amon.tas.gn.v20200101', {
  'cmip6:variable_id': 'tas',
  version: '20200101',
});
const OTHER = buildItem('CMIP6.CMIP.A.B.historical.r1i1p1f1.Amon.pr.gn.v20200101', {
  'cmip6:variable_id': 'pr',
});

let server: StartedStacApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function search(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server?.url}/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function ids(json: Record<string, unknown>): string[] {
  return (json.features as StacApiItem[]).map((item) => item.id);
}

describe('startStacApiServer', () => {
  it('serves a landing page and the conformance classes', async () => {
    server = await startStacApiServer();

    const landing = await (await fetch(server.url)).json();
    const conformance = (await (await fetch(`${server.url}/conformance`)).json()) as {
      conformsTo: string[];
    };

    expect(landing).toMatchObject({ type: 'Catalog' });
    expect(conformance.conformsTo).toContain('https://api.stacspec.org/v1.0.0/item-search');
  });

  it('serves a stored item and answers 404 for an unknown one', async () => {
    server = await startStacApiServer({ items: [OLD] });

    const found = await fetch(`${server.url}/collections/CMIP6/items/${OLD.id}`);
    const missing = await fetch(`${server.url}/collections/CMIP6/items/${NEW.id}`);

    expect(await found.json()).toEqual(OLD);
    expect(missing.status).toBe(404);
    expect(server.requests).toEqual([
      `GET /collections/CMIP6/items/${OLD.id}`,
      `GET /collections/CMIP6/items/${NEW.id}`,
    ]);
  });

  it('keeps items of different collections apart', async () => {
    server = await startStacApiServer();
    server.addItem('CMIP6Plus', OLD);

    const inCmip6 = await fetch(`${server.url}/collections/CMIP6/items/${OLD.id}`);
    const result = await search({ collections: ['CMIP6Plus'] });

    expect(inCmip6.status).toBe(404);
    expect(ids(result.json)).toEqual([OLD.id]);
  });

  it('searches with the query extension', async () => {
    server = await startStacApiServer({ items: [OLD, NEW, OTHER] });

    const result = await search({ query: { 'cmip6:variable_id': { eq: 'tas' } } });

    expect(ids(result.json)).toEqual([OLD.id, NEW.id]);
    expect(server.searches).toEqual([{ query: { 'cmip6:variable_id': { eq: 'tas' } } }]);
  });

  it('searches with a cql2-json filter of and and =', async () => {
    server = await startStacApiServer({ items: [OLD, NEW, OTHER] });

    const result = await search({
      collections: ['CMIP6'],
      'filter-lang': 'cql2-json',
      filter: {
        op: 'and',
        args: [
          { op: '=', args: [{ property: 'cmip6:variable_id' }, 'tas'] },
          { op: '=', args: [{ property: 'version' }, '20200101'] },
        ],
      },
    });

    expect(ids(result.json)).toEqual([NEW.id]);
  });

  it('pages with limit and a next link carrying a token', async () => {
    server = await startStacApiServer({ items: [OLD, NEW, OTHER] });

    const first = await search({ limit: 2 });
    const next = (first.json.links as Array<Record<string, unknown>>)[0];
    const second = await search(next.body);

    expect(ids(first.json)).toEqual([OLD.id, NEW.id]);
    expect(next).toMatchObject({ rel: 'next', method: 'POST', href: `${server.url}/search` });
    expect(ids(second.json)).toEqual([OTHER.id]);
    expect(second.json.links).toEqual([]);
  });

  it.each([
    ['a query operator other than eq', { query: { version: { gte: '2019' } } }],
    ['a filter operator other than and and =', { filter: { op: 'like', args: [] } }],
    ['a limit of zero', { limit: 0 }],
    ['ids that are not a list', { ids: 'x' }],
  ])('answers 400 to %s', async (_name, body) => {
    server = await startStacApiServer({ items: [OLD] });

    expect((await search(body)).status).toBe(400);
  });

  it('answers 503 to the first requests when told to fail', async () => {
    server = await startStacApiServer({ items: [OLD], failNextRequests: 2 });

    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await fetch(`${server.url}/collections/CMIP6/items/${OLD.id}`)).status);
    }

    expect(statuses).toEqual([503, 503, 200]);
  });

  it('waits the configured delay before answering', async () => {
    server = await startStacApiServer({ responseDelayMs: 150 });

    const started = Date.now();
    await fetch(`${server.url}/conformance`);

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
