// Builders of CMIP6-shaped events for the record tests, and independent ways to compute what
// the records must hold (UUID v3 and multihashes straight from node:crypto).
import { createHash } from 'node:crypto';

import type { ResolvedItemEvent, StacAsset, StacItem } from '@piddi/stac-model';

export const PREFIX = '21.TEST';
export const LANDING_PAGE = 'https://lp.piddi.example/lp';
export const ESGF_LABEL = 'ESGF TEST LABEL';
export const NOW = new Date('2030-01-02T03:04:05.678Z');

export const DATASET_ID = 'CMIP6.OMIP.PIDDI.PIDDI-OCN1.omip2.r3i1p1f2.Omon.tos.gr1';
export const ITEM_ID = `${DATASET_ID}.v20210415`;

const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** RFC 4122 name-based UUID version 3 in the URL namespace, computed by hand. */
export function uuidV3(name: string): string {
  const namespace = Buffer.from(NAMESPACE_URL.replaceAll('-', ''), 'hex');
  const bytes = createHash('md5').update(namespace).update(name, 'utf8').digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x30;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/** Hex digest of `content` with a node:crypto algorithm (`md5`, `sha256`, ...). */
export function digestOf(algorithm: string, content: string): string {
  return createHash(algorithm).update(content).digest('hex');
}

/** md5 multihash: varint code `d501`, length 16. */
export function md5Multihash(content: string): string {
  return `d50110${digestOf('md5', content)}`;
}

/** sha2-256 multihash: code `12`, length 32. */
export function sha256Multihash(content: string): string {
  return `1220${digestOf('sha256', content)}`;
}

/** A download URL on a data node for a file of the fixture dataset. */
export function fileUrl(host: string, fileName: string): string {
  return `https://${host}/thredds/fileServer/css03_data/${DATASET_ID.replaceAll('.', '/')}/v20210415/${fileName}`;
}

/** File names of the fixture dataset, one per decade. */
export function fileName(position: number): string {
  const start = 1950 + position * 10;
  return `tos_Omon_PIDDI-OCN1_omip2_r3i1p1f2_gr1_${start}01-${start + 9}12.nc`;
}

/** A valid file asset on `host` with a sha2-256 checksum, changed by `overrides`. */
export function fileAsset(position: number, host: string, overrides: StacAsset = {}): StacAsset {
  const name = fileName(position);
  return {
    href: fileUrl(host, name),
    type: 'application/netcdf',
    roles: ['data'],
    'alternate:name': host,
    'file:size': 2_000_000 + position,
    'file:checksum': sha256Multihash(name),
    ...overrides,
  };
}

/** A fixture item with the given assets and properties. */
export function makeItem(
  assets: Record<string, StacAsset>,
  properties: Record<string, unknown> = {},
  id = ITEM_ID,
): StacItem {
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id,
    collection: 'CMIP6',
    properties: {
      title: id,
      retracted: false,
      'cmip6:activity_id': 'OMIP',
      'cmip6:variable_id': 'tos',
      ...properties,
    },
    assets,
    links: [],
  };
}

/** A POST event for `item` published at `time`. */
export function makeEvent(item: StacItem, time?: string): ResolvedItemEvent {
  return {
    method: 'POST',
    collectionId: 'CMIP6',
    metadata: { event_id: 'fixture-event', ...(time === undefined ? {} : { time }) },
    item,
  };
}

/** The nine `cmip6:` facet properties of a dataset id, as ESGF items carry them. */
export function facetProperties(datasetId: string): Record<string, string> {
  const names = ['mip_era', 'activity_id', 'institution_id', 'source_id', 'experiment_id'];
  names.push('variant_label', 'table_id', 'variable_id', 'grid_label');
  const parts = datasetId.split('.');
  return Object.fromEntries(names.map((name, position) => [`cmip6:${name}`, parts[position]]));
}
