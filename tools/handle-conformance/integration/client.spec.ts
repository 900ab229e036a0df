import { afterAll, expect, it } from '@jest/globals';
import { HandleClient, type HandleClientOptions, type HandleError } from '@piddi/handle-client';

import { sampleValues, stringValue, uniqueHandle, urlValue } from './fixtures.js';
import { describeEachServer, type ServerUnderTest } from './servers.js';

describeEachServer('The Handle client', (server, kind) => {
  const clients: HandleClient[] = [];
  afterAll(() => clients.forEach((client) => client.close()));

  const connect = (options: Partial<HandleClientOptions> = {}) => {
    const { url, username, password, ca } = server();
    const client = new HandleClient({ baseUrl: url, auth: { username, password }, ca, ...options });
    clients.push(client);
    return client;
  };
  const newHandle = (label: string) => uniqueHandle(server().prefix, label);
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: HandleError) => ({ code: error.code, status: error.status }),
    );

  it('creates a handle, then reports an overwrite as not created', async () => {
    const client = connect();
    const handle = newHandle('client-put');

    const first = await client.putHandle(handle, sampleValues());
    const second = await client.putHandle(handle, [urlValue('https://new.example')]);

    expect(first).toEqual({ handle, created: true });
    expect(second).toEqual({ handle, created: false });
  });

  it('refuses to overwrite when told not to, with HANDLE_ALREADY_EXISTS', async () => {
    const client = connect();
    const handle = newHandle('client-exists');
    await client.putHandle(handle, sampleValues());

    const failure = await failureOf(client.putHandle(handle, sampleValues(), { overwrite: false }));

    expect(failure).toEqual({ code: 'HANDLE_ALREADY_EXISTS', status: 409 });
  });

  it('reads a record, and undefined for a handle that does not exist', async () => {
    const client = connect();
    const handle = newHandle('client-get');
    await client.putHandle(handle, sampleValues());

    const found = await client.getHandle(handle, { type: ['CHECKSUM'] });
    const missing = await client.getHandle(newHandle('client-missing'));

    expect(found?.values).toEqual([
      expect.objectContaining(stringValue(2, 'CHECKSUM', '1220abcdef')),
    ]);
    expect(missing).toBeUndefined();
  });

  it('adds and deletes single values, reporting an index already gone as false', async () => {
    const client = connect();
    const handle = newHandle('client-values');
    await client.putHandle(handle, sampleValues());

    const added = await client.putValues(handle, [stringValue(4, 'EXTRA', 'e')]);
    const deleted = await client.deleteValues(handle, [4]);
    const deletedAgain = await client.deleteValues(handle, [4]);

    expect(added).toEqual({ handle, created: true });
    expect([deleted, deletedAgain]).toEqual([true, false]);
  });

  it('deletes a handle, reporting a handle already gone as false', async () => {
    const client = connect();
    const handle = newHandle('client-delete');
    await client.putHandle(handle, sampleValues());

    expect([await client.deleteHandle(handle), await client.deleteHandle(handle)]).toEqual([
      true,
      false,
    ]);
  });

  it('mints a handle under the prefix that then resolves', async () => {
    const client = connect();

    const minted = await client.mintHandle(server().prefix, sampleValues());

    expect(minted.startsWith(`${server().prefix}/`)).toBe(true);
    expect(await client.getHandle(minted)).toBeDefined();
  });

  it('iterates over every handle of the prefix, page by page', async () => {
    const client = connect();
    const handles = [newHandle('client-list'), newHandle('client-list')];
    for (const handle of handles) await client.putHandle(handle, sampleValues());

    const listed: string[] = [];
    for await (const handle of client.iterateHandles(server().prefix, { pageSize: 2 })) {
      listed.push(handle.toUpperCase());
    }
    const { totalCount } = await client.listHandles(server().prefix, { pageSize: 0 });

    expect(listed).toHaveLength(totalCount);
    expect(listed).toEqual(expect.arrayContaining(handles.map((name) => name.toUpperCase())));
  });

  it('reads the admin handle it authenticates with', async () => {
    const record = await connect().getHandle(server().adminHandle);

    expect(record?.values).toContainEqual(
      expect.objectContaining({ index: 100, type: 'HS_ADMIN' }),
    );
  });

  it('reports a wrong password as AUTHENTICATION_FAILED', async () => {
    const client = connect({ auth: { username: server().username, password: 'wrong-password' } });

    const failure = await failureOf(client.putHandle(newHandle('client-auth'), sampleValues()));

    expect(failure).toEqual({ code: 'AUTHENTICATION_FAILED', status: 401 });
  });

  it('reports the admin spelled in another letter case as PERMISSION_DENIED', async () => {
    const username = server().username.toLowerCase();
    const client = connect({ auth: { username, password: server().password } });

    const failure = await failureOf(client.putHandle(newHandle('client-case'), sampleValues()));

    expect(failure).toEqual({ code: 'PERMISSION_DENIED', status: 403 });
  });

  it('reports a write without credentials as AUTHENTICATION_FAILED', async () => {
    const client = connect({ auth: undefined });

    const failure = await failureOf(
      client.putHandle(newHandle('client-anonymous'), sampleValues()),
    );

    expect(failure).toEqual({ code: 'AUTHENTICATION_FAILED', status: 401 });
  });

  it('reports a handle under another prefix as WRONG_PREFIX', async () => {
    const failure = await failureOf(connect().putHandle('21.OTHER/elsewhere', sampleValues()));

    expect(failure).toEqual({ code: 'WRONG_PREFIX', status: 400 });
  });

  it('reports data the server cannot read as INVALID_REQUEST, not retried', async () => {
    const unreadable = { index: 1, type: 'NOTE', data: { format: 'hex' as const, value: 'zz' } };

    const failure = await connect()
      .putHandle(newHandle('client-unreadable'), [unreadable])
      .catch((error: HandleError) => error);

    expect(failure).toMatchObject({ code: 'INVALID_REQUEST', status: 400, responseCode: 4 });
    expect(failure).toMatchObject({ retriable: false });
    expect((failure as HandleError).message).toContain('could not read the request');
  });

  describeTrust(server, kind);
});

/** The real server speaks HTTPS with a self-signed certificate; the mock speaks plain HTTP. */
function describeTrust(server: () => ServerUnderTest, kind: string) {
  if (kind !== 'real') return;

  it('refuses the self-signed certificate unless it is given as ca (TLS_ERROR)', async () => {
    const { url, adminHandle } = server();
    const client = new HandleClient({ baseUrl: url, retry: { limit: 0 } });

    const failure = await client.getHandle(adminHandle).then(
      () => undefined,
      (error: HandleError) => error.code,
    );
    client.close();

    expect(failure).toBe('TLS_ERROR');
  });
}
