import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

const CREATED = ['21.TEST/b', '21.TEST/a', '21.TEST/D', '21.TEST/c'];
// Listed in upper case and sorted that way; the user's own admin handle is listed too.
const ALL = ['21.TEST/A', '21.TEST/B', '21.TEST/C', '21.TEST/D', '21.TEST/TESTUSER'];

describe('listing a prefix', () => {
  const server = useServer();

  beforeEach(async () => {
    for (const handle of CREATED) await createHandle(server(), handle);
  });

  it('answers every handle in upper case, the count as a string and no page fields', async () => {
    const answer = await send(server(), 'GET', '/api/handles?prefix=21.TEST');

    expect(answer.json).toEqual({
      responseCode: 1,
      prefix: '21.TEST',
      totalCount: '5',
      handles: ALL,
    });
  });

  it.each([
    [0, 2, ALL.slice(0, 2)],
    [1, 2, ALL.slice(2, 4)],
    [2, 2, ALL.slice(4)],
    [3, 2, []],
    [0, 10, ALL],
    [0, 0, []],
  ])('answers page %i of size %i', async (page, pageSize, handles) => {
    const path = `/api/handles?prefix=21.TEST&page=${page}&pageSize=${pageSize}`;

    const answer = await send(server(), 'GET', path);

    expect(answer.json).toEqual({
      responseCode: 1,
      prefix: '21.TEST',
      totalCount: '5',
      page,
      pageSize,
      handles,
    });
  });

  it.each([
    ['pageSize=2'],
    ['pageSize=0'],
    ['page=1'],
    ['page=-1&pageSize=2'],
    ['page=0&pageSize=-1'],
  ])('answers every handle without page fields for %s', async (query) => {
    const answer = await send(server(), 'GET', `/api/handles?prefix=21.TEST&${query}`);

    expect(answer.json.handles).toEqual(ALL);
    expect(answer.json).not.toHaveProperty('page');
    expect(answer.json).not.toHaveProperty('pageSize');
  });

  it.each([['0.NA/21.TEST'], ['21.test']])(
    'accepts the prefix written as %s and echoes it',
    async (prefix) => {
      const answer = await send(server(), 'GET', `/api/handles?prefix=${prefix}`);

      expect(answer.json).toMatchObject({ prefix, totalCount: '5' });
    },
  );

  it.each([['page=x&pageSize=2'], ['pageSize=1.5'], ['page=&pageSize=2']])(
    'refuses %s with responseCode 4',
    async (query) => {
      const answer = await send(server(), 'GET', `/api/handles?prefix=21.TEST&${query}`);

      expect([answer.status, answer.json.responseCode]).toEqual([400, 4]);
    },
  );
});
