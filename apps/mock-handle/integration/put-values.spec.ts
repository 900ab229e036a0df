import { describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

type Value = { index: number; type: string; data: unknown };

async function valuesOf(server: Parameters<typeof send>[0], handle: string): Promise<Value[]> {
  const answer = await send(server, 'GET', `/api/handles/${handle}`);
  return answer.json.values as Value[];
}

describe('writing some values of a handle', () => {
  const server = useServer();

  it('adds and replaces only the named values, leaving the rest', async () => {
    await createHandle(server(), '21.TEST/a', [{ index: 2, type: 'NOTE', data: 'old' }]);

    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a?index=2&index=3', {
      body: {
        values: [
          { index: 3, type: 'EXTRA', data: 'added' },
          { index: 2, type: 'NOTE', data: 'new' },
        ],
      },
    });
    const values = await valuesOf(server(), '21.TEST/a');

    expect(answer.status).toBe(200);
    expect(values.map((v) => [v.index, v.type])).toEqual([
      [1, 'URL'],
      [2, 'NOTE'],
      [3, 'EXTRA'],
    ]);
    expect(values[1].data).toEqual({ format: 'string', value: 'new' });
  });

  it('orders the whole record by index afterwards, as real servers store it', async () => {
    await send(server(), 'PUT', '/api/handles/21.TEST/a', {
      body: {
        values: [
          { index: 5, type: 'E', data: 'e' },
          { index: 1, type: 'A', data: 'a' },
        ],
      },
    });

    await send(server(), 'PUT', '/api/handles/21.TEST/a?index=2', {
      body: { values: [{ index: 2, type: 'B', data: 'b' }] },
    });

    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([1, 2, 5]);
  });

  it('writes every value sent with index=various', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a?index=various', {
      body: { values: [{ index: 7, type: 'NOTE', data: 'x' }] },
    });

    expect(answer.status).toBe(201);
    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([1, 7]);
  });

  it.each([
    ['an index missing from the body', '?index=9', [{ index: 2, type: 'NOTE', data: 'x' }]],
    [
      'a value not named in the query',
      '?index=2',
      [
        { index: 2, type: 'NOTE', data: 'x' },
        { index: 4, type: 'NOTE', data: 'y' },
      ],
    ],
  ])('refuses %s with responseCode 4, changing nothing', async (_case, query, values) => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'PUT', `/api/handles/21.TEST/a${query}`, {
      body: { values },
    });

    expect([answer.status, answer.json.responseCode]).toEqual([400, 4]);
    expect((await valuesOf(server(), '21.TEST/a')).map((v) => v.index)).toEqual([1]);
  });
});
