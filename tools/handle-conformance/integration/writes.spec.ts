import { expect, it } from '@jest/globals';

import { indexesOf, sampleValues, stringValue, uniqueHandle } from './fixtures.js';
import { sendRaw } from './raw-http.js';
import { describeEachServer, type ServerUnderTest } from './servers.js';

describeEachServer('Writing handles over the REST API', (server) => {
  const put = (handle: string, body: unknown, query = '') =>
    sendRaw(server(), { method: 'PUT', path: `/api/handles/${handle}${query}`, body });
  const get = (handle: string, query = '') =>
    sendRaw(server(), { method: 'GET', path: `/api/handles/${handle}${query}` });
  const created = async (label: string, values: unknown[] = sampleValues()) => {
    const handle = uniqueHandle(server().prefix, label);
    expect((await put(handle, { values })).status).toBe(201);
    return handle;
  };

  it('creates a new handle with 201 and responseCode 1', async () => {
    const handle = uniqueHandle(server().prefix, 'create');

    const answer = await put(handle, { values: sampleValues() });

    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ responseCode: 1, handle });
  });

  it('replaces an existing handle with 200', async () => {
    const handle = await created('replace');

    const answer = await put(handle, { values: [stringValue(1, 'URL', 'https://new.example')] });
    const record = await get(handle);

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 1, handle });
    expect(indexesOf(record.json.values)).toEqual([1]);
  });

  it('refuses overwrite=false on an existing handle with 409 and responseCode 101', async () => {
    const handle = await created('no-overwrite');

    const answer = await put(handle, { values: sampleValues() }, '?overwrite=false');

    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ responseCode: 101, handle });
  });

  it('stores exactly the values sent, adding no HS_ADMIN', async () => {
    const handle = await created('no-admin');

    const record = await get(handle);

    expect(indexesOf(record.json.values)).toEqual([1, 2, 3]);
  });

  it('keeps a handle with no values, which then resolves to responseCode 200', async () => {
    const handle = await created('empty', []);

    const record = await get(handle);

    expect(record.status).toBe(200);
    expect(record.json).toEqual({ responseCode: 200, handle, values: [] });
  });

  it('returns values in the order they were written, not sorted by index', async () => {
    const handle = await created('order', [
      stringValue(3, 'C', 'c'),
      stringValue(1, 'URL', 'https://a.example'),
    ]);

    const record = await get(handle);

    expect(indexesOf(record.json.values)).toEqual([3, 1]);
  });

  it('sets the timestamp itself, ignoring one the client sends', async () => {
    const before = Date.now();
    const sent = {
      ...stringValue(1, 'URL', 'https://t.example'),
      timestamp: '2001-01-01T00:00:00Z',
    };
    const handle = await created('timestamp', [sent]);

    const stamped = Date.parse((await get(handle)).json.values[0].timestamp);

    expect(stamped).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 5_000);
    expect(stamped).toBeLessThanOrEqual(Date.now() + 5_000);
  });

  it('gives values a ttl of 86400 unless the client sends one', async () => {
    const handle = await created('ttl', [
      stringValue(1, 'URL', 'https://ttl.example'),
      { ...stringValue(2, 'SHORT', 'lived'), ttl: 60 },
    ]);

    const values = (await get(handle, '?index=1&index=2')).json.values;

    expect(values.map((value: { ttl: number }) => value.ttl)).toEqual([86400, 60]);
  });

  describeMinting(server);
});

function describeMinting(server: () => ServerUnderTest) {
  const mint = (path: string) =>
    sendRaw(server(), {
      method: 'PUT',
      path: `${path}?mintNewSuffix=true`,
      body: { values: sampleValues() },
    });

  it('mints a new UUID suffix under PREFIX/ with mintNewSuffix=true (201)', async () => {
    const { prefix } = server();

    const answer = await mint(`/api/handles/${prefix}/`);
    const minted = await sendRaw(server(), {
      method: 'GET',
      path: `/api/handles/${answer.json.handle}`,
    });

    expect(answer.status).toBe(201);
    expect(answer.json.responseCode).toBe(1);
    expect(answer.json.handle).toMatch(
      new RegExp(`^${prefix}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-`),
    );
    expect(minted.status).toBe(200);
  });

  it('keeps a suffix start given before the minted part', async () => {
    const { prefix } = server();

    const answer = await mint(`/api/handles/${prefix}/dataset-`);

    expect(answer.status).toBe(201);
    expect(answer.json.handle).toMatch(new RegExp(`^${prefix}/dataset-[0-9a-f]{8}-`));
  });

  it('takes PREFIX without the trailing slash for a handle it is not home to (400, 301)', async () => {
    const answer = await mint(`/api/handles/${server().prefix}`);

    expect(answer.status).toBe(400);
    expect(answer.json.responseCode).toBe(301);
  });
}
