import { describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

describe('latency', () => {
  const server = useServer({ latencyMs: 300 });

  it('adds the configured delay to every answer', async () => {
    const started = performance.now();

    await send(server(), 'GET', '/api/handles/21.TEST/testuser');

    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('a server failing every write', () => {
  const server = useServer({ failRate: 1 });

  it('still answers resolutions', async () => {
    expect((await send(server(), 'GET', '/api/handles/21.TEST/testuser')).status).toBe(200);
  });

  it('stores nothing from a failed write', async () => {
    await createHandle(server(), '21.TEST/a');

    expect((await send(server(), 'GET', '/api/handles/21.TEST/a')).status).toBe(404);
  });

  it('refuses writes without credentials before failing them', async () => {
    const answer = await send(server(), 'DELETE', '/api/handles/21.TEST/testuser', { auth: null });

    expect(answer.status).toBe(401);
  });
});

describe('a server failing half the writes', () => {
  const server = useServer({ failRate: 0.5 });

  it('fails some writes and lets others through', async () => {
    const statuses = new Set<number>();
    for (let attempt = 0; attempt < 60; attempt += 1) {
      statuses.add((await createHandle(server(), `21.TEST/h${attempt}`)).status);
    }

    // With 60 draws at one half, missing either outcome has a chance of about 2^-59.
    expect([...statuses].sort()).toEqual([201, 500]);
  });
});
