import { beforeEach, describe, expect, it } from '@jest/globals';
import { basicAuth, createHandle, send, type SendOptions, useServer } from './harness.js';

const NOTE = { index: 2, type: 'NOTE', data: 'existing note' };
const NEW_NOTE = { index: 3, type: 'NOTE', data: 'new note' };
const URL_VALUE = { index: 1, type: 'URL', data: 'https://example.org/b' };
const WRONG_PASSWORD = basicAuth('300%3A21.TEST%2Ftestuser', 'wrong');

const EXISTING = '/api/handles/21.TEST/existing';
const NEW = '/api/handles/21.TEST/new';
const put = (values: unknown[]): SendOptions => ({ body: { values } });

type Row = [string, string, string, SendOptions, number, number | undefined];

// The status and responseCode a real Handle server answers, against `21.TEST/existing`, which
// holds a URL at 1 and a NOTE at 2 before each test. No responseCode means no body at all.
const ROWS: Row[] = [
  ['resolving a handle', 'GET', EXISTING, {}, 200, 1],
  ['resolving a handle with POST', 'POST', EXISTING, {}, 200, 1],
  ['creating a handle', 'PUT', NEW, put([URL_VALUE]), 201, 1],
  ['replacing a handle', 'PUT', EXISTING, put([URL_VALUE]), 200, 1],
  ['adding a value', 'PUT', `${EXISTING}?index=3`, put([NEW_NOTE]), 201, 1],
  ['replacing a value', 'PUT', `${EXISTING}?index=2`, put([NOTE]), 200, 1],
  [
    'adding and replacing values',
    'PUT',
    `${EXISTING}?index=2&index=3`,
    put([NOTE, NEW_NOTE]),
    200,
    1,
  ],
  ['deleting a handle', 'DELETE', EXISTING, {}, 200, 1],
  ['deleting a value', 'DELETE', `${EXISTING}?index=2`, {}, 200, 1],
  ['resolving a missing handle', 'GET', '/api/handles/21.TEST/missing', {}, 404, 100],
  ['resolving a missing handle with POST', 'POST', '/api/handles/21.TEST/missing', {}, 404, 100],
  ['deleting a missing handle', 'DELETE', '/api/handles/21.TEST/missing', {}, 404, 100],
  [
    'adding a value to a missing handle',
    'PUT',
    '/api/handles/21.TEST/missing?index=3',
    put([NEW_NOTE]),
    404,
    100,
  ],
  [
    'creating an existing handle without overwrite',
    'PUT',
    `${EXISTING}?overwrite=false`,
    put([URL_VALUE]),
    409,
    101,
  ],
  ['resolving an empty name', 'GET', '/api/handles/', {}, 400, 102],
  ['resolving values that are not there', 'GET', `${EXISTING}?index=7`, {}, 200, 200],
  ['deleting values that are not there', 'DELETE', `${EXISTING}?index=7`, {}, 400, 200],
  [
    'deleting values one of which is not there',
    'DELETE',
    `${EXISTING}?index=2&index=7`,
    {},
    400,
    200,
  ],
  [
    'adding an existing value without overwrite',
    'PUT',
    `${EXISTING}?index=2&overwrite=false`,
    put([NOTE]),
    409,
    201,
  ],
  ['sending two values at one index', 'PUT', NEW, put([URL_VALUE, URL_VALUE]), 409, 201],
  ['sending a value at index 0', 'PUT', NEW, put([{ ...URL_VALUE, index: 0 }]), 400, 202],
  ['adding no value', 'PUT', `${EXISTING}?index=various`, put([]), 400, 202],
  ['resolving a name without a slash', 'GET', '/api/handles/noslash', {}, 400, 301],
  ['creating a name without a slash', 'PUT', '/api/handles/noslash', put([URL_VALUE]), 400, 301],
  ['creating under an empty name', 'PUT', '/api/handles/', put([URL_VALUE]), 400, 301],
  ['creating under another prefix', 'PUT', '/api/handles/21.OTHER/new', put([URL_VALUE]), 400, 301],
  ['resolving under another prefix', 'GET', '/api/handles/21.OTHER/x', {}, 400, 301],
  [
    'deleting values under another prefix',
    'DELETE',
    '/api/handles/21.OTHER/x?index=1',
    {},
    400,
    301,
  ],
  ['listing another prefix', 'GET', '/api/handles?prefix=21.OTHER', {}, 400, 301],
  // A real server deletes whatever it finds under a name; it finds nothing there.
  ['deleting a name without a slash', 'DELETE', '/api/handles/noslash', {}, 404, 100],
  ['deleting under another prefix', 'DELETE', '/api/handles/21.OTHER/x', {}, 404, 100],
];

