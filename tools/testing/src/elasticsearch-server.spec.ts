import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';

import {
  startElasticsearchServer,
  type StartedElasticsearchServer,
} from './elasticsearch-server.js';

const DOCUMENTS = [
  {
    _id: 'h1',
    handle: '21.TEST/1',
    DATASET_ID: 'CMIP6.a',
    DATASET_VERSION: 'v20190101',
    title: 'Sea Surface Temperature',
  },
  {
    _id: 'h2',
    handle: '21.TEST/2',
    DATASET_ID: 'CMIP6.a',
    DATASET_VERSION: 'v20210101',
    title: 'Sea Ice',
  },
  {
    _id: 'h3',
    handle: '21.TEST/3',
    DATASET_ID: 'CMIP6.b',
    DATASET_VERSION: 'v20200101',
    title: 'Surface Air',
  },
  { _id: 'h4', handle: '21.TEST/4', DATASET_ID: 'CMIP6.a', DATASET_VERSION: 'v20200101' },
];

interface SearchAnswer {
  hits: {
    total: { value: number; relation: string };
    hits: { _id: string; _source: Record<string, unknown>; sort?: unknown[] }[];
  };
  error: { type: string; reason: string };
}

let server: StartedElasticsearchServer;

beforeEach(async () => {
  server = await startElasticsearchServer({ indices: { handles: DOCUMENTS } });
});

afterEach(async () => {
  await server.close();
});

async function search(body: unknown, index = 'handles', headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/${index}/_search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as SearchAnswer };
}

const ids = (body: SearchAnswer) => body.hits.hits.map((hit) => hit._id);

describe('test Elasticsearch server', () => {
  it('filters by term inside bool and sorts by a field, newest first', async () => {
    const { body } = await search({
      query: { bool: { filter: [{ term: { DATASET_ID: 'CMIP6.a' } }] } },
      sort: [{ DATASET_VERSION: { order: 'desc' } }],
    });

    expect(ids(body)).toEqual(['h2', 'h4', 'h1']);
    expect(body.hits.total).toEqual({ value: 3, relation: 'eq' });
    expect(body.hits.hits[0].sort).toEqual(['v20210101']);
  });

  it('matches a term exactly, also through the .keyword subfield', async () => {
    expect(
      ids((await search({ query: { term: { 'DATASET_ID.keyword': { value: 'CMIP6.b' } } } })).body),
    ).toEqual(['h3']);
    expect(ids((await search({ query: { term: { DATASET_ID: 'cmip6.b' } } })).body)).toEqual([]);
  });

  it('matches words of a text field case-insensitively, all words required', async () => {
    expect(ids((await search({ query: { match: { title: 'surface SEA' } } })).body)).toEqual([
      'h1',
    ]);
  });

  it('leaves out documents that a must_not clause matches', async () => {
    const query = {
      bool: {
        must: { term: { DATASET_ID: 'CMIP6.a' } },
        must_not: [{ term: { _missing: 1 } }, { match: { title: 'ice' } }],
      },
    };

    expect(ids((await search({ query, sort: ['DATASET_VERSION'] })).body)).toEqual(['h1', 'h4']);
  });

  it('pages with size and from and keeps only the _source fields asked for', async () => {
    const { body } = await search({
      sort: [{ DATASET_VERSION: 'asc' }],
      size: 2,
      from: 1,
      _source: ['handle'],
    });

    expect(body.hits.hits.map((hit) => hit._source)).toEqual([
      { handle: '21.TEST/3' },
      { handle: '21.TEST/4' },
    ]);
  });

  it('answers 404 index_not_found_exception for an unknown index', async () => {
    const { status, body } = await search({ query: { match_all: {} } }, 'versions');

    expect(status).toBe(404);
    expect(body.error.type).toBe('index_not_found_exception');
  });

  it('answers 400 for a query it does not implement', async () => {
    const { status, body } = await search({ query: { range: { DATASET_VERSION: { lt: 'v2' } } } });

    expect(status).toBe(400);
    expect(body.error.type).toBe('parsing_exception');
  });

  it('answers injected failures first, then searches normally', async () => {
    server.failNext(503, 2);

    expect((await search({})).status).toBe(503);
    expect((await search({})).status).toBe(503);
    expect((await search({})).status).toBe(200);
    expect(server.requests).toHaveLength(3);
  });

  it('records searches with their index and body', async () => {
    await search({ size: 1 }, 'handles');

    expect(server.requests).toEqual([{ index: 'handles', body: { size: 1 }, authenticated: true }]);
  });
});

describe('test Elasticsearch server with credentials', () => {
  it('refuses a search without them with 401 and accepts one with them', async () => {
    const secured = await startElasticsearchServer({
      indices: { handles: [] },
      username: 'reader',
      password: 'secret',
    });
    const url = `${secured.url}/handles/_search`;
    const authorization = `Basic ${Buffer.from('reader:secret').toString('base64')}`;
    try {
      const anonymous = await fetch(url, { method: 'POST', body: '{}' });
      const signedIn = await fetch(url, { method: 'POST', body: '{}', headers: { authorization } });

      expect([anonymous.status, signedIn.status]).toEqual([401, 200]);
      expect(secured.requests.map((request) => request.authenticated)).toEqual([false, true]);
    } finally {
      await secured.close();
    }
  });
});
