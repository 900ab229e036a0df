import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

const CREATED = ['21.TEST/a', '21.TEST/b', '21.TEST/c', '21.TEST/d'];
// The user's own admin handle is listed too.
const ALL = [...CREATED, '21.TEST/testuser'];

describe('listing a prefix', () => {
  const server = useServer();

  beforeEach(async () => {
    for (const handle of CREATED) await createHandle(server(), handle);
  });

  it('answers every handle and the count as a string', async () => {
    const answer = await send(server(), 'GET', '/api/handles?prefix=21.TEST');

    expect(answer.json).toMatchObject({
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

  it('answers only the count for pageSize 0', async () => {
    const answer = await send(server(), 'GET', '/api/handles?prefix=21.TEST&pageSize=0');

    expect(answer.json).toMatchObject({ totalCount: '5', pageSize: 0, handles: [] });
  });

  it('accepts the prefix written as its prefix handle 0.NA/21.TEST', async () => {
    const answer = await send(server(), 'GET', '/api/handles?prefix=0.NA/21.TEST');

    expect(answer.json.totalCount).toBe('5');
  });

  it('refuses a page that is not a whole number with responseCode 202', async () => {
    const answer = await send(server(), 'GET', '/api/handles?prefix=21.TEST&page=-1');

    expect([answer.status, answer.json.responseCode]).toEqual([400, 202]);
  });
});