const REFUSAL_ROWS: Row[] = [
  ['sending bad JSON', 'PUT', NEW, { rawBody: '{"values": [' }, 400, 4],
  ['sending a value without type', 'PUT', NEW, put([{ index: 1, data: 'x' }]), 400, 4],
  [
    'sending an unknown data format',
    'PUT',
    NEW,
    put([{ index: 1, type: 'A', data: { format: 'text', value: 'x' } }]),
    400,
    4,
  ],
  ['sending text/plain', 'PUT', NEW, { ...put([URL_VALUE]), contentType: 'text/plain' }, 400, 4],
  ['sending no content type', 'PUT', NEW, { ...put([URL_VALUE]), contentType: null }, 400, 4],
  [
    'naming another handle in the body',
    'PUT',
    NEW,
    { body: { handle: '21.TEST/other', values: [URL_VALUE] } },
    400,
    4,
  ],
  ['naming other indexes than sent', 'PUT', `${EXISTING}?index=5`, put([NEW_NOTE]), 400, 4],
  ['resolving with an index that is no number', 'GET', `${EXISTING}?index=x`, {}, 400, 4],
  ['deleting index=various', 'DELETE', `${EXISTING}?index=various`, {}, 400, 4],
  [
    'listing with a page that is no number',
    'GET',
    '/api/handles?prefix=21.TEST&page=x',
    {},
    400,
    4,
  ],
  [
    'listing another prefix with a page that is no number',
    'GET',
    '/api/handles?prefix=21.OTHER&page=x',
    {},
    400,
    4,
  ],
  ['asking an unknown endpoint', 'GET', '/api/nothing', {}, 404, 4],
  ['using an unknown method', 'PATCH', EXISTING, {}, 501, 4],
  ['creating without credentials', 'PUT', NEW, { ...put([URL_VALUE]), auth: null }, 401, 402],
  ['deleting without credentials', 'DELETE', EXISTING, { auth: null }, 401, 402],
  [
    'deleting a missing handle without credentials',
    'DELETE',
    '/api/handles/21.TEST/missing',
    { auth: null },
    401,
    402,
  ],
  [
    'deleting values under another prefix without credentials',
    'DELETE',
    '/api/handles/21.OTHER/x?index=1',
    { auth: null },
    400,
    301,
  ],
  ['listing without credentials', 'GET', '/api/handles?prefix=21.TEST', { auth: null }, 401, 402],
  [
    'creating with a wrong password',
    'PUT',
    NEW,
    { ...put([URL_VALUE]), auth: WRONG_PASSWORD },
    401,
    undefined,
  ],
  ['resolving with a wrong password', 'GET', EXISTING, { auth: WRONG_PASSWORD }, 401, undefined],
  [
    'asking an unknown endpoint with a wrong password',
    'GET',
    '/api/nothing',
    { auth: WRONG_PASSWORD },
    401,
    undefined,
  ],
];

describe('status codes', () => {
  const server = useServer();

  beforeEach(async () => {
    await createHandle(server(), '21.TEST/existing', [NOTE]);
  });

  it.each([...ROWS, ...REFUSAL_ROWS])(
    'answers %s: %s %s',
    async (_case, method, path, options, status, code) => {
      const answer = await send(server(), method, path, options);

      expect([answer.status, answer.json.responseCode]).toEqual([status, code]);
    },
  );

  it('sends JSON with a responseCode on every API answer', async () => {
    const answer = await send(server(), 'GET', '/api/handles/21.TEST/missing');

    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toMatchObject({ responseCode: 100, handle: '21.TEST/missing' });
  });

  it('asks for Basic credentials on a 401', async () => {
    const answer = await send(server(), 'DELETE', '/api/handles/21.TEST/existing', { auth: null });

    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('answers credentials that do not check out with an empty 401', async () => {
    const answer = await send(server(), 'PUT', NEW, { ...put([URL_VALUE]), auth: WRONG_PASSWORD });

    expect(answer.text).toBe('');
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="handle"');
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
