import type { StacAsset } from '@piddi/stac-model';

import { compactFields } from './fields.js';
import { readFileFacts, readReplicaUrls, type FileFacts } from './file-facts.js';
import { handleName } from './identifiers.js';
import { isRecord } from './objects.js';
import type { ResolvedRecordOptions } from './options.js';
import type { FileRecord, RecordFields } from './types.js';
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

/** Builds the record of one file asset (section 4 of the records reference). */
export function buildFileRecord(input: FileRecordInput): FileOutcome {
  const { itemId, assetKey, asset, options } = input;
  if (!isRecord(asset)) return { problems: ['the asset is not a JSON object'] };

  const facts = readFileFacts(itemId, assetKey, asset, options.acceptLegacyMd5);
  if ('problems' in facts) return facts;

  if (!facts.checksum.canonical) warnLegacyChecksum(input);
  const handle = handleName(options.prefix, facts.pid.pid);
  const fields = buildFileFields(input, facts, handle, readCheckedReplicaUrls(input, asset));
  const { pid, source: pidSource } = facts.pid;
  return { record: { aggregationLevel: 'FILE', handle, pid, pidSource, itemId, assetKey, fields } };
}

function buildFileFields(
  input: FileRecordInput,
  facts: FileFacts,
  handle: string,
  replicaUrls: string[],
): RecordFields {
  const { options } = input;
  return compactFields({
    URL: `${options.landingPageUrl}/${handle}`,
    ESGF: options.esgfLabel,
    AGGREGATION_LEVEL: 'FILE',
    FILE_NAME: facts.fileName,
    IS_PART_OF: input.datasetReference,
    CHECKSUM: facts.checksum.digest,
    CHECKSUM_METHOD: facts.checksum.method,
    FILE_SIZE: facts.size,
    DOWNLOAD_URL: facts.url,
    REPLICA_DOWNLOAD_URLS: replicaUrls,
  });
}

function readCheckedReplicaUrls(input: FileRecordInput, asset: StacAsset): string[] {
  const { urls, rejected } = readReplicaUrls(asset);
  for (const href of rejected) {
    input.warnings.warn(
      'INVALID_REPLICA_URL',
      `An alternate of asset ${input.assetKey} has href "${href}", not an http(s) URL; it is ` +
        'left out of REPLICA_DOWNLOAD_URLS',
      { assetKey: input.assetKey, field: 'REPLICA_DOWNLOAD_URLS' },
    );
  }
  return urls;
}

function warnLegacyChecksum(input: FileRecordInput): void {
  input.warnings.warn(
    'NON_CANONICAL_CHECKSUM',
    `Asset ${input.assetKey} writes its md5 file:checksum as d510… instead of the multihash ` +
      'd50110…; it is read as md5. Ask the publisher to write the multihash form',
    { assetKey: input.assetKey, field: 'CHECKSUM' },
  );
}
