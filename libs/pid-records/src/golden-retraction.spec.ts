import { describe, expect, it } from '@jest/globals';

import type { ResolvedItemEvent } from '@piddi/stac-model';

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

const HOST = 'esgf.retraction.example';
const OPTIONS = { prefix: PREFIX, landingPageUrl: LANDING_PAGE, now: () => NOW };
const EVENT_TIME = '2022-02-02 02:02:02';
const DATASET_PID = uuidV3(ITEM_ID);
const FILE0_PID = uuidV3(`${ITEM_ID}#data0000`);
const FILE1_PID = uuidV3(`${ITEM_ID}#data0001`);

function retractedEvent(retracted: unknown, time?: string | null): ResolvedItemEvent {
  const event = makeEvent(
    makeItem({ data0000: fileAsset(0, HOST), data0001: fileAsset(1, HOST) }, { retracted }),
  );
  return time === undefined ? event : { ...event, metadata: { ...event.metadata, time } };
}

/** The dataset record of the two-file fixture item, published at `publishedOn`. */
function datasetRecord(publishedOn: string | undefined, retractedOn?: string): DatasetRecord {
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
      HAS_PARTS: [`hdl:${PREFIX}/${FILE0_PID}`, `hdl:${PREFIX}/${FILE1_PID}`],
      HOSTING_NODE: publishedOn ? { host: HOST, published_on: publishedOn } : { host: HOST },
      ...(retractedOn ? { RETRACTED_ON: retractedOn } : {}),
    },
  };
}

// Retraction changes the dataset record only: the files stay exactly as they were.
const FILE_RECORDS: FileRecord[] = [
  {
    aggregationLevel: 'FILE',
    handle: `${PREFIX}/${FILE0_PID}`,
    pid: FILE0_PID,
    pidSource: 'computed',
    itemId: ITEM_ID,
    assetKey: 'data0000',
    fields: {
      URL: `${LANDING_PAGE}/${PREFIX}/${FILE0_PID}`,
      ESGF: 'ESGF2 TEST',
      AGGREGATION_LEVEL: 'FILE',
      FILE_NAME: fileName(0),
      IS_PART_OF: `hdl:${PREFIX}/${DATASET_PID}`,
      CHECKSUM: digestOf('sha256', fileName(0)),
      CHECKSUM_METHOD: 'sha2-256',
      FILE_SIZE: 2_000_000,
      DOWNLOAD_URL: fileUrl(HOST, fileName(0)),
    },
  },
  {
    aggregationLevel: 'FILE',
    handle: `${PREFIX}/${FILE1_PID}`,
    pid: FILE1_PID,
    pidSource: 'computed',
    itemId: ITEM_ID,
    assetKey: 'data0001',
    fields: {
      URL: `${LANDING_PAGE}/${PREFIX}/${FILE1_PID}`,
      ESGF: 'ESGF2 TEST',
      AGGREGATION_LEVEL: 'FILE',
      FILE_NAME: fileName(1),
      IS_PART_OF: `hdl:${PREFIX}/${DATASET_PID}`,
      CHECKSUM: digestOf('sha256', fileName(1)),
      CHECKSUM_METHOD: 'sha2-256',
      FILE_SIZE: 2_000_001,
      DOWNLOAD_URL: fileUrl(HOST, fileName(1)),
    },
  },
];

describe('records of a retracted dataset', () => {
  it.each([true, 'true', 'TRUE', '1', 1, 'yes', ' Yes '])(
    'sets RETRACTED_ON to the event time for retracted = %p',
    async (value) => {
      const records = await buildRecords(retractedEvent(value, EVENT_TIME), OPTIONS);

      expect(records).toEqual({
        dataset: datasetRecord('2022-02-02T02:02:02Z', '2022-02-02T02:02:02Z'),
        files: FILE_RECORDS,
        warnings: [],
      });
    },
  );

  it.each([false, 'false', '0', 'no', 0, null, 'retracted'])(
    'writes no RETRACTED_ON for retracted = %p',
    async (value) => {
      const records = await buildRecords(retractedEvent(value, EVENT_TIME), OPTIONS);

      expect(records).toEqual({
        dataset: datasetRecord('2022-02-02T02:02:02Z'),
        files: FILE_RECORDS,
        warnings: [],
      });
    },
  );

  it.each([
    ['has no time', undefined],
    ['has the time null', null],
  ])('uses the processing time, without a warning, when the event %s', async (_, time) => {
    const records = await buildRecords(retractedEvent(true, time), OPTIONS);

    expect(records).toEqual({
      dataset: datasetRecord(NOW.toISOString(), NOW.toISOString()),
      files: FILE_RECORDS,
      warnings: [],
    });
  });

  it('uses the processing time, with a warning, when the event time cannot be read', async () => {
    const records = await buildRecords(retractedEvent(true, 'last Tuesday'), OPTIONS);

    // The hosting node leaves its unreadable time out; only RETRACTED_ON falls back to now.
    expect(records).toEqual({
      dataset: datasetRecord(undefined, NOW.toISOString()),
      files: FILE_RECORDS,
      warnings: [
        expect.objectContaining({ code: 'UNREADABLE_TIME', field: 'HOSTING_NODE' }),
        expect.objectContaining({ code: 'UNREADABLE_TIME', field: 'RETRACTED_ON' }),
      ],
    });
  });
});
