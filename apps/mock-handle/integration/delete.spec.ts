import { describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

describe('deleting', () => {
  const server = useServer();

  it('removes the whole handle, echoing the name as requested', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'DELETE', '/api/handles/21.test/A');

    expect(answer.json).toEqual({ responseCode: 1, handle: '21.test/A' });
    expect((await send(server(), 'GET', '/api/handles/21.TEST/a')).status).toBe(404);
  });

  it('removes only the named values', async () => {
    await createHandle(server(), '21.TEST/a', [
      { index: 2, type: 'NOTE', data: 'x' },
      { index: 3, type: 'NOTE', data: 'y' },
    ]);

    await send(server(), 'DELETE', '/api/handles/21.TEST/a?index=2&index=3');
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/a');

    expect((answer.json.values as { index: number }[]).map((v) => v.index)).toEqual([1]);
  });
});
