import { expect, it } from '@jest/globals';

import { sampleValues, uniqueHandle } from './fixtures.js';
import { sendRaw } from './raw-http.js';
import { describeEachServer } from './servers.js';

describeEachServer('Endpoints and methods of the REST API', (server) => {
  const adminPath = () => `/api/handles/${server().adminHandle}`;

  it('answers an unknown endpoint with 404 and responseCode 4', async () => {
    const answer = await sendRaw(server(), { method: 'GET', path: '/api/nothing' });

    expect(answer.status).toBe(404);
    expect(answer.json.responseCode).toBe(4);
  });

  it('answers an unknown method with 501 and responseCode 4', async () => {
    const answer = await sendRaw(server(), { method: 'PATCH', path: adminPath() });

    expect(answer.status).toBe(501);
    expect(answer.json.responseCode).toBe(4);
  });

  it('resolves a handle with POST as with GET', async () => {
    const answer = await sendRaw(server(), { method: 'POST', path: adminPath() });

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ responseCode: 1, handle: server().adminHandle });
    expect(answer.json.values.length).toBeGreaterThan(0);
  });

  it('answers POST of a missing handle with 404 and responseCode 100', async () => {
    const handle = uniqueHandle(server().prefix, 'post-missing');

    const answer = await sendRaw(server(), { method: 'POST', path: `/api/handles/${handle}` });

    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ responseCode: 100, handle });
  });

  it('resolves a handle with HEAD, answering no body', async () => {
    const answer = await sendRaw(server(), { method: 'HEAD', path: adminPath() });

    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
  });

  it('takes a PUT body that is a bare list of values or one value alone', async () => {
    const [first, ...rest] = sampleValues();
    const path = `/api/handles/${uniqueHandle(server().prefix, 'body-forms')}`;

    const asList = await sendRaw(server(), { method: 'PUT', path, body: rest });
    const alone = await sendRaw(server(), { method: 'PUT', path: `${path}-1`, body: first });

    expect([asList.status, alone.status]).toEqual([201, 201]);
  });
});
