import { expect } from '@jest/globals';

import { conformingIt } from './known-differences.js';
import { dataIndexesOf, indexesOf, sampleValues, stringValue, uniqueHandle } from './fixtures.js';
import { type RawAnswer, sendRaw } from './raw-http.js';
import { describeEachServer, type ServerUnderTest } from './servers.js';

describeEachServer('Writing handles over the REST API', (server, kind) => {
  const it = conformingIt(kind);

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
    expect(dataIndexesOf(record.json.values)).toEqual([1]);
  });

  it('refuses overwrite=false on an existing handle with 409 and responseCode 101', async () => {
    const handle = await created('no-overwrite');

    const answer = await put(handle, { values: sampleValues() }, '?overwrite=false');

    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ responseCode: 101, handle });
  });

  it(
    'stores exactly the values sent, adding no HS_ADMIN',
    async () => {
      const handle = await created('no-admin');

      const record = await get(handle);

      expect(indexesOf(record.json.values)).toEqual([1, 2, 3]);
    },
    'MOCK_ADDS_HS_ADMIN',
  );

  it(
    'keeps a handle with no values, which then resolves to responseCode 200',
    async () => {
      const handle = await created('empty', []);

      const record = await get(handle);

      expect(record.status).toBe(200);
      expect(record.json).toEqual({ responseCode: 200, handle, values: [] });
    },
    'MOCK_ADDS_HS_ADMIN',
  );

  it(
    'returns values in the order they were written, not sorted by index',
    async () => {
      const handle = await created('order', [
        stringValue(3, 'C', 'c'),
        stringValue(1, 'URL', 'https://a.example'),
      ]);

      const record = await get(handle);

      expect(indexesOf(record.json.values)).toEqual([3, 1]);
    },
    'MOCK_SORTS_VALUES',
  );

  it('stores data sent as a bare string as format string', async () => {
    const handle = await created('bare', [{ index: 1, type: 'URL', data: 'https://bare.example' }]);

    const record = await get(handle);

    expect(record.json.values[0].data).toEqual({ format: 'string', value: 'https://bare.example' });
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

  it(
    'stores an HS_ADMIN index sent as a string as a number',
    async () => {
      const { adminHandle } = server();
      const admin = { handle: adminHandle, index: '300', permissions: '011111110011' };
      const handle = await created('admin-index', [
        { index: '100', type: 'HS_ADMIN', data: { format: 'admin', value: admin } },
      ]);

      const record = await get(handle, '?index=100');

      expect(record.json.values[0].data.value).toEqual({ ...admin, index: 300 });
    },
    'MOCK_KEEPS_STRING_ADMIN_INDEX',
  );

  it(
    'returns printable base64 data as format string',
    async () => {
      const handle = await created('base64', [
        { index: 1, type: 'NOTE', data: { format: 'base64', value: 'aGVsbG8=' } },
      ]);

      const record = await get(handle);

      expect(record.json.values[0].data).toEqual({ format: 'string', value: 'hello' });
    },
    'MOCK_KEEPS_BASE64',
  );

  describeValueWrites(server, it);
  describeMinting(server, it);
});

function describeValueWrites(server: () => ServerUnderTest, it: ReturnType<typeof conformingIt>) {
  const send = (method: 'PUT' | 'DELETE', handle: string, query: string, body?: unknown) =>
    sendRaw(server(), { method, path: `/api/handles/${handle}${query}`, body });
  const createRecord = async (label: string) => {
    const handle = uniqueHandle(server().prefix, label);
    expect((await send('PUT', handle, '', { values: sampleValues() })).status).toBe(201);
    return handle;
  };
  const readIndexes = async (handle: string) =>
    dataIndexesOf(
      (await sendRaw(server(), { method: 'GET', path: `/api/handles/${handle}` })).json.values,
    );

  it('adds a value with PUT ?index=N (201), leaving the other values', async () => {
    const handle = await createRecord('add-value');

    const answer = await send('PUT', handle, '?index=4', {
      values: [stringValue(4, 'EXTRA', 'e')],
    });

    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ responseCode: 1, handle });
    expect(await readIndexes(handle)).toEqual([1, 2, 3, 4]);
  });

  it('replaces a value with PUT ?index=N (200)', async () => {
    const handle = await createRecord('replace-value');

    const answer = await send('PUT', handle, '?index=2', {
      values: [stringValue(2, 'CHECKSUM', 'x')],
    });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 1, handle });
  });

  it('refuses PUT ?index=N&overwrite=false on an existing value (409, 201)', async () => {
    const handle = await createRecord('value-conflict');

    const answer: RawAnswer = await send('PUT', handle, '?index=2&overwrite=false', {
      values: [stringValue(2, 'CHECKSUM', 'x')],
    });

    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ responseCode: 201, handle });
  });

  it('deletes one value with DELETE ?index=N (200)', async () => {
    const handle = await createRecord('delete-value');

    const answer = await send('DELETE', handle, '?index=2');

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 1, handle });
    expect(await readIndexes(handle)).toEqual([1, 3]);
  });

  it('answers 400 with responseCode 200 when deleting an index the handle lacks', async () => {
    const handle = await createRecord('delete-no-value');

    const answer = await send('DELETE', handle, '?index=99');

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ responseCode: 200, handle });
  });

  it('deletes a whole handle (200), after which it resolves to 404', async () => {
    const handle = await createRecord('delete');

    const answer = await send('DELETE', handle, '');
    const after = await sendRaw(server(), { method: 'GET', path: `/api/handles/${handle}` });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 1, handle });
    expect(after.status).toBe(404);
  });
}

function describeMinting(server: () => ServerUnderTest, it: ReturnType<typeof conformingIt>) {
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

  it(
    'keeps a suffix start given before the minted part',
    async () => {
      const { prefix } = server();

      const answer = await mint(`/api/handles/${prefix}/dataset-`);

      expect(answer.status).toBe(201);
      expect(answer.json.handle).toMatch(new RegExp(`^${prefix}/dataset-[0-9a-f]{8}-`));
    },
    'MOCK_MINT_SUFFIX_START',
  );

  it(
    'takes PREFIX without the trailing slash for a handle it is not home to (400, 301)',
    async () => {
      const answer = await mint(`/api/handles/${server().prefix}`);

      expect(answer.status).toBe(400);
      expect(answer.json.responseCode).toBe(301);
    },
    'MOCK_MINT_WITHOUT_SLASH',
  );
}
