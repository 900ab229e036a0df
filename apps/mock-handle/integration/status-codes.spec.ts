import { beforeEach, describe, expect, it } from '@jest/globals';
import { basicAuth, createHandle, send, type SendOptions, useServer } from './harness.js';

const NOTE = { index: 2, type: 'NOTE', data: 'existing note' };
const NEW_NOTE = { index: 3, type: 'NOTE', data: 'new note' };
const URL_VALUE = { index: 1, type: 'URL', data: 'https://example.org/b' };

type Row = [string, string, string, SendOptions, number, number];

// Every row of the status table of the Handle REST API, against `21.TEST/existing`, which holds
// a URL at 1 and a NOTE at 2 before each test.
const ROWS: Row[] = [
  ['resolving a handle', 'GET', '/api/handles/21.TEST/existing', {}, 200, 1],
  [
    'creating a handle',
    'PUT',
    '/api/handles/21.TEST/new',
    { body: { values: [URL_VALUE] } },
    201,
    1,
  ],
  [
    'replacing a handle',
    'PUT',
    '/api/handles/21.TEST/existing',
    { body: { values: [URL_VALUE] } },
    200,
    1,
  ],
  [
    'adding a value',
    'PUT',
    '/api/handles/21.TEST/existing?index=3',
    { body: { values: [NEW_NOTE] } },
    201,
    1,
  ],
  [
    'replacing a value',
    'PUT',
    '/api/handles/21.TEST/existing?index=2',
    { body: { values: [NOTE] } },
    200,
    1,
  ],
  ['deleting a handle', 'DELETE', '/api/handles/21.TEST/existing', {}, 200, 1],
  ['deleting a value', 'DELETE', '/api/handles/21.TEST/existing?index=2', {}, 200, 1],
  ['resolving a missing handle', 'GET', '/api/handles/21.TEST/missing', {}, 404, 100],
  ['deleting a missing handle', 'DELETE', '/api/handles/21.TEST/missing', {}, 404, 100],
  [
    'adding a value to a missing handle',
    'PUT',
    '/api/handles/21.TEST/missing?index=3',
    { body: { values: [NEW_NOTE] } },
    404,
    100,
  ],
  [
    'creating an existing handle without overwrite',
    'PUT',
    '/api/handles/21.TEST/existing?overwrite=false',
    { body: { values: [URL_VALUE] } },
    409,
    101,
  ],
  ['resolving an invalid handle', 'GET', '/api/handles/nosuffix', {}, 400, 102],
  [
    'creating an invalid handle',
    'PUT',
    '/api/handles/21.TEST/',
    { body: { values: [URL_VALUE] } },
    400,
    102,
  ],
  ['deleting an invalid handle', 'DELETE', '/api/handles/nosuffix', {}, 400, 102],
  [
    'resolving values that are not there',
    'GET',
    '/api/handles/21.TEST/existing?index=7',
    {},
    200,
    200,
  ],
  [
    'deleting values that are not there',
    'DELETE',
    '/api/handles/21.TEST/existing?index=7',
    {},
    400,
    200,
  ],
  [
    'adding an existing value without overwrite',
    'PUT',
    '/api/handles/21.TEST/existing?index=2&overwrite=false',
    { body: { values: [NOTE] } },
    409,
    201,
  ],
  [
    'sending an invalid value',
    'PUT',
    '/api/handles/21.TEST/new',
    { body: { values: [{ index: 1, data: 'x' }] } },
    400,
    202,
  ],
  ['sending bad JSON', 'PUT', '/api/handles/21.TEST/new', { rawBody: '{"values": [' }, 400, 202],
  [
    'creating under another prefix',
    'PUT',
    '/api/handles/21.OTHER/new',
    { body: { values: [URL_VALUE] } },
    400,
    301,
  ],
  ['resolving under another prefix', 'GET', '/api/handles/21.OTHER/x', {}, 400, 301],
  ['deleting under another prefix', 'DELETE', '/api/handles/21.OTHER/x', {}, 400, 301],
  ['listing another prefix', 'GET', '/api/handles?prefix=21.OTHER', {}, 400, 301],
  [
    'creating without credentials',
    'PUT',
    '/api/handles/21.TEST/new',
    { auth: null, body: { values: [URL_VALUE] } },
    401,
    402,
  ],
  [
    'creating with a wrong password',
    'PUT',
    '/api/handles/21.TEST/new',
    { auth: basicAuth('300%3A21.TEST%2Ftestuser', 'wrong'), body: { values: [URL_VALUE] } },
    401,
    402,
  ],
  [
    'deleting without credentials',
    'DELETE',
    '/api/handles/21.TEST/existing',
    { auth: null },
    401,
    402,
  ],
  ['listing without credentials', 'GET', '/api/handles?prefix=21.TEST', { auth: null }, 401, 402],
  [
    'resolving with a wrong password',
    'GET',
    '/api/handles/21.TEST/existing',
    { auth: basicAuth('300:21.TEST/testuser', 'wrong') },
    401,
    402,
  ],
];

describe('status codes', () => {
  const server = useServer();

  beforeEach(async () => {
    await createHandle(server(), '21.TEST/existing', [NOTE]);
  });

  it.each(ROWS)('answers %s: %s %s', async (_case, method, path, options, status, code) => {
    const answer = await send(server(), method, path, options);

    expect([answer.status, answer.json.responseCode]).toEqual([status, code]);
  });

  it('sends JSON with a responseCode on every API answer', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/missing');

    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toMatchObject({ responseCode: 100, handle: '21.TEST/missing' });
  });

  it('asks for Basic credentials on a 401', async () => {
    const answer = await send(server(), 'DELETE', '/api/handles/21.TEST/existing', { auth: null });

    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
  });
});

describe('status codes of a server failing every write', () => {
  const server = useServer({ failRate: 1 });

  it.each([
    ['PUT', { body: { values: [URL_VALUE] } }],
    ['DELETE', {}],
  ])('answers %s with HTTP 500 and responseCode 2', async (method, options) => {
    const answer = await send(server(), method, '/api/handles/21.TEST/testuser', options);

    expect([answer.status, answer.json.responseCode]).toEqual([500, 2]);
  });
});
