import { describe, expect, it } from '@jest/globals';

import {
  ITEM_ID,
  LANDING_PAGE,
  NOW,
  PREFIX,
  fileAsset,
  makeEvent,
  makeItem,
} from '../__fixtures__/cmip6-fixtures.js';
import { buildRecords } from '../build-records.js';
import type { RecordSet } from '../types.js';
import { getRecordPlugin, listRecordPlugins, registerRecordPlugin } from './plugin-registry.js';
import type { RecordPlugin } from './record-plugin.js';

describe('record plugin registry', () => {
  it('knows the cmip6 plugin by name, and it builds CMIP6 records', async () => {
    const event = makeEvent(makeItem({ data0000: fileAsset(0, 'esgf.example') }));
    const options = { prefix: PREFIX, landingPageUrl: LANDING_PAGE, now: () => NOW };

    const records = await getRecordPlugin('cmip6').buildRecords(event, options);

    expect(records).toEqual(await buildRecords(event, options));
    expect(records.dataset.itemId).toBe(ITEM_ID);
  });

  it('refuses an unknown name with UNKNOWN_PLUGIN, naming the known plugins', () => {
    expect(() => getRecordPlugin('cordex')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PLUGIN' }),
    );
    expect(() => getRecordPlugin('cordex')).toThrow(/cmip6/);
  });

  it('serves a second plugin by its name once registered', async () => {
    const empty: RecordSet = { dataset: {} as RecordSet['dataset'], files: [], warnings: [] };
    const plugin: RecordPlugin = { name: 'registry-test', buildRecords: async () => empty };

    registerRecordPlugin(plugin);
    registerRecordPlugin(plugin);

    expect(getRecordPlugin('registry-test')).toBe(plugin);
    expect(listRecordPlugins()).toEqual(expect.arrayContaining(['cmip6', 'registry-test']));
  });

  it('refuses a different plugin under a name already taken', () => {
    const impostor: RecordPlugin = {
      name: 'cmip6',
      buildRecords: getRecordPlugin('cmip6').buildRecords,
    };

    expect(() => registerRecordPlugin(impostor)).toThrow(
      expect.objectContaining({ code: 'PLUGIN_ALREADY_REGISTERED' }),
    );
  });
});
