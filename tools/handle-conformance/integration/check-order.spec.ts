import { expect, it } from '@jest/globals';

import { sampleValues, uniqueHandle } from './fixtures.js';
import { type RawAnswer, type RawRequest, sendRaw } from './raw-http.js';
import { describeEachServer } from './servers.js';

const CALLERS = ['admin', 'none'] as const;

// Which refusal wins when a request is wrong in several ways: query parameters that must be
// numbers are read first, then the name, then missing credentials.
describeEachServer('What the REST API refuses first', (server) => {
  const send = (request: RawRequest) => sendRaw(server(), request);
  const existing = async (label: string) => {
    const path = `/api/handles/${uniqueHandle(server().prefix, label)}`;
    expect((await send({ method: 'PUT', path, body: { values: sampleValues() } })).status).toBe(
      201,
    );
    return path;
  };
  const list = (query: string) =>
    send({ method: 'GET', path: `/api/handles?${query}`, credentials: 'admin' });
  const refusal = (answer: RawAnswer) => [answer.status, answer.json?.responseCode];

  it('refuses a resolution with an index that is no number (400, responseCode 4)', async () => {
    const path = await existing('index-x');

    expect(refusal(await send({ method: 'GET', path: `${path}?index=x` }))).toEqual([400, 4]);
  });

  for (const credentials of CALLERS) {
    it(`refuses DELETE ?index=x, credentials ${credentials} (400, 4)`, async () => {
      const path = await existing('delete-index-x');

      const answer = await send({ method: 'DELETE', path: `${path}?index=x`, credentials });

      expect(refusal(answer)).toEqual([400, 4]);
    });

    it(`refuses DELETE ?index= elsewhere, credentials ${credentials} (400, 301)`, async () => {
      const path = '/api/handles/21.OTHER/elsewhere?index=1';

      expect(refusal(await send({ method: 'DELETE', path, credentials }))).toEqual([400, 301]);
    });
  }

  it('refuses a listing with a page that is no number (400, responseCode 4)', async () => {
    expect(refusal(await list(`prefix=${server().prefix}&page=x&pageSize=2`))).toEqual([400, 4]);
  });

  it.each(['page=x', 'pageSize=x'])(
    'reads %s before the prefix of a listing (400, responseCode 4, not 301)',
    async (paging) => {
      expect(refusal(await list(`prefix=21.OTHER&${paging}`))).toEqual([400, 4]);
    },
  );

  it.each([
    ['a PUT', ''],
    ['a mint', '?mintNewSuffix=true'],
  ])('answers %s of the empty name as a prefix not served (400, 301)', async (_what, query) => {
    const path = `/api/handles/${query}`;

    const answer = await send({ method: 'PUT', path, body: { values: sampleValues() } });

    expect(refusal(answer)).toEqual([400, 301]);
  });
});
