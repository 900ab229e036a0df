import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describeWithSamples, SAMPLE_EVENTS_DIR } from '@piddi/testing';
import { parseEvent, type ResolvedItemEvent, type StacItem } from '@piddi/stac-model';

import { uuidV3 } from './__fixtures__/cmip6-fixtures.js';
import { buildRecords } from './build-records.js';
import type { RecordOptions } from './options.js';

const MRI_ID =
  'CMIP6.HighResMIP.MRI.MRI-AGCM3-2-H.highresSST-present.r1i1p1f1.6hrPlevPt.psl.gn.v20190820';
const IPSL_ID = 'CMIP6.ScenarioMIP.IPSL.IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.gr.v20190119';
const OPTIONS: RecordOptions = {
  prefix: '21.TEST',
  landingPageUrl: 'https://handle-esgf.dkrz.de/lp',
  now: () => new Date('2030-01-01T00:00:00Z'),
};

function readRaw(folder: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SAMPLE_EVENTS_DIR, folder, file), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** A valid sample read the way the consumer reads it. */
function readValidSample(itemId: string): ResolvedItemEvent {
  const event = parseEvent(readRaw('CMIP6', `${itemId}.json`), { assets: 'lenient' });
  if (event.method === 'PATCH') throw new Error('the valid samples are POST events');
  return {
    method: event.method,
    collectionId: event.collectionId,
    metadata: event.metadata,
    item: event.item,
  };
}

/** An invalid sample taken straight from its payload, past the event schema. */
function readInvalidSample(file: string): ResolvedItemEvent {
  const raw = readRaw('CMIP6_invalid', file) as {
    data: { payload: { collection_id: string; item: StacItem } };
    metadata: ResolvedItemEvent['metadata'];
  };
  const { collection_id: collectionId, item } = raw.data.payload;
  return { method: 'POST', collectionId, metadata: raw.metadata, item };
}

describeWithSamples(describe, 'records of the MRI reference sample', () => {
  const event = () => readValidSample(MRI_ID);

  it('registers the dataset under the PID the item carries', async () => {
    const { dataset } = await buildRecords(event(), OPTIONS);

    expect(dataset.handle).toBe('21.TEST/b06058a6-1077-35cb-9500-1ccbd341d309');
    expect(dataset.pidSource).toBe('event');
  });

  it('registers its seven data files under computed PIDs, listed in HAS_PARTS in asset order', async () => {
    const { dataset, files, warnings } = await buildRecords(event(), OPTIONS);
    const keys = Object.keys(event().item.assets);

    expect(files.map((file) => file.pid)).toEqual(keys.map((key) => uuidV3(`${MRI_ID}#${key}`)));
    expect(dataset.fields.HAS_PARTS).toEqual(files.map((file) => `hdl:${file.handle}`));
    expect(warnings).toEqual([]);
  });

  it('publishes the hosting node at the event time and writes sha2-256 checksums', async () => {
    const { dataset, files } = await buildRecords(event(), OPTIONS);
    const asset = event().item.assets.data0000;

    expect(dataset.fields.HOSTING_NODE).toEqual({
      host: 'esgf-data03.diasjp.net',
      published_on: '2025-08-05T11:35:48.537252Z',
    });
    expect(files[0].fields).toMatchObject({
      CHECKSUM_METHOD: 'sha2-256',
      CHECKSUM: asset['file:checksum']?.slice(4),
      FILE_SIZE: asset['file:size'],
      FILE_NAME:
        'psl_6hrPlevPt_MRI-AGCM3-2-H_highresSST-present_r1i1p1f1_gn_195001010000-195912311800.nc',
    });
  });
});

describeWithSamples(describe, 'records of the IPSL reference sample', () => {
  const event = () => readValidSample(IPSL_ID);

  it('computes the dataset PID and registers data0001 but not the reference file', async () => {
    const { dataset, files } = await buildRecords(event(), OPTIONS);

    expect(dataset.pid).toBe(uuidV3(IPSL_ID));
    expect(files.map((file) => [file.assetKey, file.pid])).toEqual([
      ['data0001', uuidV3(`${IPSL_ID}#data0001`)],
    ]);
  });

  it('takes the hosting node from the reference file', async () => {
    const { dataset } = await buildRecords(event(), OPTIONS);

    expect(dataset.fields.HOSTING_NODE).toEqual({
      host: 'ceda.ac.uk',
      published_on: '2025-08-01T15:15:12.441125Z',
    });
  });

  it('reads the one-byte md5 checksum as md5, with a warning', async () => {
    const { files, warnings } = await buildRecords(event(), OPTIONS);

    expect(files[0].fields).toMatchObject({
      CHECKSUM: '0b2f08a46b0e10979560480e85db777e',
      CHECKSUM_METHOD: 'md5',
      FILE_SIZE: 67953667,
    });
    expect(warnings.map((warning) => warning.code)).toEqual(['NON_CANONICAL_CHECKSUM']);
  });
});

describeWithSamples(describe, 'records of the invalid reference samples', () => {
  it('refuses the dataset whose pid is the number 5.4 as INVALID_PID', async () => {
    const event = readInvalidSample(
      'CMIP6.ScenarioMIP.DKRZ.MPI-ESM1-2-HR.ssp126.r1i1p1f1.Eyr.baresoilFrac.gn.v20190710.json',
    );

    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({ code: 'INVALID_PID' });
  });

  it('refuses the dataset whose only file lacks its size: INVALID_FILE strict, NO_FILES lenient', async () => {
    const event = readInvalidSample(`${IPSL_ID}_missing_file_size.json`);

    await expect(buildRecords(event, { ...OPTIONS, strictMode: true })).rejects.toMatchObject({
      code: 'INVALID_FILE',
      assetKey: 'data0001',
    });
    await expect(buildRecords(event, OPTIONS)).rejects.toMatchObject({ code: 'NO_FILES' });
  });
});
