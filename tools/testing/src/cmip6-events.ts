import { createHash } from 'node:crypto';

/** What a generated CMIP6 dataset looks like; every field has a sensible default. */
export interface Cmip6EventSpec {
  /** Makes the dataset id unique: it becomes the ensemble member `r<n>i1p1f1`. */
  member: number;
  /** Files (data assets) of the dataset. */
  files?: number;
  version?: string;
  variable?: string;
  /** Data node that hosts the files. */
  host?: string;
  /** Hosts of replicas, written as `alternate` entries of every file. */
  replicaHosts?: string[];
  publishedOn?: string;
}

/** The id a spec's item gets, e.g. `CMIP6.CMIP.PIDDI.PIDDI-ESM.historical.r7i1p1f1.Amon.tas.gn.v20250101`. */
export function cmip6ItemId(spec: Cmip6EventSpec): string {
  const variable = spec.variable ?? 'tas';
  const version = spec.version ?? 'v20250101';
  return `CMIP6.CMIP.PIDDI.PIDDI-ESM.historical.r${spec.member}i1p1f1.Amon.${variable}.gn.${version}`;
}

function sha256Multihash(text: string): string {
  return `1220${createHash('sha256').update(text).digest('hex')}`;
}

function fileAsset(itemId: string, index: number, spec: Cmip6EventSpec): Record<string, unknown> {
  const host = spec.host ?? 'data.piddi.example';
  const path = itemId.replaceAll('.', '/');
  const name = `${spec.variable ?? 'tas'}_Amon_PIDDI-ESM_historical_r${spec.member}i1p1f1_gn_${1850 + index * 10}01-${1859 + index * 10}12.nc`;
  const alternate = Object.fromEntries(
    (spec.replicaHosts ?? []).map((replica) => [
      replica,
      { href: `https://${replica}/thredds/fileServer/${path}/${name}`, 'alternate:name': replica },
    ]),
  );
  return {
    href: `https://${host}/thredds/fileServer/${path}/${name}`,
    type: 'application/netcdf',
    roles: ['data'],
    'alternate:name': host,
    'file:size': 1_000_000 + index,
    'file:checksum': sha256Multihash(`${itemId}/${name}`),
    ...(spec.publishedOn ? { published_on: spec.publishedOn } : {}),
    ...(Object.keys(alternate).length > 0 ? { alternate } : {}),
  };
}

/** A STAC item for a generated CMIP6 dataset, shaped like those ESGF publishes. */
export function makeCmip6Item(spec: Cmip6EventSpec): Record<string, unknown> {
  const id = cmip6ItemId(spec);
  const assets = Object.fromEntries(
    Array.from({ length: spec.files ?? 2 }, (_, index) => [
      `data${String(index).padStart(4, '0')}`,
      fileAsset(id, index, spec),
    ]),
  );
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id,
    collection: 'CMIP6',
    geometry: null,
    properties: {
      title: id,
      retracted: false,
      'cmip6:mip_era': 'CMIP6',
      'cmip6:activity_id': 'CMIP',
      'cmip6:institution_id': 'PIDDI',
      'cmip6:source_id': 'PIDDI-ESM',
      'cmip6:experiment_id': 'historical',
      'cmip6:variant_label': `r${spec.member}i1p1f1`,
      'cmip6:table_id': 'Amon',
      'cmip6:variable_id': spec.variable ?? 'tas',
      'cmip6:grid_label': 'gn',
    },
    assets,
    links: [],
  };
}

/** A POST event announcing the generated dataset, as it arrives on the ESGF topic. */
export function makeCmip6PostEvent(spec: Cmip6EventSpec): Record<string, unknown> {
  return {
    data: {
      type: 'STAC',
      version: '1.0.0',
      payload: { collection_id: 'CMIP6', method: 'POST', item: makeCmip6Item(spec) },
    },
    metadata: {
      time: spec.publishedOn ?? '2025-01-01T12:00:00Z',
      event_id: `event-${spec.member}`,
      schema_version: '1.0.0',
      publisher: { package: 'piddi-testing', version: '1' },
    },
  };
}
