import { describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

type Value = { index: number; type: string; data: unknown; ttl: number; timestamp: string };

async function valuesOf(server: Parameters<typeof send>[0], handle: string): Promise<Value[]> {
  const answer = await send(server, 'GET', `/api/handles/${handle}`);
  return answer.json.values as Value[];
}

describe('writing a handle', () => {
  const server = useServer();

  it('answers a created handle with responseCode and handle only', async () => {
    const answer = await createHandle(server(), '21.TEST/a');

    expect(answer.json).toEqual({ responseCode: 1, handle: '21.TEST/a' });
  });

  it('replaces the whole record on overwrite', async () => {
    await createHandle(server(), '21.TEST/a', [{ index: 2, type: 'NOTE', data: 'old' }]);

    await send(server(), 'PUT', '/api/handles/21.TEST/a?overwrite=true', {
      body: { values: [{ index: 5, type: 'NOTE', data: 'new' }] },
    });

    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([5, 100]);
  });

  it('keeps the first spelling of a name when another spelling overwrites it', async () => {
    await createHandle(server(), '21.TEST/Abc');

    const answer = await createHandle(server(), '21.TEST/ABC');

    expect(answer.json.handle).toBe('21.TEST/Abc');
  });

  it('stores bare-string data as format string', async () => {
    await createHandle(server(), '21.TEST/a', [{ index: 2, type: 'NOTE', data: 'plain' }]);

    expect((await valuesOf(server(), '21.TEST/a'))[1].data).toEqual({
      format: 'string',
      value: 'plain',
    });
  });

  it('accepts HS_ADMIN with its index written as a string, as pyhandle sends it', async () => {
    const admin = {
      index: '100',
      type: 'HS_ADMIN',
      data: {
        format: 'admin',
        value: { handle: '21.TEST/testuser', index: '300', permissions: '011111110011' },
      },
    };

    const answer = await createHandle(server(), '21.TEST/a', [admin]);

    expect(answer.status).toBe(201);
    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([1, 100]);
  });

  it('sets the timestamp itself and the ttl to 86400 unless given', async () => {
    const before = Date.now() - 1000;
    await createHandle(server(), '21.TEST/a', [
      { index: 2, type: 'NOTE', data: 'x', ttl: 60, timestamp: '1999-01-01T00:00:00Z' },
    ]);

    const [url, note] = await valuesOf(server(), '21.TEST/a');

    expect([url.ttl, note.ttl]).toEqual([86400, 60]);
    expect(Date.parse(note.timestamp)).toBeGreaterThanOrEqual(before);
  });

  it.each([
    ['values that are not a list', { values: 'URL' }],
    ['an index that is no positive integer', { values: [{ index: 0, type: 'URL', data: 'x' }] }],
    [
      'duplicate indexes',
      {
        values: [
          { index: 1, type: 'A', data: 'x' },
          { index: 1, type: 'B', data: 'y' },
        ],
      },
    ],
    ['a value without type', { values: [{ index: 1, data: 'x' }] }],
    [
      'data of an unknown format',
      { values: [{ index: 1, type: 'A', data: { format: 'x', value: 'y' } }] },
    ],
  ])('refuses %s with 400 and responseCode 202', async (_case, body) => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a', { body });

    expect([answer.status, answer.json.responseCode]).toEqual([400, 202]);
  });

  it('stores nothing when it refuses a body', async () => {
    await send(server(), 'PUT', '/api/handles/21.TEST/a', { body: { values: [{ index: 1 }] } });

    expect((await send(server(), 'GET', '/api/handles/21.TEST/a')).status).toBe(404);
  });
});

describe('writing some values of a handle', () => {
  const server = useServer();

  it('adds and replaces only the named values, leaving the rest', async () => {
    await createHandle(server(), '21.TEST/a', [{ index: 2, type: 'NOTE', data: 'old' }]);

    await send(server(), 'PUT', '/api/handles/21.TEST/a?index=2&index=3', {
      body: {
        values: [
          { index: 2, type: 'NOTE', data: 'new' },
          { index: 3, type: 'EXTRA', data: 'added' },
          { index: 4, type: 'IGNORED', data: 'not named' },
        ],
      },
    });
    const values = await valuesOf(server(), '21.TEST/a');

    expect(values.map((v) => [v.index, v.type])).toEqual([
      [1, 'URL'],
      [2, 'NOTE'],
      [3, 'EXTRA'],
      [100, 'HS_ADMIN'],
    ]);
    expect(values[1].data).toEqual({ format: 'string', value: 'new' });
  });

  it('writes every value sent with index=various', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a?index=various', {
      body: { values: [{ index: 7, type: 'NOTE', data: 'x' }] },
    });

    expect(answer.status).toBe(201);
    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([1, 7, 100]);
  });

  it('refuses an index named in the query but missing from the body with responseCode 202', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a?index=9', {
      body: { values: [{ index: 2, type: 'NOTE', data: 'x' }] },
    });

    expect([answer.status, answer.json.responseCode]).toEqual([400, 202]);
  });
});

describe('minting a suffix', () => {
  const server = useServer();

  it('creates a handle under a new suffix and answers its name', async () => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/?mintNewSuffix=true', {
      body: { values: [{ index: 1, type: 'URL', data: 'https://example.org' }] },
    });
    const minted = String(answer.json.handle);

    expect(answer.status).toBe(201);
    expect(minted).toMatch(/^21\.TEST\/[0-9a-f-]{36}$/);
    expect((await send(server(), 'GET', `/api/handles/${minted}`)).status).toBe(200);
  });

  it('mints a different suffix each time', async () => {
    const mint = () =>
      send(server(), 'PUT', '/api/handles/21.TEST/?mintNewSuffix=true', { body: { values: [] } });

    const [first, second] = [await mint(), await mint()];

    expect(first.json.handle).not.toBe(second.json.handle);
  });
});
