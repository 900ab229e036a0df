import { describe, expect, it } from '@jest/globals';
import TOML from '@iarna/toml';

import {
  createVersionLookup,
  recordOptionsFromConfig,
  type RecordConfigSections,
} from './config.js';
import { ElasticsearchVersionLookup } from './lookup/elasticsearch-version-lookup.js';
import { StacVersionLookup } from './lookup/stac-version-lookup.js';
import { DisabledVersionLookup } from './lookup/version-lookup.js';
import { resolveRecordOptions } from './options.js';

// The sections as the CLI's built-in configuration writes them.
const DEFAULTS = `
[handle]
prefix = "21.TEST"
[schema]
strict_mode = false
[lookup]
backend = "disabled"
[stac]
base_url = ""
[elasticsearch]
url = ""
index = "handles"
[plugins.cmip6]
landing_page_url = "https://handle-esgf.dkrz.de/lp"
esgf_label = "ESGF2 TEST"
max_parts = -1
excluded_asset_keys = ["reference_file", "globus", "thumbnail", "quicklook"]
`;

function sections(...overrides: string[]): RecordConfigSections {
  return TOML.parse([DEFAULTS, ...overrides].join('\n')) as unknown as RecordConfigSections;
}

describe('recordOptionsFromConfig', () => {
  it('maps the snake_case keys of the configuration to record options', () => {
    const options = resolveRecordOptions(recordOptionsFromConfig(sections()));

    expect(options).toMatchObject({
      prefix: '21.TEST',
      strictMode: false,
      landingPageUrl: 'https://handle-esgf.dkrz.de/lp',
      esgfLabel: 'ESGF2 TEST',
      maxParts: -1,
      excludedAssetKeys: ['reference_file', 'globus', 'thumbnail', 'quicklook'],
      acceptLegacyMd5: true,
    });
    expect(options.versionLookup).toBeInstanceOf(DisabledVersionLookup);
  });

  it('takes changed values from the sections', () => {
    const raw = TOML.parse(DEFAULTS) as unknown as RecordConfigSections & {
      plugins: { cmip6: Record<string, unknown> };
    };
    raw.schema = { strict_mode: true };
    raw.plugins.cmip6 = { ...raw.plugins.cmip6, max_parts: 5, excluded_asset_keys: ['globus'] };
    raw.plugins.cmip6.accept_legacy_md5 = false;

    expect(recordOptionsFromConfig(raw)).toMatchObject({
      strictMode: true,
      maxParts: 5,
      excludedAssetKeys: ['globus'],
      acceptLegacyMd5: false,
    });
  });

  it('applies the built-in defaults for keys the sections leave out', () => {
    const minimal = {
      handle: { prefix: '21.T1' },
      plugins: { cmip6: { landing_page_url: 'https://lp.example' } },
    };

    expect(resolveRecordOptions(recordOptionsFromConfig(minimal))).toMatchObject({
      esgfLabel: 'ESGF2 TEST',
      maxParts: -1,
      strictMode: false,
      excludedAssetKeys: ['reference_file', 'globus', 'thumbnail', 'quicklook'],
    });
  });

  it.each([
    [
      'a max_parts that is text',
      { plugins: { cmip6: { landing_page_url: 'https://lp.example', max_parts: 'all' } } },
    ],
    ['a strict_mode that is text', { schema: { strict_mode: 'yes' } }],
    [
      'excluded keys that are not a list',
      {
        plugins: {
          cmip6: { landing_page_url: 'https://lp.example', excluded_asset_keys: 'globus' },
        },
      },
    ],
    ['a missing prefix', { handle: {} }],
    ['a landing page that is no URL', { plugins: { cmip6: { landing_page_url: 'handle-esgf' } } }],
    [
      'a max_parts below -1',
      { plugins: { cmip6: { landing_page_url: 'https://lp.example', max_parts: -2 } } },
    ],
  ])('refuses %s with INVALID_OPTIONS', (_, override) => {
    const config = { ...sections(), ...override } as RecordConfigSections;

    expect(() => recordOptionsFromConfig(config)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});

describe('createVersionLookup', () => {
  it('creates the STAC lookup for backend "stac" with [stac].base_url', () => {
    const config = sections();
    config.lookup = { backend: 'stac' };
    config.stac = { base_url: 'https://stac.example.org' };

    expect(createVersionLookup(config)).toBeInstanceOf(StacVersionLookup);
  });

  it('creates the Elasticsearch lookup for backend "elasticsearch" with [elasticsearch].url', () => {
    const config = sections();
    config.lookup = { backend: 'elasticsearch' };
    config.elasticsearch = { url: 'https://es.example.org:9200', index: 'handles' };

    expect(createVersionLookup(config)).toBeInstanceOf(ElasticsearchVersionLookup);
  });

  it('refuses an unknown [stac].search_syntax with INVALID_OPTIONS naming the key', () => {
    const config = sections();
    config.lookup = { backend: 'stac' };
    config.stac = { base_url: 'https://stac.example.org', search_syntax: 'cql2-text' };

    expect(() => createVersionLookup(config)).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        message: expect.stringContaining('[stac].search_syntax'),
      }),
    );
  });

  it('refuses an [elasticsearch].keyword_suffix that is no string with INVALID_OPTIONS', () => {
    const config = sections();
    config.lookup = { backend: 'elasticsearch' };
    config.elasticsearch = { url: 'https://es.example.org:9200', keyword_suffix: false };

    expect(() => createVersionLookup(config)).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        message: expect.stringContaining('keyword_suffix'),
      }),
    );
  });

  it.each([
    ['an unknown backend', { backend: 'solr' }],
    ['backend "stac" without [stac].base_url', { backend: 'stac' }],
    ['backend "elasticsearch" without [elasticsearch].url', { backend: 'elasticsearch' }],
  ])('refuses %s with INVALID_OPTIONS', (_, lookup) => {
    const config = { ...sections(), lookup };

    expect(() => createVersionLookup(config)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});
