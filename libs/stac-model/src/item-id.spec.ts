import { describe, expect, it } from '@jest/globals';

import { isCmip6Collection, parseCmip6ItemId } from './item-id.js';

describe('parseCmip6ItemId', () => {
  it('splits the dataset id from the version', () => {
    expect(
      parseCmip6ItemId('CMIP6.ScenarioMIP.IPSL.IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.gr.v20190119'),
    ).toEqual({
      datasetId: 'CMIP6.ScenarioMIP.IPSL.IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.gr',
      datasetVersion: 'v20190119',
    });
  });

  it.each([
    ['nine parts', 'CMIP6.ScenarioMIP.IPSL.IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.v20190119'],
    [
      'no v before the version',
      'CMIP6.ScenarioMIP.IPSL.IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.gr.20190119',
    ],
    ['a named version', 'CMIP6.ScenarioMIP.IPSL.IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.gr.vlatest'],
    ['an empty part', 'CMIP6.ScenarioMIP..IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.gr.v20190119'],
  ])('refuses an id with %s', (_reason, itemId) => {
    expect(parseCmip6ItemId(itemId)).toBeUndefined();
  });
});

describe('isCmip6Collection', () => {
  it.each([
    ['CMIP6', true],
    ['cmip6', true],
    ['CMIP6Plus', false],
    ['CORDEX', false],
  ])('says %s is %s', (collectionId, expected) => {
    expect(isCmip6Collection(collectionId)).toBe(expected);
  });
});
