import { beforeEach, describe, expect, it } from '@jest/globals';
import { startMockHandleServer } from '@piddi/mock-handle';
import { basicAuth, createHandle, send, useServer } from './harness.js';

type Value = { index: number; type: string; data: unknown; ttl: number; timestamp: string };

function indexesOf(values: unknown): number[] {
  return (values as Value[]).map((value) => value.index);
}

describe('resolving a handle', () => {
  const server = useServer();

  beforeEach(async () => {
    await createHandle(server(), '21.TEST/Mixed-Case', [
      { index: 2, type: 'URL.mirror', data: 'https://mirror.example.org/a' },
      { index: 3, type: 'CHECKSUM', data: 'abc' },
    ]);
  });

  it('finds a handle written in another case and echoes the name as requested', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.test/MIXED-CASE', { auth: null });

    expect(answer.json).toMatchObject({ responseCode: 1, handle: '21.test/MIXED-CASE' });
  });

  it('answers exactly the values written, with no HS_ADMIN added', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/Mixed-Case', { auth: null });

    expect(indexesOf(answer.json.values)).toEqual([1, 2, 3]);
  });

  it('answers 200 with responseCode 200 and an empty list when no value matches', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/Mixed-Case?type=NOTHING');

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 200, handle: '21.TEST/Mixed-Case', values: [] });
  });

  it('answers a handle without values with responseCode 200 and an empty list', async () => {
    await send(server(), 'PUT', '/api/handles/21.TEST/empty', { body: { values: [] } });

    const answer = await send(server(), 'GET', '/api/handles/21.TEST/empty');

    expect(answer.json).toEqual({ responseCode: 200, handle: '21.TEST/empty', values: [] });
  });

  it.each([
    ['index=3', [3]],
    ['index=1&index=3', [1, 3]],
    ['type=CHECKSUM', [3]],
    ['type=URL', [1]],
    ['type=URL.', [1, 2]],
    ['type=checksum&index=1', [1, 3]],
  ])('with ?%s answers only indexes %j', async (query, indexes) => {
    const answer = await send(server(), 'GET', `/api/handles/21.TEST/Mixed-Case?${query}`, {
      auth: null,
    });

    expect(indexesOf(answer.json.values)).toEqual(indexes);
  });

  it('accepts a handle whose slash is percent-encoded in the path', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST%2FMixed-Case', { auth: null });

    expect(answer.json.handle).toBe('21.TEST/Mixed-Case');
  });

  it('answers the shape of a real record: index, type, data, ttl and timestamp', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/Mixed-Case?index=1');

    expect(answer.json.values).toEqual([
      {
        index: 1,
        type: 'URL',
        data: { format: 'string', value: 'https://example.org/a' },
        ttl: 86400,
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
    ]);
  });
});

describe("the user's admin handle", () => {
  const server = useServer();

  it('is there from the start, with HS_ADMIN at 100', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/testuser', { auth: null });

    expect(answer.status).toBe(200);
    expect(indexesOf(answer.json.values)).toEqual([100]);
  });

  it('shows its HS_SECKEY at 300 to the authenticated user only', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/testuser');

    expect(indexesOf(answer.json.values)).toEqual([100, 300]);
    expect((answer.json.values as Value[])[1].type).toBe('HS_SECKEY');
  });

  it('follows a configured user and password', async () => {
    const other = await startMockHandleServer({
      prefix: '21.T1',
      username: '301:21.T1/admin',
      password: 'other',
    });
    try {
      const answer = await send(other, 'GET', '/api/handles/21.T1/admin', {
        auth: basicAuth('301%3A21.T1%2Fadmin', 'other'),
      });

      expect(indexesOf(answer.json.values)).toEqual([100, 301]);
    } finally {
      await other.close();
    }
  });
});
