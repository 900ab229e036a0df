import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildHandleValues,
  HandleAlreadyExistsError,
  HandleClient,
  type HandleValue,
  valuesToFields,
} from '@piddi/handle-client';
import { startMockHandleServer, type StartedMockHandleServer } from '@piddi/mock-handle';

const PREFIX = '21.TEST';
const AUTH = { username: '300:21.TEST/testuser', password: 'testpass' };

let server: StartedMockHandleServer;
let client: HandleClient;

beforeAll(async () => {
  server = await startMockHandleServer({ prefix: PREFIX });
  client = new HandleClient({ baseUrl: server.url, auth: AUTH });
});

afterAll(async () => {
  client.close();
  await server.close();
});

const newHandle = () => `${PREFIX}/${randomUUID()}`;
const record = (fields: Record<string, string>) => buildHandleValues(fields, { prefix: PREFIX });
const stringValue = (index: number, type: string, value: string): HandleValue => ({
  index,
  type,
  data: { format: 'string', value },
});

async function readFields(handle: string) {
  const found = await client.getHandle(handle);
  return found && valuesToFields(found.values);
}

describe('putHandle', () => {
  it('creates a handle and reports it as created', async () => {
    const handle = newHandle();

    const result = await client.putHandle(handle, record({ URL: 'https://a', KIND: 'FILE' }));

    expect(result).toEqual({ handle, created: true });
    expect(await readFields(handle)).toEqual({ URL: 'https://a', KIND: 'FILE' });
  });

  it('replaces the whole record when overwriting and reports it as not created', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a', KIND: 'FILE' }));

    const result = await client.putHandle(handle, record({ URL: 'https://b' }), {
      overwrite: true,
    });

    expect(result.created).toBe(false);
    expect(await readFields(handle)).toEqual({ URL: 'https://b' });
  });

  it('creates a new handle without overwrite', async () => {
    const handle = newHandle();

    const result = await client.putHandle(handle, record({ URL: 'https://a' }), {
      overwrite: false,
    });

    expect(result.created).toBe(true);
  });

  it('refuses to create an existing handle without overwrite', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a' }));

    const put = client.putHandle(handle, record({ URL: 'https://b' }), { overwrite: false });

    await expect(put).rejects.toBeInstanceOf(HandleAlreadyExistsError);
    await expect(put).rejects.toMatchObject({
      code: 'HANDLE_ALREADY_EXISTS',
      status: 409,
      responseCode: 101,
      handle,
      retriable: false,
    });
    expect(await readFields(handle)).toEqual({ URL: 'https://a' });
  });

  it('refuses a handle under a prefix the server does not serve', async () => {
    const put = client.putHandle(
      '99.OTHER/abc',
      buildHandleValues({ URL: 'x' }, { prefix: '99.OTHER' }),
    );

    await expect(put).rejects.toMatchObject({ code: 'WRONG_PREFIX', responseCode: 301 });
  });
});

describe('putValues', () => {
  it('adds a value and leaves the others alone', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a', KIND: 'FILE' }));

    const result = await client.putValues(handle, [stringValue(3, 'CHECKSUM', 'abc')]);

    expect(result).toEqual({ handle, created: true });
    expect(await readFields(handle)).toEqual({ URL: 'https://a', KIND: 'FILE', CHECKSUM: 'abc' });
  });

  it('replaces values at their indexes and leaves the others alone', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a', KIND: 'FILE', SIZE: '1' }));

    const result = await client.putValues(handle, [
      stringValue(1, 'URL', 'https://b'),
      stringValue(3, 'SIZE', '2'),
    ]);

    expect(result.created).toBe(false);
    expect(await readFields(handle)).toEqual({ URL: 'https://b', KIND: 'FILE', SIZE: '2' });
  });

  it('refuses to replace an existing value without overwrite', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a' }));

    const put = client.putValues(handle, [stringValue(1, 'URL', 'https://b')], {
      overwrite: false,
    });

    await expect(put).rejects.toMatchObject({ code: 'VALUE_ALREADY_EXISTS', status: 409 });
  });

  it('refuses to add values to a missing handle', async () => {
    const put = client.putValues(newHandle(), [stringValue(2, 'A', 'x')]);

    await expect(put).rejects.toMatchObject({ code: 'HANDLE_NOT_FOUND', status: 404 });
  });
});

