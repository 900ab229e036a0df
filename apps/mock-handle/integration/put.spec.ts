import { describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

type Value = { index: number; type: string; data: unknown; ttl: number; timestamp: string };

const NOTE_AT_3 = { index: 3, type: 'NOTE', data: 'third' };

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

    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([5]);
  });

  it('stores exactly the values sent, in their order, adding no HS_ADMIN', async () => {
    await send(server(), 'PUT', '/api/handles/21.TEST/a', {
      body: { values: [NOTE_AT_3, { index: 1, type: 'URL', data: 'https://a' }] },
    });

    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([3, 1]);
  });

  it('echoes the name as the request spells it when another spelling overwrites it', async () => {
    await createHandle(server(), '21.TEST/Abc');

    const answer = await createHandle(server(), '21.TEST/ABC');

    expect(answer.json).toEqual({ responseCode: 1, handle: '21.TEST/ABC' });
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
    expect((await valuesOf(server(), '21.TEST/a'))[1]).toMatchObject({
      index: 100,
      data: { format: 'admin', value: { handle: '21.TEST/testuser', index: 300 } },
    });
  });

  it('answers base64 data that is text as format string, as the server keeps bytes', async () => {
    const note = { index: 2, type: 'NOTE', data: { format: 'base64', value: 'aGVsbG8=' } };
    await createHandle(server(), '21.TEST/a', [note]);

    expect((await valuesOf(server(), '21.TEST/a'))[1].data).toEqual({
      format: 'string',
      value: 'hello',
    });
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
    ['values that are not a list', { values: 'URL' }, 400, 4],
    ['a value without type', { values: [{ index: 1, data: 'x' }] }, 400, 4],
    [
      'data of an unknown format',
      { values: [{ index: 1, type: 'A', data: { format: 'x', value: 'y' } }] },
      400,
      4,
    ],
    ['an index below 1', { values: [{ index: 0, type: 'URL', data: 'x' }] }, 400, 202],
    [
      'two values at one index',
      {
        values: [
          { index: 1, type: 'A', data: 'x' },
          { index: 1, type: 'B', data: 'y' },
        ],
      },
      409,
      201,
    ],
  ])('refuses %s with HTTP %i and responseCode %i', async (_case, body, status, code) => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a', { body });

    expect([answer.status, answer.json.responseCode]).toEqual([status, code]);
  });

  it('stores nothing when it refuses a body', async () => {
    await send(server(), 'PUT', '/api/handles/21.TEST/a', { body: { values: [{ index: 1 }] } });

    expect((await send(server(), 'GET', '/api/handles/21.TEST/a')).status).toBe(404);
  });
});
