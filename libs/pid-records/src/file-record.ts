import type { StacAsset } from '@piddi/stac-model';

import { compactFields } from './fields.js';
import { readFileChecksum, readFileSize } from './file-checksum.js';
import { alternatesOf } from './hosting-nodes.js';
import { handleName, isPresent } from './identifiers.js';
import { isRecord, readText } from './objects.js';
import type { ResolvedRecordOptions } from './options.js';
import { resolveFilePid } from './pids.js';
import type { FileRecord } from './types.js';
import { isHttpUrl, lastPathSegment } from './urls.js';
import type { WarningCollector } from './warnings.js';

/** What one file record is built from. */
export interface FileRecordInput {
  itemId: string;
  assetKey: string;
  asset: unknown;
  /** `hdl:` reference of the dataset the file belongs to. */
  datasetReference: string;
  options: ResolvedRecordOptions;
  warnings: WarningCollector;
}

/** A file record, or every reason the asset cannot become one. */
export type FileOutcome = { record: FileRecord } | { problems: string[] };

type Problem = { problem: string };

/** Builds the record of one file asset (section 4 of the records reference). */
export function buildFileRecord(input: FileRecordInput): FileOutcome {
  const { itemId, assetKey, asset, options } = input;
  if (!isRecord(asset)) return { problems: ['the asset is not a JSON object'] };

  const pid = resolveFilePid(itemId, assetKey, asset);
  const download = readDownloadUrl(asset);
  const size = readFileSize(firstAssetValue(asset, 'file:size'));
  const checksum = readFileChecksum(
    firstAssetValue(asset, 'file:checksum'),
    options.acceptLegacyMd5,
  );
  if ('problem' in pid || 'problem' in download || isProblem(size) || 'problem' in checksum) {
    const outcomes = [pid, download, size, checksum];
    return { problems: outcomes.filter(isProblem).map((outcome) => outcome.problem) };
  }

  if (!checksum.canonical) warnLegacyChecksum(input);
  const handle = handleName(options.prefix, pid.pid);
  const fields = compactFields({
    URL: `${options.landingPageUrl}/${handle}`,
    ESGF: options.esgfLabel,
    AGGREGATION_LEVEL: 'FILE',
    FILE_NAME: download.fileName,
    IS_PART_OF: input.datasetReference,
    CHECKSUM: checksum.digest,
    CHECKSUM_METHOD: checksum.method,
    FILE_SIZE: size,
    DOWNLOAD_URL: download.url,
    REPLICA_DOWNLOAD_URLS: readReplicaUrls(asset, input),
  });

  const record: FileRecord = {
    aggregationLevel: 'FILE',
    handle,
    pid: pid.pid,
    pidSource: pid.source,
    itemId,
    assetKey,
    fields,
  };
  return { record };
}

/** The asset's own value of a field, else the first alternate's. */
function firstAssetValue(asset: StacAsset, field: string): unknown {
  if (isPresent(asset[field])) return asset[field];
  return Object.values(alternatesOf(asset))
    .map((alternate) => alternate[field])
    .find(isPresent);
}

function readDownloadUrl(asset: StacAsset): { url: string; fileName: string } | Problem {
  const alternates = Object.values(alternatesOf(asset));
  const url = readText(asset.href) ?? alternates.map((alt) => readText(alt.href)).find(Boolean);
  if (!url)
    return { problem: 'DOWNLOAD_URL is missing: neither the asset nor an alternate has an href' };
  if (!isHttpUrl(url)) return { problem: `DOWNLOAD_URL "${url}" is not an http(s) URL` };

  const fileName = lastPathSegment(url);
  if (!fileName) return { problem: `FILE_NAME cannot be taken from DOWNLOAD_URL "${url}"` };
  return { url, fileName };
}

function readReplicaUrls(asset: StacAsset, input: FileRecordInput): string[] {
  const urls = new Set<string>();
  for (const [host, alternate] of Object.entries(alternatesOf(asset))) {
    const href = readText(alternate.href);
    if (href === undefined) continue;
    if (isHttpUrl(href)) {
      urls.add(href);
      continue;
    }
    input.warnings.warn(
      'INVALID_REPLICA_URL',
      `Alternate ${host} of asset ${input.assetKey} has href "${href}", not an http(s) URL; ` +
        'it is left out of REPLICA_DOWNLOAD_URLS',
      { assetKey: input.assetKey, field: 'REPLICA_DOWNLOAD_URLS' },
    );
  }
  return [...urls];
}

function warnLegacyChecksum(input: FileRecordInput): void {
  input.warnings.warn(
    'NON_CANONICAL_CHECKSUM',
    `Asset ${input.assetKey} writes its md5 file:checksum as d510… instead of the multihash ` +
      'd50110…; it is read as md5. Ask the publisher to write the multihash form',
    { assetKey: input.assetKey, field: 'CHECKSUM' },
  );
}

function isProblem(outcome: unknown): outcome is Problem {
  return isRecord(outcome) && typeof outcome.problem === 'string';
}
