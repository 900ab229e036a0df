import { describe, expect, it } from '@jest/globals';

import {
  buildDatasetVersionsQuery,
  readHandleValues,
  readTotalHits,
} from './elasticsearch-queries.js';

const hit = (source: unknown) => ({ _index: 'handles', _id: '1', _source: source });

describe('readHandleValues', () => {
  it('reads handle, type and data, dropping an hdl: in front of the handle', () => {
    const hits = [
      hit({ handle: 'hdl:21.TEST/a', type: 'DATASET_VERSION', data: 'v1', index: 7 }),
      hit({ handle: ' HDL:21.TEST/b ', type: 'DATASET_ID', data: 'CMIP6.x' }),
    ];

    expect(readHandleValues(hits)).toEqual([
      { handle: '21.TEST/a', type: 'DATASET_VERSION', data: 'v1' },
      { handle: '21.TEST/b', type: 'DATASET_ID', data: 'CMIP6.x' },
    ]);
  });

  it.each([
    ['data that is no string', hit({ handle: '21.TEST/a', type: 'DATASET_VERSION', data: 20 })],
    ['no handle', hit({ type: 'DATASET_VERSION', data: 'v1' })],
    ['a handle that is only hdl:', hit({ handle: 'hdl:', type: 'DATASET_ID', data: 'x' })],
    ['no _source', { _id: '1' }],
    ['a hit that is no object', 'hit'],
  ])('skips a hit with %s', (_, value) => {
    expect(readHandleValues([value])).toEqual([]);
  });
});

describe('buildDatasetVersionsQuery', () => {
  it('names the fields with the keyword suffix and asks for both spellings of each handle', () => {
    const body = buildDatasetVersionsQuery(['21.TEST/a'], { keywordSuffix: '', size: 5 });

    expect(body).toEqual({
      size: 5,
      query: {
        bool: {
          filter: [
            { term: { type: 'DATASET_VERSION' } },
            { terms: { handle: ['21.TEST/a', 'hdl:21.TEST/a'] } },
          ],
        },
      },
      _source: ['handle', 'type', 'data'],
    });
  });
});

describe('readTotalHits', () => {
  it('reads the total as Elasticsearch 7 and later, and 6, write it', () => {
    expect(readTotalHits({ total: { value: 3, relation: 'eq' } })).toBe(3);
    expect(readTotalHits({ total: 4 })).toBe(4);
    expect(readTotalHits({})).toBeUndefined();
  });
});
