import { describe, expect, it } from '@jest/globals';

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
  md5Multihash,
  uuidV3,
} from './__fixtures__/cmip6-fixtures.js';
import { buildRecords } from './build-records.js';
import type { RecordOptions } from './options.js';

const OPTIONS: RecordOptions = {
  prefix: PREFIX,
  landingPageUrl: `${LANDING_PAGE}/`,
  esgfLabel: ESGF_LABEL,
  now: () => NOW,
};

const DATASET_UUID = '3f0c9b6e-2a41-4d8e-9c57-b1e2a7d4c890';
const FILE0_UUID = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FILE1_UUID = 'c0ffee00-1234-4abc-9def-0123456789ab';
const CEDA = 'esgf.ceda.example';
const LLNL = 'esgf.llnl.example';
const NCI = 'esgf.nci.example';

const reference = (pid: string) => `hdl:${PREFIX}/${pid}`;
const landing = (pid: string) => `${LANDING_PAGE}/${PREFIX}/${pid}`;

describe('records of an item that carries its PIDs, replicas and a thumbnail', () => {
  const item = makeItem(
    {
      reference_file: {
        href: `https://${CEDA}/kerchunk/${ITEM_ID}.json`,
        'alternate:name': CEDA,
        published_on: '2021-04-15 09:30:00',
        alternate: {
          [LLNL]: {
            href: `https://${LLNL}/kerchunk/${ITEM_ID}.json`,
            published_on: '2021-05-01T12:00:00+02:00',
          },
        },
      },
      data0000: fileAsset(0, CEDA, {
        tracking_id: `hdl:21.14100/${FILE0_UUID}`,
        alternate: {
          [LLNL]: { href: fileUrl(LLNL, fileName(0)), 'alternate:name': LLNL },
          [NCI]: { href: fileUrl(NCI, fileName(0)) },
        },
      }),
      data0001: fileAsset(1, CEDA, { 'cmip6:tracking_id': FILE1_UUID.toUpperCase() }),
      thumbnail: { href: `https://${CEDA}/thumbnails/tos.png`, type: 'image/png' },
    },
    { pid: `hdl:21.14100/${DATASET_UUID}` },
  );
  const build = () => buildRecords(makeEvent(item, '2021-04-16T10:00:00.250'), OPTIONS);

  it('writes the dataset record field by field, in order', async () => {
    const { dataset } = await build();

    expect(dataset.handle).toBe(`${PREFIX}/${DATASET_UUID}`);
    expect(dataset.pidSource).toBe('event');
    expect(Object.entries(dataset.fields)).toEqual([
      ['URL', landing(DATASET_UUID)],
      ['ESGF', ESGF_LABEL],
      ['AGGREGATION_LEVEL', 'DATASET'],
      ['DATASET_ID', DATASET_ID],
      ['DATASET_VERSION', 'v20210415'],
      ['HAS_PARTS', [reference(FILE0_UUID), reference(FILE1_UUID)]],
      ['HOSTING_NODE', { host: CEDA, published_on: '2021-04-15T09:30:00Z' }],
      [
        'REPLICA_NODES',
        [
          { host: LLNL, published_on: '2021-05-01T10:00:00Z' },
          { host: NCI, published_on: '2021-04-15T09:30:00Z' },
        ],
      ],
    ]);
  });

  it('writes one record per file asset under its tracking id, the thumbnail excluded', async () => {
    const { files, warnings } = await build();

    expect(files.map((file) => [file.assetKey, file.handle, file.pidSource])).toEqual([
      ['data0000', `${PREFIX}/${FILE0_UUID}`, 'event'],
      ['data0001', `${PREFIX}/${FILE1_UUID}`, 'event'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('writes a file record with its replicas field by field, in order', async () => {
    const { files } = await build();

    expect(Object.entries(files[0].fields)).toEqual([
      ['URL', landing(FILE0_UUID)],
      ['ESGF', ESGF_LABEL],
      ['AGGREGATION_LEVEL', 'FILE'],
      ['FILE_NAME', fileName(0)],
      ['IS_PART_OF', reference(DATASET_UUID)],
      ['CHECKSUM', digestOf('sha256', fileName(0))],
      ['CHECKSUM_METHOD', 'sha2-256'],
      ['FILE_SIZE', 2_000_000],
      ['DOWNLOAD_URL', fileUrl(CEDA, fileName(0))],
      ['REPLICA_DOWNLOAD_URLS', [fileUrl(LLNL, fileName(0)), fileUrl(NCI, fileName(0))]],
    ]);
  });

  it('writes a file without replicas without REPLICA_DOWNLOAD_URLS', async () => {
    const { files } = await build();

    expect(files[1].fields).toEqual({
      URL: landing(FILE1_UUID),
      ESGF: ESGF_LABEL,
      AGGREGATION_LEVEL: 'FILE',
      FILE_NAME: fileName(1),
      IS_PART_OF: reference(DATASET_UUID),
      CHECKSUM: digestOf('sha256', fileName(1)),
      CHECKSUM_METHOD: 'sha2-256',
      FILE_SIZE: 2_000_001,
      DOWNLOAD_URL: fileUrl(CEDA, fileName(1)),
    });
  });
});

describe('records of an item without PIDs, with md5 checksums', () => {
  const DKRZ = 'esgf.dkrz.example';
  const item = makeItem({
    data0000: fileAsset(0, DKRZ, { 'file:checksum': md5Multihash(fileName(0)) }),
    data0001: fileAsset(1, DKRZ, { 'file:checksum': md5Multihash(fileName(1)) }),
    data0002: fileAsset(2, DKRZ),
  });
  const build = () => buildRecords(makeEvent(item, '2021-04-16T12:00:00+02:00'), OPTIONS);

  it('computes the dataset PID as UUID v3 of the item id', async () => {
    const { dataset } = await build();

    expect(dataset.pid).toBe(uuidV3(ITEM_ID));
    expect(dataset.pidSource).toBe('computed');
  });

  it('computes each file PID as UUID v3 of "<item id>#<asset key>" and lists them', async () => {
    const { dataset, files } = await build();
    const pids = ['data0000', 'data0001', 'data0002'].map((key) => uuidV3(`${ITEM_ID}#${key}`));

    expect(files.map((file) => file.pid)).toEqual(pids);
    expect(dataset.fields.HAS_PARTS).toEqual(pids.map(reference));
    expect(files.map((file) => file.fields.IS_PART_OF)).toEqual(
      pids.map(() => reference(uuidV3(ITEM_ID))),
    );
  });

  it('gives the same PIDs every time the same item is built', async () => {
    const first = await build();
    const second = await build();

    expect([second.dataset.pid, ...second.files.map((file) => file.pid)]).toEqual([
      first.dataset.pid,
      ...first.files.map((file) => file.pid),
    ]);
  });

  it('writes md5 checksums as method md5 and the bare digest', async () => {
    const { files } = await build();

    expect(files[0].fields).toMatchObject({
      CHECKSUM: digestOf('md5', fileName(0)),
      CHECKSUM_METHOD: 'md5',
    });
    expect(files[2].fields.CHECKSUM_METHOD).toBe('sha2-256');
  });

  it('writes the whole dataset record with computed references', async () => {
    const { dataset } = await build();
    const parts = ['data0000', 'data0001', 'data0002'].map((key) => uuidV3(`${ITEM_ID}#${key}`));

    expect(dataset.fields).toEqual({
      URL: landing(uuidV3(ITEM_ID)),
      ESGF: ESGF_LABEL,
      AGGREGATION_LEVEL: 'DATASET',
      DATASET_ID,
      DATASET_VERSION: 'v20210415',
      HAS_PARTS: parts.map(reference),
      HOSTING_NODE: { host: DKRZ, published_on: '2021-04-16T10:00:00Z' },
    });
  });

  it('writes the whole md5 file record', async () => {
    const { files } = await build();
    const pid = uuidV3(`${ITEM_ID}#data0001`);

    expect(files[1].fields).toEqual({
      URL: landing(pid),
      ESGF: ESGF_LABEL,
      AGGREGATION_LEVEL: 'FILE',
      FILE_NAME: fileName(1),
      IS_PART_OF: reference(uuidV3(ITEM_ID)),
      CHECKSUM: digestOf('md5', fileName(1)),
      CHECKSUM_METHOD: 'md5',
      FILE_SIZE: 2_000_001,
      DOWNLOAD_URL: fileUrl(DKRZ, fileName(1)),
    });
  });

  it('publishes the hosting node at the event time, in UTC, without replica nodes', async () => {
    const { dataset } = await build();

    expect(dataset.fields.HOSTING_NODE).toEqual({
      host: DKRZ,
      published_on: '2021-04-16T10:00:00Z',
    });
    expect(dataset.fields).not.toHaveProperty('REPLICA_NODES');
    expect(dataset.fields).not.toHaveProperty('RETRACTED_ON');
  });
});

describe('records of a file that only its alternates describe', () => {
  const ALT_A = 'esgf.a.example';
  const ALT_B = 'esgf.b.example';
  const name = fileName(0);
  const item = makeItem({
    data0000: {
      roles: ['data'],
      tracking_id: '',
      alternate: {
        [ALT_A]: {
          href: fileUrl(ALT_A, name),
          'file:size': 4242,
          'file:checksum': md5Multihash(name),
        },
        [ALT_B]: { href: fileUrl(ALT_B, name), 'file:size': 9999 },
      },
    },
  });
  const build = () => buildRecords(makeEvent(item), OPTIONS);

  it('takes DOWNLOAD_URL, size and checksum from the first alternate that has them', async () => {
    const { files } = await build();

    const pid = uuidV3(`${ITEM_ID}#data0000`);
    expect(files[0].fields).toEqual({
      URL: landing(pid),
      ESGF: ESGF_LABEL,
      AGGREGATION_LEVEL: 'FILE',
      FILE_NAME: name,
      IS_PART_OF: reference(uuidV3(ITEM_ID)),
      CHECKSUM: digestOf('md5', name),
      CHECKSUM_METHOD: 'md5',
      FILE_SIZE: 4242,
      DOWNLOAD_URL: fileUrl(ALT_A, name),
      REPLICA_DOWNLOAD_URLS: [fileUrl(ALT_A, name), fileUrl(ALT_B, name)],
    });
  });

  it('treats an empty tracking id as absent and computes the file PID', async () => {
    const { files } = await build();

    expect(files[0].pid).toBe(uuidV3(`${ITEM_ID}#data0000`));
  });

  it('names the hosting node "unknown" with a warning and lists the alternates as replicas', async () => {
    const { dataset, warnings } = await build();

    expect(dataset.fields.HOSTING_NODE).toEqual({
      host: 'unknown',
      published_on: NOW.toISOString(),
    });
    expect(dataset.fields.REPLICA_NODES).toEqual([
      { host: ALT_A, published_on: NOW.toISOString() },
      { host: ALT_B, published_on: NOW.toISOString() },
    ]);
    expect(warnings.map((warning) => warning.code)).toEqual(['UNKNOWN_HOSTING_NODE']);
  });
});
