import { describe, expect, it } from '@jest/globals';

import type { StacAsset } from '@piddi/stac-model';

import {
  ITEM_ID,
  LANDING_PAGE,
  PREFIX,
  digestOf,
  fileAsset,
  fileName,
  makeEvent,
  makeItem,
  uuidV3,
} from './__fixtures__/cmip6-fixtures.js';
import { buildRecords } from './build-records.js';
import { InvalidFileError, RecordError } from './errors.js';

const HOST = 'esgf.validation.example';
const DATASET_UUID = '0d7c5e8a-1b2c-4d3e-8f4a-5b6c7d8e9f00';
const OPTIONS = { prefix: PREFIX, landingPageUrl: LANDING_PAGE };

// Each case replaces data0001 of an otherwise valid two-file item.
const INVALID_FILES: [string, StacAsset][] = [
  ['has no href anywhere', withoutKey(fileAsset(1, HOST), 'href')],
  ['has an href that is null and no alternate', fileAsset(1, HOST, { href: null })],
  ['has an href that is not a URL', fileAsset(1, HOST, { href: 'tos_1960.nc' })],
  ['has an ftp href', fileAsset(1, HOST, { href: `ftp://${HOST}/data/${fileName(1)}` })],
  ['has an href without a file name', fileAsset(1, HOST, { href: `https://${HOST}/data/` })],
  ['has no size', withoutKey(fileAsset(1, HOST), 'file:size')],
  ['has size 0', fileAsset(1, HOST, { 'file:size': 0 })],
  ['has a negative size', fileAsset(1, HOST, { 'file:size': -12 })],
  ['has a fractional size', fileAsset(1, HOST, { 'file:size': 12.5 })],
  ['has a size that is not a number', fileAsset(1, HOST, { 'file:size': 'large' as never })],
  ['has no checksum', withoutKey(fileAsset(1, HOST), 'file:checksum')],
  ['has a checksum that is not hex', fileAsset(1, HOST, { 'file:checksum': 'sha256:abcdef' })],
  [
    'has a checksum with an unknown code',
    fileAsset(1, HOST, { 'file:checksum': `f00120${'ab'.repeat(32)}` }),
  ],
  [
    'has a checksum whose digest is cut short',
    fileAsset(1, HOST, { 'file:checksum': `1220${'ab'.repeat(31)}` }),
  ],
  [
    'has a sha2-384 checksum, not an allowed method',
    fileAsset(1, HOST, { 'file:checksum': `2030${'cd'.repeat(48)}` }),
  ],
  [
    'has a tracking id that is not a UUID',
    fileAsset(1, HOST, { tracking_id: 'hdl:21.14100/12345' }),
  ],
  [
    'has the tracking id of the first file',
    fileAsset(1, HOST, { tracking_id: 'b1f5c0de-0000-4000-8000-00000000a001' }),
  ],
  ['has the PID of the dataset', fileAsset(1, HOST, { tracking_id: DATASET_UUID })],
  ['is not an object', 'data0001.nc' as never],
];

function withoutKey(asset: StacAsset, key: string): StacAsset {
  return Object.fromEntries(Object.entries(asset).filter(([name]) => name !== key));
}

function eventWith(second: StacAsset) {
  const first = fileAsset(0, HOST, { tracking_id: 'b1f5c0de-0000-4000-8000-00000000a001' });
  return makeEvent(makeItem({ data0000: first, data0001: second }, { pid: DATASET_UUID }));
}

