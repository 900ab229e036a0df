import { describe, expect, it } from '@jest/globals';

import { uuidV3 } from './__fixtures__/cmip6-fixtures.js';
import {
  computeDatasetPid,
  computeFilePid,
  handleName,
  handleReference,
  splitDatasetId,
  splitItemId,
} from './identifiers.js';

const MRI_ID =
  'CMIP6.HighResMIP.MRI.MRI-AGCM3-2-H.highresSST-present.r1i1p1f1.6hrPlevPt.psl.gn.v20190820';

describe('computed PIDs', () => {
  it('gives a dataset the UUID v3 that ESGF publishers computed for the same item id', () => {
    expect(computeDatasetPid(MRI_ID)).toBe('b06058a6-1077-35cb-9500-1ccbd341d309');
  });

  it('agrees with UUID v3 computed by hand from md5 over namespace and name', () => {
    expect(computeDatasetPid(MRI_ID)).toBe(uuidV3(MRI_ID));
    expect(computeFilePid(MRI_ID, 'data0003')).toBe(uuidV3(`${MRI_ID}#data0003`));
  });

  it('gives every asset of one item its own PID', () => {
    const pids = ['data0000', 'data0001', 'reference_file'].map((key) =>
      computeFilePid(MRI_ID, key),
    );

    expect(new Set([...pids, computeDatasetPid(MRI_ID)]).size).toBe(4);
  });
});

describe('item ids and handles', () => {
  it('splits an item id into dataset id, version and facets', () => {
    const identity = splitItemId(MRI_ID);

    expect(identity).toEqual({
      itemId: MRI_ID,
      datasetId: MRI_ID.slice(0, -'.v20190820'.length),
      datasetVersion: 'v20190820',
    });
    expect(splitDatasetId(identity.datasetId)).toMatchObject({
      mip_era: 'CMIP6',
      source_id: 'MRI-AGCM3-2-H',
      variant_label: 'r1i1p1f1',
      grid_label: 'gn',
    });
  });

  it('names a handle <prefix>/<pid> and references it as hdl:<prefix>/<pid>', () => {
    expect(handleName('21.TEST', 'abc')).toBe('21.TEST/abc');
    expect(handleReference('21.TEST/abc')).toBe('hdl:21.TEST/abc');
  });
});
