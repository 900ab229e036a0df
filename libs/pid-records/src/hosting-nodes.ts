import type { StacAsset, StacItem } from '@piddi/stac-model';

import { isPresent } from './identifiers.js';
import { isRecord, readText } from './objects.js';
import { readRecordTime } from './record-times.js';
import { formatTime } from './times.js';
import type { WarningCollector } from './warnings.js';

/** Assets whose hosts and publication times describe the whole dataset, by preference. */
export const PREFERRED_ASSET_KEYS = ['reference_file', 'data0000', 'data0001'] as const;

/** A data node that serves the dataset, as `HOSTING_NODE` and `REPLICA_NODES` write it. */
export type HostingNode = {
  host: string;
  /** ISO 8601 UTC; absent when the event's time could not be read. */
  published_on?: string;
};

/** Where the hosting node's publication time falls back to. */
export interface PublicationTimes {
  /** `metadata.time` of the event, as sent. */
  eventTime: unknown;
  now: () => Date;
}

const UNKNOWN_HOST = 'unknown';

/**
 * The node that hosts the dataset: the `alternate:name` of the first preferred asset that has
 * one, published at the first preferred asset's `published_on`, else the event time, else now.
 */
export function buildHostingNode(
  item: StacItem,
  times: PublicationTimes,
  warnings: WarningCollector,
): HostingNode {
  const preferred = preferredAssets(item);
  const host = preferred.map(([, asset]) => readText(asset['alternate:name'])).find(Boolean);
  if (!host) {
    warnings.warn(
      'UNKNOWN_HOSTING_NODE',
      `No preferred asset (${PREFERRED_ASSET_KEYS.join(', ')}) names its host in ` +
        `alternate:name; HOSTING_NODE.host is "${UNKNOWN_HOST}"`,
      { field: 'HOSTING_NODE' },
    );
  }

  return {
    host: host ?? UNKNOWN_HOST,
    published_on: hostingPublicationTime(preferred, times, warnings),
  };
}

/**
 * One node per distinct host in the preferred assets' `alternate` maps, published at the
 * alternate's `published_on`, else when the hosting node published.
 */
export function buildReplicaNodes(
  item: StacItem,
  hostingNode: HostingNode,
  warnings: WarningCollector,
): HostingNode[] {
  const nodes = new Map<string, HostingNode>();
  for (const [assetKey, asset] of preferredAssets(item)) {
    for (const [host, alternate] of Object.entries(alternatesOf(asset))) {
      if (nodes.has(host)) continue;
      const publishedOn = isPresent(alternate.published_on)
        ? readRecordTime(
            { value: alternate.published_on, description: `published_on of alternate ${host}` },
            warnings,
            { assetKey, field: 'REPLICA_NODES' },
          )
        : hostingNode.published_on;
      nodes.set(host, { host, published_on: publishedOn });
    }
  }
  return [...nodes.values()];
}

function hostingPublicationTime(
  preferred: [string, StacAsset][],
  times: PublicationTimes,
  warnings: WarningCollector,
): string | undefined {
  const place = { field: 'HOSTING_NODE' };
  const published = preferred.find(([, asset]) => isPresent(asset.published_on));
  if (published) {
    const [assetKey, asset] = published;
    const description = `published_on of asset ${assetKey}`;
    return readRecordTime({ value: asset.published_on, description }, warnings, {
      ...place,
      assetKey,
    });
  }
  if (isPresent(times.eventTime)) {
    return readRecordTime({ value: times.eventTime, description: 'event time' }, warnings, place);
  }
  return formatTime(times.now());
}

function preferredAssets(item: StacItem): [string, StacAsset][] {
  return PREFERRED_ASSET_KEYS.filter((key) => isRecord(item.assets[key])).map((key) => [
    key,
    item.assets[key],
  ]);
}

/** The asset's alternates that are objects, by host. */
export function alternatesOf(asset: StacAsset): Record<string, Record<string, unknown>> {
  if (!isRecord(asset.alternate)) return {};
  return Object.fromEntries(
    Object.entries(asset.alternate).filter(([, alternate]) => isRecord(alternate)),
  );
}
