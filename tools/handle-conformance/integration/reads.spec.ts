import { expect, it } from '@jest/globals';

import { indexesOf, sampleValues, stringValue, uniqueHandle } from './fixtures.js';
import { sendRaw } from './raw-http.js';
import { describeEachServer, type ServerUnderTest } from './servers.js';

describeEachServer('Reading handles over the REST API', (server) => {
  const get = (handle: string, query = '') =>
    sendRaw(server(), { method: 'GET', path: `/api/handles/${handle}${query}` });
  const created = async (label: string) => {
    const handle = uniqueHandle(server().prefix, label);
    const values = [...sampleValues(), stringValue(4, 'FILE.SIZE', '42')];
    const path = `/api/handles/${handle}`;
    expect((await sendRaw(server(), { method: 'PUT', path, body: { values } })).status).toBe(201);
    return handle;
  };

  it('returns only the values at the requested indexes', async () => {
    const handle = await created('by-index');

    const answer = await get(handle, '?index=2&index=3');

    expect(answer.status).toBe(200);
    expect(indexesOf(answer.json.values)).toEqual([2, 3]);
  });

  it('returns only the values of the requested type, whatever its letter case', async () => {
    const handle = await created('by-type');

    const answer = await get(handle, '?type=url');

    expect(indexesOf(answer.json.values)).toEqual([1]);
  });

  it('matches every sub-type with a type ending in a dot', async () => {
    const handle = await created('sub-type');

    const answer = await get(handle, '?type=FILE.');

    expect(indexesOf(answer.json.values)).toEqual([3, 4]);
  });

  it('returns the values that match either an index or a type filter', async () => {
    const handle = await created('either');

    const answer = await get(handle, '?index=2&type=URL');

    expect(indexesOf(answer.json.values)).toEqual([1, 2]);
  });

  it('answers 200 with responseCode 200 and an empty list when no value matches', async () => {
    const handle = await created('no-match');

    const answer = await get(handle, '?type=NOTHING');

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 200, handle, values: [] });
  });

  it('resolves a handle in other letter case and echoes the name as requested', async () => {
    const handle = await created('Case');
    const asked = handle.toLowerCase();

    const answer = await get(asked);

    expect(answer.status).toBe(200);
    expect(answer.json.handle).toBe(asked);
    expect(indexesOf(answer.json.values)).toEqual([1, 2, 3, 4]);
  });

  it('refuses overwrite=false on the same handle written in other letter case (409)', async () => {
    const handle = await created('Taken');
    const path = `/api/handles/${handle.toUpperCase()}?overwrite=false`;

    const answer = await sendRaw(server(), {
      method: 'PUT',
      path,
      body: { values: sampleValues() },
    });

    expect(answer.status).toBe(409);
    expect(answer.json.responseCode).toBe(101);
  });

  it('holds the admin handle with its HS_ADMIN value readable by anyone', async () => {
    const { adminHandle } = server();

    const answer = await get(adminHandle);

    expect(answer.status).toBe(200);
    expect(answer.json.values).toContainEqual(
      expect.objectContaining({
        index: 100,
        type: 'HS_ADMIN',
        data: { format: 'admin', value: expect.objectContaining({ handle: adminHandle }) },
      }),
    );
  });

  it("hides the admin's secret key from anonymous readers", async () => {
    const answer = await get(server().adminHandle);

    expect(answer.json.values.map((value: { type: string }) => value.type)).not.toContain(
      'HS_SECKEY',
    );
  });

  describeListing(server);
});

function describeListing(server: () => ServerUnderTest) {
  const list = (query: string, credentials: 'admin' | 'none' = 'admin') =>
    sendRaw(server(), { method: 'GET', path: `/api/handles?${query}`, credentials });
  const createSome = async (count: number) => {
    const handles = Array.from({ length: count }, () => uniqueHandle(server().prefix, 'listed'));
    for (const handle of handles) {
      const path = `/api/handles/${handle}`;
      await sendRaw(server(), { method: 'PUT', path, body: { values: sampleValues() } });
    }
    return handles;
  };

  it('refuses to list a prefix without credentials (401, responseCode 402)', async () => {
    const answer = await list(`prefix=${server().prefix}`, 'none');

    expect(answer.status).toBe(401);
    expect(answer.json.responseCode).toBe(402);
  });

  it('lists a page with totalCount as a string and page and pageSize as numbers', async () => {
    await createSome(3);
    const { prefix } = server();

    const answer = await list(`prefix=${prefix}&page=1&pageSize=2`);

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ responseCode: 1, prefix, page: 1, pageSize: 2 });
    expect(answer.json.totalCount).toMatch(/^\d+$/);
    expect(Number(answer.json.totalCount)).toBeGreaterThanOrEqual(4);
    expect(answer.json.handles).toHaveLength(2);
  });

  it('pages through every handle exactly once', async () => {
    const created = await createSome(3);
    const { prefix } = server();
    const first = await list(`prefix=${prefix}&page=0&pageSize=0`);
    const total = Number(first.json.totalCount);

    const seen: string[] = [];
    for (let page = 0; page * 2 < total; page += 1) {
      seen.push(...(await list(`prefix=${prefix}&page=${page}&pageSize=2`)).json.handles);
    }

    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((name) => name.toUpperCase())).size).toBe(total);
    const upperSeen = seen.map((name) => name.toUpperCase());
    expect(upperSeen).toEqual(expect.arrayContaining(created.map((name) => name.toUpperCase())));
  });

  it('counts without listing when pageSize is 0', async () => {
    await createSome(1);

    const answer = await list(`prefix=${server().prefix}&page=0&pageSize=0`);

    expect(Number(answer.json.totalCount)).toBeGreaterThanOrEqual(2);
    expect(answer.json.handles).toEqual([]);
  });

  it('answers an empty page past the end', async () => {
    const answer = await list(`prefix=${server().prefix}&page=100000&pageSize=10`);

    expect(answer.status).toBe(200);
    expect(answer.json.handles).toEqual([]);
  });

  it('lists handle names in upper case, as a case-insensitive server stores them', async () => {
    const [handle] = await createSome(1);

    const answer = await list(`prefix=${server().prefix}&page=0&pageSize=100000`);

    expect(answer.json.handles).toContain(handle.toUpperCase());
    expect(answer.json.handles).not.toContain(handle);
  });

  for (const paging of ['pageSize=1', 'page=0']) {
    it(`lists every handle, without page fields, given only ${paging}`, async () => {
      await createSome(2);

      const answer = await list(`prefix=${server().prefix}&${paging}`);

      expect(answer.json.handles.length).toBe(Number(answer.json.totalCount));
      expect(answer.json).not.toHaveProperty('page');
      expect(answer.json).not.toHaveProperty('pageSize');
    });
  }

  it('echoes the prefix as requested, also written as its prefix handle', async () => {
    const prefix = `0.NA/${server().prefix}`;

    const answer = await list(`prefix=${prefix}&page=0&pageSize=1`);

    expect(answer.status).toBe(200);
    expect(answer.json.prefix).toBe(prefix);
  });

  it('refuses to list a prefix it is not home to (400, responseCode 301)', async () => {
    const answer = await list('prefix=21.OTHER&page=0&pageSize=10');

    expect(answer.status).toBe(400);
    expect(answer.json.responseCode).toBe(301);
  });
}
