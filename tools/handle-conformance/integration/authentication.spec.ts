import { expect, it } from '@jest/globals';

import { sampleValues, uniqueHandle } from './fixtures.js';
import { type Credentials, sendRaw } from './raw-http.js';
import { describeEachServer } from './servers.js';

describeEachServer('Authentication on the REST API', (server) => {
  const putAs = (credentials: Credentials) => {
    const path = `/api/handles/${uniqueHandle(server().prefix, 'auth')}`;
    return sendRaw(server(), {
      method: 'PUT',
      path,
      body: { values: sampleValues() },
      credentials,
    });
  };
  const encodedUser = encodeURIComponent;

  for (const method of ['PUT', 'DELETE'] as const) {
    it(`answers ${method} without credentials with 401 and responseCode 402`, async () => {
      const path = `/api/handles/${uniqueHandle(server().prefix, 'anonymous')}`;
      const body = method === 'PUT' ? { values: sampleValues() } : undefined;

      const answer = await sendRaw(server(), { method, path, body, credentials: 'none' });

      expect(answer.status).toBe(401);
      expect(answer.json.responseCode).toBe(402);
    });
  }

  it('answers a wrong password with 401 and offers Basic authentication', async () => {
    const answer = await putAs({ basic: `${encodedUser(server().username)}:wrong-password` });

    expect(answer.status).toBe(401);
    expect(answer.text).toBe('');
    expect(answer.headers['www-authenticate']).toMatch(/^Basic realm="handle"/);
  });

  it('answers 401 to an admin handle it does not hold', async () => {
    const stranger = `300:${server().prefix}/NOBODY`;

    const answer = await putAs({ basic: `${encodedUser(stranger)}:${server().password}` });

    expect(answer.status).toBe(401);
  });

  it('refuses the user name when it is not percent-encoded (401)', async () => {
    const answer = await putAs({ basic: `${server().username}:${server().password}` });

    expect(answer.status).toBe(401);
  });

  it('accepts the percent-encoded admin user and its secret key', async () => {
    const answer = await putAs('admin');

    expect(answer.status).toBe(201);
  });

  it('refuses the admin handle spelled in another letter case (403, responseCode 400)', async () => {
    const user = encodedUser(server().username.toLowerCase());

    const answer = await putAs({ basic: `${user}:${server().password}` });

    expect(answer.status).toBe(403);
    expect(answer.json.responseCode).toBe(400);
  });

  it('reads the body of a PUT before its credentials (400, responseCode 4)', async () => {
    const path = `/api/handles/${uniqueHandle(server().prefix, 'unread')}`;

    const answer = await sendRaw(server(), {
      method: 'PUT',
      path,
      rawBody: '{"values": [',
      credentials: 'none',
    });

    expect(answer.status).toBe(400);
    expect(answer.json.responseCode).toBe(4);
  });

  it('checks the prefix of a PUT before its credentials (400, responseCode 301)', async () => {
    const answer = await sendRaw(server(), {
      method: 'PUT',
      path: '/api/handles/21.OTHER/anonymous',
      body: { values: sampleValues() },
      credentials: 'none',
    });

    expect(answer.status).toBe(400);
    expect(answer.json.responseCode).toBe(301);
  });
});
