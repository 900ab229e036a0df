import { describe, expect, it } from '@jest/globals';

import { parseVersionNumber, selectPreviousVersion } from './version-order.js';

const versions = (...names: string[]) =>
  names.map((datasetVersion) => ({ datasetVersion, handle: `21.TEST/${datasetVersion}` }));

describe('selectPreviousVersion', () => {
  it('picks the newest version older than the current one', () => {
    const candidates = versions('v20180101', 'v20200101', 'v20190601', 'v20210101');

    expect(selectPreviousVersion('v20200615', candidates)?.datasetVersion).toBe('v20200101');
  });

  it('never picks the current version itself or a newer one', () => {
    expect(selectPreviousVersion('v20200101', versions('v20200101', 'v20210101'))).toBeUndefined();
  });

  it('orders versions by number, not by text', () => {
    expect(selectPreviousVersion('v10', versions('v2', 'v9', 'v11'))?.datasetVersion).toBe('v9');
  });

  it('ignores versions that are not numbers', () => {
    expect(selectPreviousVersion('v20200101', versions('latest', 'v2019-01-01'))).toBeUndefined();
  });

  it('finds nothing when the current version is not a number', () => {
    expect(selectPreviousVersion('latest', versions('v20180101'))).toBeUndefined();
  });
});

describe('parseVersionNumber', () => {
  it.each([
    ['v20190119', 20190119],
    ['20190119', 20190119],
    ['V3', 3],
    ['v2019.01', undefined],
    ['', undefined],
  ])('reads %p as %p', (version, expected) => {
    expect(parseVersionNumber(version)).toBe(expected);
  });
});
