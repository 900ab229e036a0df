import { expect, it } from '@jest/globals';

import { sampleValues, stringValue, uniqueHandle } from './fixtures.js';
import { type RawRequest, sendRaw } from './raw-http.js';
import { describeEachServer, type ServerUnderTest } from './servers.js';

describeEachServer('Refusals of the REST API', (server) => {
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

  it('answers a name without a slash as a prefix it is not home to (400, 301)', async () => {
    const answer = await send({ method: 'GET', path: '/api/handles/noslash' });

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ responseCode: 301, handle: 'noslash' });
  });

  it('answers DELETE of a name without a slash as a handle it does not hold (404, 100)', async () => {
    const answer = await send({ method: 'DELETE', path: '/api/handles/noslash' });

    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ responseCode: 100, handle: 'noslash' });
  });

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

  it('answers 409 with responseCode 201 for two values at one index', async () => {
    const values = [stringValue(1, 'URL', 'https://a.example'), stringValue(1, 'URL', 'https://b')];

    const answer = await putRecord(newHandle('twice'), { body: { values } });

    expect(answer.status).toBe(409);
    expect(answer.json.responseCode).toBe(201);
  });

  describeUnreadableBodies(server);
});

/** Bodies the real server cannot turn into a request: 400 with responseCode 4 (protocol error). */
function describeUnreadableBodies(server: () => ServerUnderTest) {
  const put = (label: string, extra: Partial<RawRequest>) => {
    const path = `/api/handles/${uniqueHandle(server().prefix, label)}`;
    return sendRaw(server(), { method: 'PUT', path, body: { values: sampleValues() }, ...extra });
  };
  const expectProtocolError = (answer: { status: number; json?: { responseCode?: number } }) => {
    expect(answer.status).toBe(400);
    expect(answer.json?.responseCode).toBe(4);
  };

  it('answers 400 with responseCode 4 to a body that is not JSON', async () => {
    expectProtocolError(await put('not-json', { rawBody: '{"values": [' }));
  });

  it('answers 400 with responseCode 4 to a data format it does not know', async () => {
    const values = [{ index: 1, type: 'URL', data: { format: 'text', value: 'x' } }];

    expectProtocolError(await put('format', { body: { values } }));
  });

  it('answers 400 with responseCode 4 to a value without a type', async () => {
    expectProtocolError(await put('no-type', { body: { values: [{ index: 1, data: 'x' }] } }));
  });

  it('answers 400 with responseCode 4 when ?index= and the values sent differ', async () => {
    const path = `/api/handles/${uniqueHandle(server().prefix, 'mismatch')}`;
    await sendRaw(server(), { method: 'PUT', path, body: { values: sampleValues() } });
    const body = { values: [stringValue(4, 'EXTRA', 'e')] };

    expectProtocolError(await sendRaw(server(), { method: 'PUT', path: `${path}?index=5`, body }));
  });

  it('answers 400 with responseCode 4 to a PUT without a JSON content type', async () => {
    expectProtocolError(await put('no-json-type', { contentType: null }));
  });

  it('answers 400 with responseCode 4 to a PUT sent as text/plain', async () => {
    expectProtocolError(await put('text-type', { contentType: 'text/plain' }));
  });

  it('answers 400 with responseCode 4 to a body naming another handle', async () => {
    const body = { handle: `${server().prefix}/someone-else`, values: sampleValues() };

    expectProtocolError(await put('other-name', { body }));
  });
}
