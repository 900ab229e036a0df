import { describe, expect, it } from '@jest/globals';

import type { ResolvedItemEvent } from '@piddi/stac-model';

import {
  DATASET_ID,
  ESGF_LABEL,
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
import type { RecordSet } from './types.js';

const CEDA = 'esgf.ceda.example';
const DKRZ = 'esgf.dkrz.example';
const LLNL = 'esgf.llnl.example';
const NCI = 'esgf.nci.example';
const OPTIONS = {
  prefix: PREFIX,
  landingPageUrl: LANDING_PAGE,
  esgfLabel: ESGF_LABEL,
  now: () => NOW,
};
const DATASET_PID = uuidV3(ITEM_ID);
const FILE0_PID = uuidV3(`${ITEM_ID}#data0000`);
const FILE1_PID = uuidV3(`${ITEM_ID}#data0001`);

// Every value the records reference calls absent when empty is written as null here.
const item = makeItem(
  {
    data0000: fileAsset(0, CEDA, {
      href: null,
      'alternate:name': null,
      published_on: null,
      tracking_id: null,
      'cmip6:tracking_id': null,
      alternate: {
        [LLNL]: { href: fileUrl(LLNL, fileName(0)), 'alternate:name': null, published_on: null },
      },
    }),
    data0001: fileAsset(1, DKRZ, {
      published_on: null,
      tracking_id: null,
      alternate: { [NCI]: { href: null, 'alternate:name': NCI } },
    }),
  },
  { pid: null, 'cmip6:pid': null, retracted: null },
);
const event: ResolvedItemEvent = { ...makeEvent(item), metadata: { time: null } };

const EXPECTED: RecordSet = {
  dataset: {
    aggregationLevel: 'DATASET',
    handle: `${PREFIX}/${DATASET_PID}`,
    pid: DATASET_PID,
    pidSource: 'computed',
    itemId: ITEM_ID,
    fields: {
      URL: `${LANDING_PAGE}/${PREFIX}/${DATASET_PID}`,
      ESGF: ESGF_LABEL,
      AGGREGATION_LEVEL: 'DATASET',
      DATASET_ID,
      DATASET_VERSION: 'v20210415',
      HAS_PARTS: [`hdl:${PREFIX}/${FILE0_PID}`, `hdl:${PREFIX}/${FILE1_PID}`],
      HOSTING_NODE: { host: DKRZ, published_on: NOW.toISOString() },
      REPLICA_NODES: [
        { host: LLNL, published_on: NOW.toISOString() },
        { host: NCI, published_on: NOW.toISOString() },
      ],
    },
  },
  files: [
    {
      aggregationLevel: 'FILE',
      handle: `${PREFIX}/${FILE0_PID}`,
      pid: FILE0_PID,
      pidSource: 'computed',
      itemId: ITEM_ID,
      assetKey: 'data0000',
      fields: {
        URL: `${LANDING_PAGE}/${PREFIX}/${FILE0_PID}`,
        ESGF: ESGF_LABEL,
        AGGREGATION_LEVEL: 'FILE',
        FILE_NAME: fileName(0),
        IS_PART_OF: `hdl:${PREFIX}/${DATASET_PID}`,
        CHECKSUM: digestOf('sha256', fileName(0)),
        CHECKSUM_METHOD: 'sha2-256',
        FILE_SIZE: 2_000_000,
        DOWNLOAD_URL: fileUrl(LLNL, fileName(0)),
        REPLICA_DOWNLOAD_URLS: [fileUrl(LLNL, fileName(0))],
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
        ESGF: ESGF_LABEL,
        AGGREGATION_LEVEL: 'FILE',
        FILE_NAME: fileName(1),
        IS_PART_OF: `hdl:${PREFIX}/${DATASET_PID}`,
        CHECKSUM: digestOf('sha256', fileName(1)),
        CHECKSUM_METHOD: 'sha2-256',
        FILE_SIZE: 2_000_001,
        DOWNLOAD_URL: fileUrl(DKRZ, fileName(1)),
      },
    },
  ],
  warnings: [],
};

describe('records of an item that writes absent values as null', () => {
  it('treats every null as absent: computed PIDs, fallbacks, no RETRACTED_ON', async () => {
    const records = await buildRecords(event, OPTIONS);

    expect(records).toEqual(EXPECTED);
  });

  it('gives the same records as an item that leaves those members out', async () => {
    const withoutNulls = JSON.parse(JSON.stringify(event, (_, value) => value ?? undefined));

    const records = await buildRecords(withoutNulls, OPTIONS);

    expect(records).toEqual(EXPECTED);
  });
});
