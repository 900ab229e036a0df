import { describe, expect, it } from '@jest/globals';
import { basicAuth, createHandle, send, useServer } from './harness.js';

const BODY = { values: [{ index: 1, type: 'URL', data: 'https://example.org' }] };
const STRANGER = basicAuth('300%3A21.test%2FTESTUSER', 'testpass');

describe('authentication', () => {
  const server = useServer();

  it.each([
    ['percent-encoded', '300%3A21.TEST%2Ftestuser'],
    ['with only its colon encoded', '300%3A21.TEST/testuser'],
  ])('accepts the user name %s', async (_form, username) => {
    const auth = basicAuth(username, 'testpass');

    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a', { auth, body: BODY });

    expect(answer.status).toBe(201);
  });

  it.each([
    ['a wrong password', basicAuth('300%3A21.TEST%2Ftestuser', 'nope')],
    ['a user name not percent-encoded', basicAuth('300:21.TEST/testuser', 'testpass')],
    ['another user', basicAuth('300%3A21.TEST%2Fother', 'testpass')],
    ['another index', basicAuth('301%3A21.TEST%2Ftestuser', 'testpass')],
    ['a session header', 'Handle sessionId="abc"'],
  ])('refuses %s with an empty 401', async (_case, auth) => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a', { auth, body: BODY });

    expect([answer.status, answer.text]).toEqual([401, '']);
  });

  it.each([
    ['PUT', '/api/handles/21.TEST/a', BODY],
    ['DELETE', '/api/handles/21.TEST/testuser', undefined],
    ['GET', '/api/handles?prefix=21.TEST', undefined],
    ['GET', '/api/handles/21.TEST/testuser', undefined],
  ])(
    'refuses %s %s by the admin spelled in another case with 403 and responseCode 400',
    async (method, path, body) => {
      const answer = await send(server(), method, path, { auth: STRANGER, body });

      expect([answer.status, answer.json.responseCode]).toEqual([403, 400]);
    },
  );

  it('lets the admin spelled in another case read a handle without hidden values', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'GET', '/api/handles/21.TEST/a', { auth: STRANGER });

    expect(answer.status).toBe(200);
  });

  it('lets anyone resolve a handle', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'GET', '/api/handles/21.TEST/a', { auth: null });

    expect(answer.status).toBe(200);
  });

  it('changes nothing on a refused write', async () => {
    await createHandle(server(), '21.TEST/a');

    await send(server(), 'DELETE', '/api/handles/21.TEST/a', { auth: null });

    expect((await send(server(), 'GET', '/api/handles/21.TEST/a')).status).toBe(200);
  });
});
