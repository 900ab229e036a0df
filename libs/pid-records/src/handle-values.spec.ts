import { describe, expect, it } from '@jest/globals';

import { toDryRunLine, toHandleValues } from './handle-values.js';
import type { DatasetRecord, FileRecord, RecordFields } from './types.js';

const DATASET: DatasetRecord = {
  aggregationLevel: 'DATASET',
  handle: '21.TEST/5b1d0c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
  pid: '5b1d0c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
  pidSource: 'computed',
  itemId: 'CMIP6.CMIP.PIDDI.PIDDI-ESM.historical.r1i1p1f1.Amon.tas.gn.v20250101',
  fields: {
    URL: 'https://lp.example/lp/21.TEST/5b1d0c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
    ESGF: 'ESGF2 TEST',
    AGGREGATION_LEVEL: 'DATASET',
    HAS_PARTS: ['hdl:21.TEST/a', 'hdl:21.TEST/b'],
    HOSTING_NODE: { host: 'esgf.example', published_on: '2025-01-01T00:00:00Z' },
  },
};

function fileWith(fields: RecordFields): FileRecord {
  return { ...DATASET, aggregationLevel: 'FILE', assetKey: 'data0000', fields };
}

describe('toHandleValues', () => {
  it('writes URL at index 1 and the other fields from 2 upward in record order', () => {
    const values = toHandleValues(DATASET);

    expect(values.map((value) => [value.index, value.type])).toEqual([
      [1, 'URL'],
      [2, 'ESGF'],
      [3, 'AGGREGATION_LEVEL'],
      [4, 'HAS_PARTS'],
      [5, 'HOSTING_NODE'],
    ]);
  });

  it('encodes lists and objects as JSON strings in string-format data', () => {
    const values = toHandleValues(DATASET);

    expect(values[3].data).toEqual({
      format: 'string',
      value: '["hdl:21.TEST/a","hdl:21.TEST/b"]',
    });
    expect(values[4].data).toEqual({
      format: 'string',
      value: '{"host":"esgf.example","published_on":"2025-01-01T00:00:00Z"}',
    });
  });

  it('writes numbers as decimal strings', () => {
    const values = toHandleValues(fileWith({ URL: 'https://lp.example/x', FILE_SIZE: 6046567354 }));

    expect(values[1]).toEqual({
      index: 2,
      type: 'FILE_SIZE',
      data: { format: 'string', value: '6046567354' },
    });
  });

  it('skips indexes 100 to 199, which belong to administrative values', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 120 }, (_, position) => [`FIELD_${position}`, `value ${position}`]),
    );
    const indexes = toHandleValues(fileWith({ URL: 'https://lp.example/x', ...fields })).map(
      (value) => value.index,
    );

    expect(indexes.filter((index) => index >= 100 && index <= 199)).toEqual([]);
    expect(indexes.slice(97, 100)).toEqual([98, 99, 200]);
    expect(new Set(indexes).size).toBe(121);
  });
});

describe('toDryRunLine', () => {
  it('writes handle, URL, every other field encoded, and the time of writing', () => {
    const line = toDryRunLine(DATASET, new Date('2026-03-04T05:06:07.089Z'));

    expect(line).toEqual({
      handle: DATASET.handle,
      URL: DATASET.fields.URL,
      data: {
        ESGF: 'ESGF2 TEST',
        AGGREGATION_LEVEL: 'DATASET',
        HAS_PARTS: '["hdl:21.TEST/a","hdl:21.TEST/b"]',
        HOSTING_NODE: '{"host":"esgf.example","published_on":"2025-01-01T00:00:00Z"}',
      },
      timestamp: '2026-03-04T05:06:07.089Z',
    });
  });
});