describe('getHandle', () => {
  const handle = newHandle();

  beforeAll(async () => {
    await client.putHandle(handle, record({ URL: 'https://a', KIND: 'FILE', SIZE: '7' }));
  });

  it('reads every value with the timestamps the server set', async () => {
    const found = await client.getHandle(handle);

    expect(found?.handle).toBe(handle);
    expect(found?.values.map((value) => value.index)).toEqual([1, 2, 3, 100]);
    expect(found?.values[0].timestamp).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  });

  it('filters the values by index', async () => {
    const found = await client.getHandle(handle, { index: [1, 3] });

    expect(found?.values.map((value) => value.type)).toEqual(['URL', 'SIZE']);
  });

  it('filters the values by type', async () => {
    const found = await client.getHandle(handle, { type: ['KIND', 'HS_ADMIN'] });

    expect(found?.values.map((value) => value.type)).toEqual(['KIND', 'HS_ADMIN']);
  });

  it('reads an empty value list when no value matches the filter', async () => {
    const found = await client.getHandle(handle, { type: ['NOTHING'] });

    expect(found).toEqual({ handle, values: [] });
  });

  it('reads a missing handle as undefined', async () => {
    await expect(client.getHandle(newHandle())).resolves.toBeUndefined();
  });

  it('reads without credentials because resolution is public', async () => {
    const anonymous = new HandleClient({ baseUrl: server.url });

    try {
      await expect(anonymous.getHandle(handle)).resolves.toMatchObject({ handle });
    } finally {
      anonymous.close();
    }
  });
});

describe('deleteHandle', () => {
  it('deletes a handle, which then reads as missing', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a' }));

    await expect(client.deleteHandle(handle)).resolves.toBe(true);

    await expect(client.getHandle(handle)).resolves.toBeUndefined();
  });

  it('reports false for a handle that does not exist', async () => {
    await expect(client.deleteHandle(newHandle())).resolves.toBe(false);
  });
});

describe('deleteValues', () => {
  it('deletes the chosen values and keeps the rest', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a', KIND: 'FILE', SIZE: '7' }));

    await expect(client.deleteValues(handle, [2, 3])).resolves.toBe(true);

    expect(await readFields(handle)).toEqual({ URL: 'https://a' });
  });

  it('reports false when none of the chosen values exist', async () => {
    const handle = newHandle();
    await client.putHandle(handle, record({ URL: 'https://a' }));

    await expect(client.deleteValues(handle, [42])).resolves.toBe(false);
    expect(await readFields(handle)).toEqual({ URL: 'https://a' });
  });

  it('reports false when the handle does not exist', async () => {
    await expect(client.deleteValues(newHandle(), [2])).resolves.toBe(false);
  });
});

describe('mintHandle', () => {
  it('registers a handle under a suffix the server picks and returns its name', async () => {
    const handle = await client.mintHandle(PREFIX, record({ URL: 'https://minted' }));

    expect(handle).toMatch(/^21\.TEST\/.+/);
    expect(await readFields(handle)).toEqual({ URL: 'https://minted' });
  });

  it('mints a different name each time', async () => {
    const first = await client.mintHandle(PREFIX, record({ URL: 'https://a' }));
    const second = await client.mintHandle(PREFIX, record({ URL: 'https://a' }));

    expect(first).not.toBe(second);
  });
});

describe('listing a prefix', () => {
  let listed: HandleClient;
  let listedServer: StartedMockHandleServer;
  let existing: string[];
  const created = Array.from({ length: 5 }, newHandle);

  beforeAll(async () => {
    listedServer = await startMockHandleServer({ prefix: PREFIX });
    listed = new HandleClient({ baseUrl: listedServer.url, auth: AUTH });
    existing = await collect(listed.iterateHandles(PREFIX));
    for (const handle of created) await listed.putHandle(handle, record({ URL: 'https://a' }));
  });

  afterAll(async () => {
    listed.close();
    await listedServer.close();
  });

  it('reads one page with totalCount as a number', async () => {
    const page = await listed.listHandles(PREFIX, { page: 0, pageSize: 2 });

    expect(page).toMatchObject({ prefix: PREFIX, page: 0, pageSize: 2 });
    expect(page.totalCount).toBe(existing.length + created.length);
    expect(page.handles).toHaveLength(2);
  });

  it('reads only the count with pageSize 0', async () => {
    const page = await listed.listHandles(PREFIX, { pageSize: 0 });

    expect(page.totalCount).toBe(existing.length + created.length);
    expect(page.handles).toEqual([]);
  });

  it('iterates over every handle across pages, each once', async () => {
    const handles = await collect(listed.iterateHandles(PREFIX, { pageSize: 2 }));

    // Servers that ignore case list names in upper case.
    const expected = [...existing, ...created].map((handle) => handle.toUpperCase());
    expect([...handles].sort()).toEqual(expected.sort());
  });

  it('refuses to list without credentials', async () => {
    const anonymous = new HandleClient({ baseUrl: listedServer.url });

    try {
      await expect(anonymous.listHandles(PREFIX)).rejects.toMatchObject({
        code: 'AUTHENTICATION_FAILED',
        status: 401,
      });
    } finally {
      anonymous.close();
    }
  });
});

async function collect(handles: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const handle of handles) all.push(handle);
  return all;
}
