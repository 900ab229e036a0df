import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';

import {
  startElasticsearchServer,
  type ElasticsearchServerOptions,
  type StartedElasticsearchServer,
} from './elasticsearch-server.js';

// Handle values, one document each, as an index of handle values holds them.
const DOCUMENTS = [
  { _id: 'a1', handle: '21.TEST/a', type: 'DATASET_ID', data: 'CMIP6.x.tas.gn' },
  { _id: 'a2', handle: '21.TEST/a', type: 'DATASET_VERSION', data: 'v20190101' },
  { _id: 'b1', handle: 'hdl:21.TEST/b', type: 'DATASET_ID', data: 'CMIP6.x.tas.gn' },
  { _id: 'b2', handle: 'hdl:21.TEST/b', type: 'DATASET_VERSION', data: 'v20200101' },
  { _id: 'c1', handle: '21.TEST/c', type: 'DATASET_ID', data: 'CMIP6.x.pr.gn' },
  { _id: 'n1', handle: '21.TEST/n', type: 'FILE_SIZE', data: 2048, tags: ['Sea Ice', 'ocean'] },
];

interface SearchAnswer {
  hits: {
    total: { value: number; relation: string };
    hits: { _id: string; _source?: Record<string, unknown> }[];
  };
  error: { type: string; reason: string };
}

let server: StartedElasticsearchServer;

async function start(options: ElasticsearchServerOptions = {}) {
  server = await startElasticsearchServer({ indices: { handles: DOCUMENTS }, ...options });
}

afterEach(async () => {
  await server.close();
});

async function search(body: unknown, index = 'handles') {
  const response = await fetch(`${server.url}/${index}/_search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as SearchAnswer };
}

async function idsOf(query: unknown): Promise<string[]> {
  const { body } = await search({ query });
  return body.hits.hits.map((hit) => hit._id);
}

const filter = (...clauses: unknown[]) => ({ bool: { filter: clauses } });

describe('test Elasticsearch server with the dynamic mapping', () => {
  beforeEach(() => start());

  it('matches the exact string through the .keyword sub-field', async () => {
    const query = filter(
      { term: { 'type.keyword': 'DATASET_ID' } },
      { term: { 'data.keyword': { value: 'CMIP6.x.tas.gn' } } },
    );

    expect(await idsOf(query)).toEqual(['a1', 'b1']);
  });

  it('matches a term on the text field only against its lower-case words', async () => {
    expect(await idsOf({ term: { type: 'DATASET_ID' } })).toEqual([]);
    expect(await idsOf({ term: { type: 'dataset_id' } })).toEqual(['a1', 'b1', 'c1']);
    expect(await idsOf({ term: { tags: 'ice' } })).toEqual(['n1']);
  });

  it('matches any of a terms list, and no spelling that is not stored', async () => {
    const handles = { terms: { 'handle.keyword': ['21.TEST/a', 'hdl:21.TEST/b', '21.TEST/b'] } };
    const query = filter({ term: { 'type.keyword': 'DATASET_VERSION' } }, handles);

    expect(await idsOf(query)).toEqual(['a2', 'b2']);
  });

  it('compares numbers as numbers, without a .keyword sub-field', async () => {
    expect(await idsOf({ term: { data: 2048 } })).toEqual(['n1']);
    expect(await idsOf({ term: { 'data.keyword': 2048 } })).toEqual([]);
  });

  it('leaves out documents that a must_not clause matches', async () => {
    const query = {
      bool: {
        must: { term: { 'handle.keyword': '21.TEST/a' } },
        must_not: [{ term: { 'type.keyword': 'DATASET_ID' } }],
      },
    };

    expect(await idsOf(query)).toEqual(['a2']);
  });

  it('pages with size and from and keeps only the _source fields asked for', async () => {
    const { body } = await search({ size: 2, from: 1, _source: ['handle', 'data'] });

    expect(body.hits.total).toEqual({ value: 6, relation: 'eq' });
    expect(body.hits.hits.map((hit) => hit._source)).toEqual([
      { handle: '21.TEST/a', data: 'v20190101' },
      { handle: 'hdl:21.TEST/b', data: 'CMIP6.x.tas.gn' },
    ]);
  });

  it('answers 10 hits without size and none of the _source with _source false', async () => {
    for (let position = 0; position < 6; position += 1) {
      server.addDocument('handles', { handle: `21.TEST/extra${position}` });
    }

    const { body } = await search({ _source: false });

    expect(body.hits.hits).toHaveLength(10);
    expect(body.hits.hits[0]).not.toHaveProperty('_source');
  });

  it('answers 404 index_not_found_exception for an unknown index', async () => {
    const { status, body } = await search({ query: { match_all: {} } }, 'versions');

    expect(status).toBe(404);
    expect(body.error.type).toBe('index_not_found_exception');
  });

  it.each([
    ['a query it does not implement', { query: { range: { data: { lt: 'v2' } } } }],
    ['a malformed clause after one that fails', { query: filter({ term: { x: 1 } }, { x: 1 }) }],
    ['terms without a list', { query: { terms: { 'handle.keyword': '21.TEST/a' } } }],
    ['a sort', { sort: ['data.keyword'] }],
    ['a negative size', { size: -1 }],
  ])('answers 400 parsing_exception for %s', async (_, body) => {
    const { status, body: answer } = await search(body);

    expect(status).toBe(400);
    expect(answer.error.type).toBe('parsing_exception');
  });

  it('answers 400 illegal_argument_exception beyond the result window', async () => {
    const { status, body } = await search({ from: 9_999, size: 2 });

    expect(status).toBe(400);
    expect(body.error.type).toBe('illegal_argument_exception');
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

describe('test Elasticsearch server with keyword fields', () => {
  beforeEach(() => start({ mapping: 'keyword' }));

  it('matches the exact string under the field name and has no .keyword sub-field', async () => {
    expect(await idsOf({ term: { type: 'DATASET_VERSION' } })).toEqual(['a2', 'b2']);
    expect(await idsOf({ term: { 'type.keyword': 'DATASET_VERSION' } })).toEqual([]);
  });
});

describe('test Elasticsearch server with credentials', () => {
  beforeEach(() => start({ username: 'reader', password: 'secret' }));

  it('refuses a search without them with 401 and accepts one with them', async () => {
    const url = `${server.url}/handles/_search`;
    const authorization = `Basic ${Buffer.from('reader:secret').toString('base64')}`;

    const anonymous = await fetch(url, { method: 'POST', body: '{}' });
    const signedIn = await fetch(url, { method: 'POST', body: '{}', headers: { authorization } });

    expect([anonymous.status, signedIn.status]).toEqual([401, 200]);
    expect(server.requests.map((request) => request.authenticated)).toEqual([false, true]);
  });
});
