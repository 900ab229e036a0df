import { describe, expect, it } from '@jest/globals';

import { readMintedHandle, readPage, readRecord } from './handle-answers.js';

const LIST = { action: 'list handles under prefix', handle: '21.TEST' };
const REQUESTED = { page: 0, pageSize: 2 };
const invalidResponse = expect.objectContaining({ code: 'INVALID_RESPONSE' });

describe('readPage', () => {
  it('turns a totalCount sent as a string into a number', () => {
    const body = { responseCode: 1, prefix: '21.TEST', totalCount: '3', page: 0, pageSize: 2 };

    const page = readPage(
      { status: 200, body: { ...body, handles: ['21.TEST/a'] } },
      LIST,
      REQUESTED,
    );

    expect(page).toEqual({
      prefix: '21.TEST',
      totalCount: 3,
      page: 0,
      pageSize: 2,
      handles: ['21.TEST/a'],
    });
  });

  it('takes page and pageSize from the request when the server leaves them out', () => {
    const body = { totalCount: 0, handles: [] };

    expect(readPage({ status: 200, body }, LIST, { page: 4, pageSize: 9 })).toMatchObject({
      page: 4,
      pageSize: 9,
    });
  });

  it.each([
    ['a totalCount that is not a number', { totalCount: 'many', handles: [] }],
    ['a negative totalCount', { totalCount: -1, handles: [] }],
    ['handles that are not names', { totalCount: 1, handles: [1] }],
  ])('refuses %s', (_case, body) => {
    expect(() => readPage({ status: 200, body }, LIST, REQUESTED)).toThrow(invalidResponse);
  });
});

describe('readRecord', () => {
  const READ = { action: 'read handle', handle: '21.test/abc' };

  it('keeps the handle name as the server stores it', () => {
    const body = { handle: '21.TEST/abc', values: [] };

    expect(readRecord({ status: 200, body }, READ).handle).toBe('21.TEST/abc');
  });

  it('reads a record without values as an empty list', () => {
    expect(readRecord({ status: 200, body: { responseCode: 200 } }, READ).values).toEqual([]);
  });

  it('refuses an answer that is not JSON', () => {
    expect(() => readRecord({ status: 200 }, READ)).toThrow(invalidResponse);
  });
});

describe('readMintedHandle', () => {
  const MINT = { action: 'mint a handle under prefix', handle: '21.TEST' };

  it('returns the minted name', () => {
    const body = { responseCode: 1, handle: '21.TEST/0f6c' };

    expect(readMintedHandle({ status: 201, body }, MINT)).toBe('21.TEST/0f6c');
  });

  it.each([{}, { handle: '21.OTHER/x' }, { handle: '21.TESTX/x' }])(
    'refuses the answer %j',
    (body) => {
      expect(() => readMintedHandle({ status: 201, body }, MINT)).toThrow(invalidResponse);
    },
  );
});
