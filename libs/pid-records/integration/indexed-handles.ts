import { DATASET_ID, LANDING_PAGE, PREFIX } from '../src/__fixtures__/cmip6-fixtures.js';

// The handles of an index of handle values, as the Elasticsearch lookup tests fill it.

const pid = (last: number) => `00000000-0000-4000-8000-${String(last).padStart(12, '0')}`;
export const handle = (last: number) => `${PREFIX}/${pid(last)}`;

/** The values of one dataset handle, one document each, as the index holds them. */
export function datasetHandle(
  last: number,
  version: string,
  datasetId = DATASET_ID,
  spelling = '',
) {
  const name = `${spelling}${handle(last)}`;
  return [
    { handle: name, type: 'URL', data: `${LANDING_PAGE}/${handle(last)}` },
    { handle: name, type: 'AGGREGATION_LEVEL', data: 'DATASET' },
    { handle: name, type: 'DATASET_ID', data: datasetId },
    { handle: name, type: 'DATASET_VERSION', data: version },
  ];
}
