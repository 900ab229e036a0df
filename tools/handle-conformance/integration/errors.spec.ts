import { expect } from '@jest/globals';

import { sampleValues, stringValue, uniqueHandle } from './fixtures.js';
import { conformingIt } from './known-differences.js';
import { type Credentials, type RawRequest, sendRaw } from './raw-http.js';
import { describeEachServer, type ServerUnderTest } from './servers.js';

describeEachServer('Refusals of the REST API', (server, kind) => {
  const it = conformingIt(kind);

  const send = (request: RawRequest) => sendRaw(server(), request);
  const putRecord = (handle: string, extra: Partial<RawRequest> = {}) =>
    send({
      method: 'PUT',
      path: `/api/handles/${handle}`,
      body: { values: sampleValues() },
      ...extra,
    });
  const newHandle = (label: string) => uniqueHandle(server().prefix, label);

  it('answers 404 with responseCode 100 for a handle that does not exist', async () => {
    const handle = newHandle('missing');

    const answer = await send({ method: 'GET', path: `/api/handles/${handle}` });

    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ responseCode: 100, handle });
  });

  it('answers 404 with responseCode 100 to DELETE of a handle that does not exist', async () => {
    const handle = newHandle('missing');

    const answer = await send({ method: 'DELETE', path: `/api/handles/${handle}` });

    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ responseCode: 100, handle });
  });

  it('answers 404 with responseCode 100 to a value-level PUT on a missing handle', async () => {
    const handle = newHandle('missing');

    const answer = await send({
      method: 'PUT',
      path: `/api/handles/${handle}?index=4`,
      body: { values: [stringValue(4, 'EXTRA', 'e')] },
    });

    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ responseCode: 100, handle });
  });

  it('answers 400 with responseCode 102 for an empty handle name', async () => {
    const answer = await send({ method: 'GET', path: '/api/handles/' });

    expect(answer.status).toBe(400);
    expect(answer.json.responseCode).toBe(102);
  });

  it(
    'answers a name without a slash as a prefix it is not home to (400, 301)',
    async () => {
      const answer = await send({ method: 'GET', path: '/api/handles/noslash' });

      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ responseCode: 301, handle: 'noslash' });
    },
    'MOCK_NAME_WITHOUT_SLASH',
  );

  for (const method of ['GET', 'PUT'] as const) {
    it(`answers ${method} under another prefix with 400 and responseCode 301`, async () => {
      const handle = '21.OTHER/elsewhere';
      const body = method === 'PUT' ? { values: sampleValues() } : undefined;

      const answer = await send({ method, path: `/api/handles/${handle}`, body });

      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ responseCode: 301, handle });
    });
  }

  it('answers 400 with responseCode 202 for a value index below 1', async () => {
    const answer = await putRecord(newHandle('index-zero'), {
      body: { values: [stringValue(0, 'URL', 'https://zero.example')] },
    });

    expect(answer.status).toBe(400);
    expect(answer.json.responseCode).toBe(202);
  });

  it(
    'answers 409 with responseCode 201 for two values at one index',
    async () => {
      const values = [
        stringValue(1, 'URL', 'https://a.example'),
        stringValue(1, 'URL', 'https://b'),
      ];

      const answer = await putRecord(newHandle('twice'), { body: { values } });

      expect(answer.status).toBe(409);
      expect(answer.json.responseCode).toBe(201);
    },
    'MOCK_DUPLICATE_INDEX',
  );

  describeUnreadableBodies(server, it);
  describeAuthentication(server, it);
});

/** Bodies the real server cannot turn into a request: 400 with responseCode 4 (protocol error). */
function describeUnreadableBodies(
  server: () => ServerUnderTest,
  it: ReturnType<typeof conformingIt>,
) {
  const put = (label: string, extra: Partial<RawRequest>) => {
    const path = `/api/handles/${uniqueHandle(server().prefix, label)}`;
    return sendRaw(server(), { method: 'PUT', path, body: { values: sampleValues() }, ...extra });
  };
  const expectProtocolError = (answer: { status: number; json?: { responseCode?: number } }) => {
    expect(answer.status).toBe(400);
    expect(answer.json?.responseCode).toBe(4);
  };

  it(
    'answers 400 with responseCode 4 to a body that is not JSON',
    async () => {
      expectProtocolError(await put('not-json', { rawBody: '{"values": [' }));
    },
    'MOCK_UNREADABLE_BODY',
  );

  it(
    'answers 400 with responseCode 4 to a data format it does not know',
    async () => {
      const values = [{ index: 1, type: 'URL', data: { format: 'text', value: 'x' } }];

      expectProtocolError(await put('format', { body: { values } }));
    },
    'MOCK_UNREADABLE_BODY',
  );

  it(
    'answers 400 with responseCode 4 to a value without a type',
    async () => {
      expectProtocolError(await put('no-type', { body: { values: [{ index: 1, data: 'x' }] } }));
    },
    'MOCK_UNREADABLE_BODY',
  );

  it(
    'answers 400 with responseCode 4 when ?index= and the values sent differ',
    async () => {
      const path = `/api/handles/${uniqueHandle(server().prefix, 'mismatch')}`;
      await sendRaw(server(), { method: 'PUT', path, body: { values: sampleValues() } });
      const body = { values: [stringValue(4, 'EXTRA', 'e')] };

      expectProtocolError(
        await sendRaw(server(), { method: 'PUT', path: `${path}?index=5`, body }),
      );
    },
    'MOCK_UNREADABLE_BODY',
  );

  it(
    'answers 400 with responseCode 4 to a PUT without a JSON content type',
    async () => {
      expectProtocolError(await put('no-json-type', { contentType: null }));
    },
    'MOCK_ACCEPTS_ANY_CONTENT_TYPE',
  );

  it(
    'answers 400 with responseCode 4 to a body naming another handle',
    async () => {
      const body = { handle: `${server().prefix}/someone-else`, values: sampleValues() };

      expectProtocolError(await put('other-name', { body }));
    },
    'MOCK_IGNORES_BODY_HANDLE',
  );
}

function describeAuthentication(
  server: () => ServerUnderTest,
  it: ReturnType<typeof conformingIt>,
) {
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
    expect(answer.headers['www-authenticate']).toMatch(/^Basic realm="handle"/);
  });

  it('answers 401 to an admin handle it does not hold', async () => {
    const stranger = `300:${server().prefix}/NOBODY`;

    const answer = await putAs({ basic: `${encodedUser(stranger)}:${server().password}` });

    expect(answer.status).toBe(401);
  });

  it(
    'refuses the user name when it is not percent-encoded (401)',
    async () => {
      const answer = await putAs({ basic: `${server().username}:${server().password}` });

      expect(answer.status).toBe(401);
    },
    'MOCK_ACCEPTS_UNENCODED_USER',
  );

  it('accepts the percent-encoded admin user and its secret key', async () => {
    const answer = await putAs('admin');

    expect(answer.status).toBe(201);
  });
}
