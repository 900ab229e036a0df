import { describe, expect, it } from '@jest/globals';
import { send, useServer } from './harness.js';

const BODY = { values: [{ index: 1, type: 'URL', data: 'https://example.org' }] };

describe('minting a suffix', () => {
  const server = useServer();

  it('creates a handle under a new suffix and answers its name', async () => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/?mintNewSuffix=true', {
      body: BODY,
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

  it('appends the new part to the suffix start given', async () => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/ds-?mintNewSuffix=TRUE', {
      body: BODY,
    });

    expect(answer.status).toBe(201);
    expect(answer.json.handle).toMatch(/^21\.TEST\/ds-[0-9a-f-]{36}$/);
  });

  it('takes a prefix without its slash for a handle it is not home to (400, 301)', async () => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST?mintNewSuffix=true', {
      body: BODY,
    });

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ responseCode: 301, handle: '21.TEST' });
  });
});
