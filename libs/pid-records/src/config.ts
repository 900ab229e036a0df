import { StacApiClient } from '@piddi/stac-model';

import { SectionReader, type ConfigSection } from './config-values.js';
import { InvalidRecordOptionsError } from './errors.js';
import type { RecordLogger } from './logger.js';
import { ElasticsearchVersionLookup } from './lookup/elasticsearch-version-lookup.js';
import {
  StacVersionLookup,
  type StacItemSearch,
  type StacSearchSyntax,
} from './lookup/stac-version-lookup.js';
import { DisabledVersionLookup, type VersionLookup } from './lookup/version-lookup.js';
import {
  DEFAULT_ESGF_LABEL,
  DEFAULT_EXCLUDED_ASSET_KEYS,
  resolveRecordOptions,
  type RecordOptions,
} from './options.js';

/** The configuration sections records depend on, with their TOML (snake_case) keys. */
export interface RecordConfigSections {
  handle?: ConfigSection;
  schema?: ConfigSection;
  lookup?: ConfigSection;
  stac?: ConfigSection;
  elasticsearch?: ConfigSection;
  plugins?: ConfigSection;
}

/** What the caller already has and the records should share. */
export interface RecordConfigDependencies {
  /** Plugin whose `[plugins.<name>]` section applies. @default 'cmip6' */
  plugin?: string;
  /** A STAC client to reuse for `lookup.backend = "stac"`; else one is made from `[stac]`. */
  stacClient?: StacItemSearch;
  logger?: RecordLogger;
  now?: () => Date;
}

/**
 * Record options from configuration: `[handle].prefix`, `[schema].strict_mode`, the plugin's
 * `landing_page_url`, `esgf_label`, `max_parts`, `excluded_asset_keys` and `accept_legacy_md5`,
 * and the version lookup of `[lookup].backend`. Missing keys take the built-in defaults;
 * wrong values throw `InvalidRecordOptionsError` naming the key.
 */
export function recordOptionsFromConfig(
  sections: RecordConfigSections,
  dependencies: RecordConfigDependencies = {},
): RecordOptions {
  const pluginName = dependencies.plugin ?? 'cmip6';
  const plugin = new SectionReader(`plugins.${pluginName}`, pluginSection(sections, pluginName));

  const options: RecordOptions = {
    prefix: new SectionReader('handle', sections.handle).string('prefix', ''),
    strictMode: new SectionReader('schema', sections.schema).boolean('strict_mode', false),
    landingPageUrl: plugin.string('landing_page_url', ''),
    esgfLabel: plugin.string('esgf_label', DEFAULT_ESGF_LABEL),
    maxParts: plugin.integer('max_parts', -1),
    excludedAssetKeys: plugin.strings('excluded_asset_keys', DEFAULT_EXCLUDED_ASSET_KEYS),
    acceptLegacyMd5: plugin.boolean('accept_legacy_md5', true),
    versionLookup: createVersionLookup(sections, dependencies),
    ...(dependencies.logger ? { logger: dependencies.logger } : {}),
    ...(dependencies.now ? { now: dependencies.now } : {}),
  };

  resolveRecordOptions(options);
  return options;
}

/** The lookup `[lookup].backend` names: `disabled`, `stac` or `elasticsearch`. */
export function createVersionLookup(
  sections: RecordConfigSections,
  dependencies: RecordConfigDependencies = {},
): VersionLookup {
  const backend = new SectionReader('lookup', sections.lookup).string('backend', 'disabled');
  const logger = dependencies.logger;

  if (backend === 'disabled') return new DisabledVersionLookup();
  if (backend === 'stac') {
    const client = dependencies.stacClient ?? createStacClient(sections.stac, logger);
    const searchSyntax = readSearchSyntax(sections.stac);
    return new StacVersionLookup({ client, searchSyntax, ...(logger ? { logger } : {}) });
  }
  if (backend === 'elasticsearch') return createElasticsearchLookup(sections.elasticsearch, logger);

  throw new InvalidRecordOptionsError(
    `[lookup].backend "${backend}" is unknown; use "disabled", "stac" or "elasticsearch"`,
  );
}

function createStacClient(section: ConfigSection | undefined, logger?: RecordLogger) {
  const stac = new SectionReader('stac', section);
  const baseUrl = stac.string('base_url', '');
  if (!baseUrl) {
    throw new InvalidRecordOptionsError('[lookup].backend "stac" needs [stac].base_url');
  }

  return new StacApiClient({
    baseUrl,
    timeoutMs: stac.integer('timeout_ms', 10_000),
    retries: stac.integer('retries', 3),
    ...(logger ? { logger } : {}),
  });
}

function readSearchSyntax(section: ConfigSection | undefined): StacSearchSyntax {
  const syntax = new SectionReader('stac', section).string('search_syntax', 'query');
  if (syntax !== 'query' && syntax !== 'cql2-json') {
    throw new InvalidRecordOptionsError(
      `[stac].search_syntax "${syntax}" is unknown; use "query" or "cql2-json"`,
    );
  }
  return syntax;
}

function createElasticsearchLookup(section: ConfigSection | undefined, logger?: RecordLogger) {
  const elastic = new SectionReader('elasticsearch', section);
  const url = elastic.string('url', '');
  if (!url) {
    throw new InvalidRecordOptionsError(
      '[lookup].backend "elasticsearch" needs [elasticsearch].url',
    );
  }

  const username = elastic.string('username', '');
  return new ElasticsearchVersionLookup({
    url,
    index: elastic.string('index', 'handles'),
    timeoutMs: elastic.integer('timeout_ms', 10_000),
    keywordSuffix: elastic.string('keyword_suffix', '.keyword'),
    ...(username ? { username, password: elastic.string('password', '') } : {}),
    ...(logger ? { logger } : {}),
  });
}

function pluginSection(sections: RecordConfigSections, name: string): ConfigSection | undefined {
  return (sections.plugins as Record<string, ConfigSection | undefined> | undefined)?.[name];
}
