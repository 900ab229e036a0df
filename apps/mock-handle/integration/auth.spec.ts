import { describe, expect, it } from '@jest/globals';
import { basicAuth, createHandle, send, useServer } from './harness.js';

const BODY = { values: [{ index: 1, type: 'URL', data: 'https://example.org' }] };

describe('authentication', () => {
  const server = useServer();

  it.each([
    ['percent-encoded', '300%3A21.TEST%2Ftestuser'],
    ['unencoded', '300:21.TEST/testuser'],
    ['in another case', '300:21.test/TESTUSER'],
  ])('accepts the user name %s', async (_form, username) => {
    const auth = basicAuth(username, 'testpass');

    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a', { auth, body: BODY });

    expect(answer.status).toBe(201);
  });

  it.each([
    ['a wrong password', basicAuth('300%3A21.TEST%2Ftestuser', 'nope')],
    ['another user', basicAuth('300%3A21.TEST%2Fother', 'testpass')],
    ['another index', basicAuth('301%3A21.TEST%2Ftestuser', 'testpass')],
    ['a session header', 'Handle sessionId="abc"'],
  ])('refuses %s with 401 and responseCode 402', async (_case, auth) => {
    const answer = await send(server(), 'PUT', '/api/handles/21.TEST/a', { auth, body: BODY });

    expect([answer.status, answer.json.responseCode]).toEqual([401, 402]);
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
