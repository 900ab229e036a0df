import { describe, expect, it } from '@jest/globals';
import { applyItemPatch, parseEvent, type ResolvedItemEvent } from '@piddi/stac-model';

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
  makeItem,
  md5Multihash,
  uuidV3,
} from './__fixtures__/cmip6-fixtures.js';
import { buildRecords } from './build-records.js';
import type { DatasetRecord, FileRecord, RecordFields } from './types.js';

const CEDA = 'esgf.ceda.example';
const LLNL = 'esgf.llnl.example';
const NCI = 'esgf.nci.example';
const PATCH_TIME = '2023-09-01T08:00:00';
const OPTIONS = { prefix: PREFIX, landingPageUrl: LANDING_PAGE, now: () => NOW };

// The item as the STAC API holds it before the patch.
const CURRENT_ITEM = makeItem({
  data0000: fileAsset(0, CEDA, {
    alternate: { [LLNL]: { href: fileUrl(LLNL, fileName(0)), 'alternate:name': LLNL } },
  }),
  data0001: fileAsset(1, CEDA),
  data0002: fileAsset(2, CEDA),
});

/** Reads a PATCH message as it arrives, applies it to the current item, like the consumer. */
function patchedEvent(patch: unknown): ResolvedItemEvent {
  const message = {
    data: {
      type: 'STAC',
      payload: { collection_id: 'CMIP6', method: 'PATCH', item_id: ITEM_ID, patch },
    },
    metadata: { time: PATCH_TIME, event_id: 'patch-event' },
  };
  const event = parseEvent(message);
  if (event.method !== 'PATCH') throw new Error('the message is not read as a PATCH');

  const item = applyItemPatch(CURRENT_ITEM, event.patch, { collectionId: 'CMIP6' });
  return { method: 'PATCH', collectionId: event.collectionId, metadata: event.metadata, item };
}

const DATASET_PID = uuidV3(ITEM_ID);
const PUBLISHED = `${PATCH_TIME}Z`;
const filePid = (key: string) => uuidV3(`${ITEM_ID}#${key}`);
const fileReference = (key: string) => `hdl:${PREFIX}/${filePid(key)}`;

/** The record of file `data000<position>` on CEDA, written out, with `changes` to its fields. */
function fileRecord(position: number, changes: RecordFields = {}): FileRecord {
  const key = `data000${position}`;
  return {
    aggregationLevel: 'FILE',
    handle: `${PREFIX}/${filePid(key)}`,
    pid: filePid(key),
    pidSource: 'computed',
    itemId: ITEM_ID,
    assetKey: key,
    fields: {
      URL: `${LANDING_PAGE}/${PREFIX}/${filePid(key)}`,
      ESGF: 'ESGF2 TEST',
      AGGREGATION_LEVEL: 'FILE',
      FILE_NAME: fileName(position),
      IS_PART_OF: `hdl:${PREFIX}/${DATASET_PID}`,
      CHECKSUM: digestOf('sha256', fileName(position)),
      CHECKSUM_METHOD: 'sha2-256',
      FILE_SIZE: 2_000_000 + position,
      DOWNLOAD_URL: fileUrl(CEDA, fileName(position)),
      ...changes,
    },
  };
}

/** The dataset record of the patched item, with `changes` to its fields. */
function datasetRecord(changes: RecordFields = {}): DatasetRecord {
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
      HAS_PARTS: [fileReference('data0000'), fileReference('data0001'), fileReference('data0002')],
      HOSTING_NODE: { host: CEDA, published_on: PUBLISHED },
      REPLICA_NODES: [{ host: LLNL, published_on: PUBLISHED }],
      ...changes,
    },
  };
}

const LLNL_REPLICA = { REPLICA_DOWNLOAD_URLS: [fileUrl(LLNL, fileName(0))] };

describe('records of a patched item', () => {
  it('marks the dataset retracted after an RFC 6902 patch, keeping every PID', async () => {
    const records = await buildRecords(
      patchedEvent([{ op: 'add', path: '/properties/retracted', value: true }]),
      OPTIONS,
    );

    expect(records).toEqual({
      dataset: datasetRecord({ RETRACTED_ON: PUBLISHED }),
      files: [fileRecord(0, LLNL_REPLICA), fileRecord(1), fileRecord(2)],
      warnings: [],
    });
  });

  it('adds the new replica after a wrapped operations patch', async () => {
    const replica = { href: fileUrl(NCI, fileName(0)), 'alternate:name': NCI };
    const records = await buildRecords(
      patchedEvent({
        operations: [{ op: 'add', path: `/assets/data0000/alternate/${NCI}`, value: replica }],
      }),
      OPTIONS,
    );

    const replicaUrls = [fileUrl(LLNL, fileName(0)), fileUrl(NCI, fileName(0))];
    expect(records).toEqual({
      dataset: datasetRecord({
        REPLICA_NODES: [
          { host: LLNL, published_on: PUBLISHED },
          { host: NCI, published_on: PUBLISHED },
        ],
      }),
      files: [fileRecord(0, { REPLICA_DOWNLOAD_URLS: replicaUrls }), fileRecord(1), fileRecord(2)],
      warnings: [],
    });
  });

  it('follows a merge patch that retracts, replaces a checksum and removes an asset', async () => {
    const records = await buildRecords(
      patchedEvent({
        properties: { retracted: 'yes' },
        assets: { data0001: { 'file:checksum': md5Multihash(fileName(1)) }, data0002: null },
      }),
      OPTIONS,
    );

    const md5 = { CHECKSUM: digestOf('md5', fileName(1)), CHECKSUM_METHOD: 'md5' };
    expect(records).toEqual({
      dataset: datasetRecord({
        HAS_PARTS: [fileReference('data0000'), fileReference('data0001')],
        RETRACTED_ON: PUBLISHED,
      }),
      files: [fileRecord(0, LLNL_REPLICA), fileRecord(1, md5)],
      warnings: [],
    });
  });
});
