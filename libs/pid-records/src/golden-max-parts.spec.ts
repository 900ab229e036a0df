import { describe, expect, it } from '@jest/globals';

import type { StacAsset } from '@piddi/stac-model';

import {
  DATASET_ID,
  ITEM_ID,
  LANDING_PAGE,
  NOW,
  PREFIX,
  digestOf,
  fileAsset,
  fileName,
  fileUrl,
  makeEvent,
  makeItem,
  uuidV3,
} from './__fixtures__/cmip6-fixtures.js';
import { buildRecords } from './build-records.js';
import type { DatasetRecord, FileRecord } from './types.js';

const HOST = 'esgf.parts.example';
const EVENT_TIME = '2021-04-16T08:00:00Z';
const DATASET_PID = uuidV3(ITEM_ID);
const OPTIONS = { prefix: PREFIX, landingPageUrl: LANDING_PAGE, now: () => NOW };

// Excluded assets stand between the files: max_parts counts files only.
const ASSETS: Record<string, StacAsset> = {
  globus: { href: 'https://app.globus.example/file-manager?origin_id=1' },
  data0000: fileAsset(0, HOST),
  quicklook: { href: `https://${HOST}/quicklook.png` },
  data0001: fileAsset(1, HOST),
  data0002: fileAsset(2, HOST),
};

const build = (maxParts: number, assets = ASSETS) =>
  buildRecords(makeEvent(makeItem(assets), EVENT_TIME), { ...OPTIONS, maxParts });

const filePid = (key: string) => uuidV3(`${ITEM_ID}#${key}`);

/** The record of fixture file `data000<position>`, written out field by field. */
function fileRecord(position: number): FileRecord {
  const pid = filePid(`data000${position}`);
  return {
    aggregationLevel: 'FILE',
    handle: `${PREFIX}/${pid}`,
    pid,
    pidSource: 'computed',
    itemId: ITEM_ID,
    assetKey: `data000${position}`,
    fields: {
      URL: `${LANDING_PAGE}/${PREFIX}/${pid}`,
      ESGF: 'ESGF2 TEST',
      AGGREGATION_LEVEL: 'FILE',
      FILE_NAME: fileName(position),
      IS_PART_OF: `hdl:${PREFIX}/${DATASET_PID}`,
      CHECKSUM: digestOf('sha256', fileName(position)),
      CHECKSUM_METHOD: 'sha2-256',
      FILE_SIZE: 2_000_000 + position,
      DOWNLOAD_URL: fileUrl(HOST, fileName(position)),
    },
  };
}

/** The dataset record listing exactly the files `parts` (asset keys), in that order. */
function datasetRecord(parts: string[]): DatasetRecord {
  return {
    aggregationLevel: 'DATASET',
    handle: `${PREFIX}/${DATASET_PID}`,
    pid: DATASET_PID,
    pidSource: 'computed',
    itemId: ITEM_ID,
    fields: {
      URL: `${LANDING_PAGE}/${PREFIX}/${DATASET_PID}`,
      ESGF: 'ESGF2 TEST',
      AGGREGATION_LEVEL: 'DATASET',
      DATASET_ID,
      DATASET_VERSION: 'v20210415',
      ...(parts.length > 0
        ? { HAS_PARTS: parts.map((key) => `hdl:${PREFIX}/${filePid(key)}`) }
        : {}),
      HOSTING_NODE: { host: HOST, published_on: '2021-04-16T08:00:00Z' },
    },
  };
}

const maxPartsReached = {
  code: 'MAX_PARTS_REACHED',
  itemId: ITEM_ID,
  field: 'HAS_PARTS',
  message: expect.stringContaining('max_parts is'),
};

describe('records of a dataset with max_parts', () => {
  it('registers and lists only the first max_parts files, with a warning', async () => {
    const records = await build(2);

    expect(records).toEqual({
      dataset: datasetRecord(['data0000', 'data0001']),
      files: [fileRecord(0), fileRecord(1)],
      warnings: [maxPartsReached],
    });
  });

  it('registers every file, without a warning, when max_parts is not reached', async () => {
    const records = await build(3);

    expect(records).toEqual({
      dataset: datasetRecord(['data0000', 'data0001', 'data0002']),
      files: [fileRecord(0), fileRecord(1), fileRecord(2)],
      warnings: [],
    });
  });

  it('writes a dataset without files and without HAS_PARTS when max_parts is 0', async () => {
    const records = await build(0);

    expect(records).toEqual({ dataset: datasetRecord([]), files: [], warnings: [maxPartsReached] });
  });

  it('leaves an invalid file among the first max_parts out without taking a later one', async () => {
    const records = await build(2, { ...ASSETS, data0001: fileAsset(1, HOST, { 'file:size': 0 }) });

    expect(records).toEqual({
      dataset: datasetRecord(['data0000']),
      files: [fileRecord(0)],
      warnings: [
        maxPartsReached,
        expect.objectContaining({ code: 'INVALID_FILE_SKIPPED', assetKey: 'data0001' }),
      ],
    });
  });
});
