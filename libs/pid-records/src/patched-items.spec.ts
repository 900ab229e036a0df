import { describe, expect, it } from '@jest/globals';
import { applyItemPatch, parseEvent, type ResolvedItemEvent } from '@piddi/stac-model';

import {
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

const fileReference = (key: string) => `hdl:${PREFIX}/${uuidV3(`${ITEM_ID}#${key}`)}`;

describe('records of a patched item', () => {
  it('marks the dataset retracted after an RFC 6902 patch, keeping every PID', async () => {
    const before = await buildRecords({ ...patchedEvent([]), item: CURRENT_ITEM }, OPTIONS);
    const after = await buildRecords(
      patchedEvent([{ op: 'add', path: '/properties/retracted', value: true }]),
      OPTIONS,
    );

    expect(after.dataset.fields.RETRACTED_ON).toBe(`${PATCH_TIME}Z`);
    expect(after.dataset.handle).toBe(`${PREFIX}/${uuidV3(ITEM_ID)}`);
    expect(after.dataset.fields.HAS_PARTS).toEqual(before.dataset.fields.HAS_PARTS);
    expect(after.files.map((file) => file.fields)).toEqual(before.files.map((file) => file.fields));
  });

  it('adds the new replica after a wrapped operations patch', async () => {
    const replica = { href: fileUrl(NCI, fileName(0)), 'alternate:name': NCI };
    const { dataset, files } = await buildRecords(
      patchedEvent({
        operations: [{ op: 'add', path: `/assets/data0000/alternate/${NCI}`, value: replica }],
      }),
      OPTIONS,
    );

    expect(files[0].fields.REPLICA_DOWNLOAD_URLS).toEqual([
      fileUrl(LLNL, fileName(0)),
      fileUrl(NCI, fileName(0)),
    ]);
    expect(dataset.fields.REPLICA_NODES).toEqual([
      { host: LLNL, published_on: `${PATCH_TIME}Z` },
      { host: NCI, published_on: `${PATCH_TIME}Z` },
    ]);
    expect(dataset.fields).not.toHaveProperty('RETRACTED_ON');
  });

  it('follows a merge patch that retracts, replaces a checksum and removes an asset', async () => {
    const { dataset, files } = await buildRecords(
      patchedEvent({
        properties: { retracted: 'yes' },
        assets: { data0001: { 'file:checksum': md5Multihash(fileName(1)) }, data0002: null },
      }),
      OPTIONS,
    );

    expect(dataset.fields.RETRACTED_ON).toBe(`${PATCH_TIME}Z`);
    expect(dataset.fields.HAS_PARTS).toEqual([
      fileReference('data0000'),
      fileReference('data0001'),
    ]);
    expect(files[1].fields).toMatchObject({
      CHECKSUM: digestOf('md5', fileName(1)),
      CHECKSUM_METHOD: 'md5',
      FILE_SIZE: 2_000_001,
    });
  });
});