describe.each(INVALID_FILES)('a file that %s', (_, asset) => {
  it('makes the whole event invalid in strict mode', async () => {
    const failure = buildRecords(eventWith(asset), { ...OPTIONS, strictMode: true });

    await expect(failure).rejects.toBeInstanceOf(InvalidFileError);
    await expect(failure).rejects.toMatchObject({
      code: 'INVALID_FILE',
      itemId: ITEM_ID,
      assetKey: 'data0001',
      retriable: false,
    });
  });

  it('is left out of the records and of HAS_PARTS with a warning in lenient mode', async () => {
    const { dataset, files, warnings } = await buildRecords(eventWith(asset), OPTIONS);

    expect(files.map((file) => file.assetKey)).toEqual(['data0000']);
    expect(dataset.fields.HAS_PARTS).toEqual([`hdl:${files[0].handle}`]);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'INVALID_FILE_SKIPPED',
        itemId: ITEM_ID,
        assetKey: 'data0001',
      }),
    );
  });
});

describe('file validation', () => {
  it.each(['tracking_id', 'cmip6:tracking_id', 'alternate:name', 'published_on'])(
    'registers a file whose %s is null in strict mode, under the computed PID',
    async (field) => {
      const { files } = await buildRecords(eventWith(fileAsset(1, HOST, { [field]: null })), {
        ...OPTIONS,
        strictMode: true,
      });

      expect(files.map((file) => [file.assetKey, file.pid, file.pidSource])).toEqual([
        ['data0000', 'b1f5c0de-0000-4000-8000-00000000a001', 'event'],
        ['data0001', uuidV3(`${ITEM_ID}#data0001`), 'computed'],
      ]);
    },
  );

  it('lists every problem of an invalid file', async () => {
    const asset = withoutKey(fileAsset(1, HOST, { 'file:size': 0 }), 'file:checksum');
    const failure = buildRecords(eventWith(asset), { ...OPTIONS, strictMode: true });

    await expect(failure).rejects.toMatchObject({
      problems: [expect.any(String), expect.any(String)],
    });
  });

  it('accepts a size written as a digit string', async () => {
    const { files } = await buildRecords(
      eventWith(fileAsset(1, HOST, { 'file:size': '2048' as never })),
      OPTIONS,
    );

    expect(files[1].fields.FILE_SIZE).toBe(2048);
  });

  it('reads a legacy one-byte md5 checksum as md5 with a warning', async () => {
    const legacy = `d510${digestOf('md5', fileName(1))}`;
    const { files, warnings } = await buildRecords(
      eventWith(fileAsset(1, HOST, { 'file:checksum': legacy })),
      OPTIONS,
    );

    expect(files[1].fields).toMatchObject({
      CHECKSUM: digestOf('md5', fileName(1)),
      CHECKSUM_METHOD: 'md5',
    });
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: 'NON_CANONICAL_CHECKSUM', assetKey: 'data0001' }),
    );
  });

  it('refuses a legacy md5 checksum when acceptLegacyMd5 is off', async () => {
    const legacy = `d510${digestOf('md5', fileName(1))}`;
    const options = { ...OPTIONS, strictMode: true, acceptLegacyMd5: false };

    await expect(
      buildRecords(eventWith(fileAsset(1, HOST, { 'file:checksum': legacy })), options),
    ).rejects.toMatchObject({
      code: 'INVALID_FILE',
    });
  });

  it('leaves a replica href that is not a URL out of REPLICA_DOWNLOAD_URLS with a warning', async () => {
    const alternate = {
      good: { href: `https://mirror.example/${fileName(1)}` },
      bad: { href: 'mirror:/x.nc' },
    };
    const { files, warnings } = await buildRecords(
      eventWith(fileAsset(1, HOST, { alternate })),
      OPTIONS,
    );

    expect(files[1].fields.REPLICA_DOWNLOAD_URLS).toEqual([
      `https://mirror.example/${fileName(1)}`,
    ]);
    expect(warnings.map((warning) => warning.code)).toEqual(['INVALID_REPLICA_URL']);
  });

  it('reports invalid files as RecordErrors that are not retriable', async () => {
    const failure = buildRecords(eventWith(withoutKey(fileAsset(1, HOST), 'href')), {
      ...OPTIONS,
      strictMode: true,
    });

    await expect(failure).rejects.toBeInstanceOf(RecordError);
    await expect(failure).rejects.toMatchObject({ retriable: false });
  });
});
