import type { ResolvedItemEvent } from '@piddi/stac-model';

import { compactFields } from './fields.js';
import { buildHostingNode, buildReplicaNodes } from './hosting-nodes.js';
import { handleReference, type DatasetIdentity } from './identifiers.js';
import type { PreviousVersion } from './lookup/version-lookup.js';
import type { ResolvedRecordOptions } from './options.js';
import type { ResolvedPid } from './pids.js';
import { readRetractionTime } from './retraction.js';
import type { DatasetRecord, FileRecord } from './types.js';
import type { WarningCollector } from './warnings.js';

/** What the dataset record is built from, once its files are known. */
export interface DatasetRecordInput {
  event: ResolvedItemEvent;
  identity: DatasetIdentity;
  pid: ResolvedPid;
  handle: string;
  /** The files that are registered, in asset order; `HAS_PARTS` lists exactly these. */
  files: readonly FileRecord[];
  previousVersion?: PreviousVersion;
  options: ResolvedRecordOptions;
  warnings: WarningCollector;
}

/** Builds the record of a dataset (section 4 of the records reference). */
export function buildDatasetRecord(input: DatasetRecordInput): DatasetRecord {
  const { event, identity, options, warnings } = input;
  const times = { eventTime: event.metadata.time, now: options.now };

  const hostingNode = buildHostingNode(event.item, times, warnings);
  const fields = compactFields({
    URL: `${options.landingPageUrl}/${input.handle}`,
    ESGF: options.esgfLabel,
    AGGREGATION_LEVEL: 'DATASET',
    DATASET_ID: identity.datasetId,
    DATASET_VERSION: identity.datasetVersion,
    PREVIOUS_VERSION: input.previousVersion && handleReference(input.previousVersion.handle),
    HAS_PARTS: input.files.map((file) => handleReference(file.handle)),
    HOSTING_NODE: hostingNode,
    REPLICA_NODES: buildReplicaNodes(event.item, hostingNode, warnings),
    RETRACTED_ON: readRetractionTime(event, options.now, warnings),
  });

  return {
    aggregationLevel: 'DATASET',
    handle: input.handle,
    pid: input.pid.pid,
    pidSource: input.pid.source,
    itemId: identity.itemId,
    fields,
  };
}
