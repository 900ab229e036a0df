import { InvalidRecordOptionsError } from './errors.js';
import { SILENT_LOGGER, type RecordLogger } from './logger.js';
import { isHttpUrl } from './urls.js';
import { DisabledVersionLookup, type VersionLookup } from './lookup/version-lookup.js';

/** Asset keys that are never files, as in `[plugins.cmip6].excluded_asset_keys`. */
export const DEFAULT_EXCLUDED_ASSET_KEYS: readonly string[] = [
  'reference_file',
  'globus',
  'thumbnail',
  'quicklook',
];

/** The `ESGF` label the original tool writes. */
export const DEFAULT_ESGF_LABEL = 'ESGF2 TEST';

/** How events become records. The library reads no files: the caller passes every setting. */
export interface RecordOptions {
  /** Handle prefix, `[handle].prefix`, e.g. `21.14100`. */
  prefix: string;
  /** `[plugins.cmip6].landing_page_url`; a record's URL is `<this>/<prefix>/<pid>`. */
  landingPageUrl: string;
  /**
   * Value of every record's `ESGF` field, `[plugins.cmip6].esgf_label`.
   * @default 'ESGF2 TEST'
   */
  esgfLabel?: string;
  /**
   * Most files one dataset lists and registers; -1 means no limit, 0 no files at all.
   * @default -1
   */
  maxParts?: number;
  /**
   * Asset keys that are not files.
   * @default ['reference_file', 'globus', 'thumbnail', 'quicklook']
   */
  excludedAssetKeys?: readonly string[];
  /**
   * `[schema].strict_mode`: an invalid file makes the whole event invalid instead of being
   * left out with a warning.
   * @default false
   */
  strictMode?: boolean;
  /**
   * Read an md5 `file:checksum` written with the one-byte code (`d510…`) as md5, with a
   * warning, instead of treating the file as invalid. Some ESGF publishers write that form.
   * @default true
   */
  acceptLegacyMd5?: boolean;
  /**
   * Finds `PREVIOUS_VERSION`.
   * @default a lookup that finds none
   */
  versionLookup?: VersionLookup;
  /** Clock for times the event does not carry. @default () => new Date() */
  now?: () => Date;
  /** @default a logger that writes nothing */
  logger?: RecordLogger;
}

/** Record options with every default applied and every value checked. */
export type ResolvedRecordOptions = Required<RecordOptions>;

/** Applies the defaults and checks the values; throws `InvalidRecordOptionsError`. */
export function resolveRecordOptions(options: RecordOptions): ResolvedRecordOptions {
  const resolved: ResolvedRecordOptions = {
    prefix: options.prefix,
    landingPageUrl: options.landingPageUrl?.replace(/\/+$/, ''),
    esgfLabel: options.esgfLabel ?? DEFAULT_ESGF_LABEL,
    maxParts: options.maxParts ?? -1,
    excludedAssetKeys: options.excludedAssetKeys ?? DEFAULT_EXCLUDED_ASSET_KEYS,
    strictMode: options.strictMode ?? false,
    acceptLegacyMd5: options.acceptLegacyMd5 ?? true,
    versionLookup: options.versionLookup ?? new DisabledVersionLookup(),
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? SILENT_LOGGER,
  };

  checkPrefix(resolved.prefix);
  checkLandingPageUrl(resolved.landingPageUrl);
  checkMaxParts(resolved.maxParts);
  return resolved;
}

function checkPrefix(prefix: unknown): void {
  if (typeof prefix !== 'string' || !/^[^/\s]+$/.test(prefix)) {
    throw new InvalidRecordOptionsError(
      `Handle prefix ${JSON.stringify(prefix)} is not usable: set [handle].prefix, e.g. "21.TEST"`,
    );
  }
}

function checkLandingPageUrl(url: unknown): void {
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    throw new InvalidRecordOptionsError(
      `Landing page URL ${JSON.stringify(url)} is not an http(s) URL: ` +
        'set [plugins.cmip6].landing_page_url',
    );
  }
}

function checkMaxParts(maxParts: unknown): void {
  if (!Number.isInteger(maxParts) || (maxParts as number) < -1) {
    throw new InvalidRecordOptionsError(
      `max_parts ${JSON.stringify(maxParts)} is not an integer of at least -1 (-1 = no limit)`,
    );
  }
}
