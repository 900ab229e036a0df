import { describe, expect, it } from '@jest/globals';

import {
  LANDING_PAGE,
  PREFIX,
  digestOf,
  fileAsset,
  fileName,
  makeEvent,
  makeItem,
} from './__fixtures__/cmip6-fixtures.js';
import { buildRecords } from './build-records.js';
import { RecordError } from './errors.js';
import type { VersionLookup } from './lookup/version-lookup.js';
import type { RecordOptions } from './options.js';

const HOST = 'esgf.warnings.example';
const OPTIONS: RecordOptions = { prefix: PREFIX, landingPageUrl: LANDING_PAGE };

// A valid file whose md5 checksum has the legacy form: registered, with a warning.
const LEGACY_FILE = fileAsset(0, HOST, { 'file:checksum': `d510${digestOf('md5', fileName(0))}` });
const FILE_WITHOUT_SIZE = fileAsset(1, HOST, { 'file:size': 0 });

const FAILING_LOOKUP: VersionLookup = {
  name: 'failing',
  findPreviousVersion: () => Promise.reject(new Error('index unreachable')),
};

async function failureOf(build: Promise<unknown>): Promise<RecordError> {
  try {
    await build;
  } catch (error) {
    if (error instanceof RecordError) return error;
    throw error;
  }
  throw new Error('expected a RecordError');
}

function warningCodes(error: RecordError): string[] {
  return error.warnings.map((warning) => `${warning.code} ${warning.assetKey ?? ''}`.trim());
}

describe('the warnings of a build that fails', () => {
  it('come with NO_FILES: the invalid files that were left out', async () => {
    const event = makeEvent(makeItem({ data0000: fileAsset(0, HOST, { 'file:size': 0 }) }));

    const error = await failureOf(buildRecords(event, OPTIONS));

    expect(error.code).toBe('NO_FILES');
    expect(warningCodes(error)).toEqual(['INVALID_FILE_SKIPPED data0000']);
  });

  it('come with INVALID_FILE in strict mode: those of the files before it', async () => {
    const event = makeEvent(makeItem({ data0000: LEGACY_FILE, data0001: FILE_WITHOUT_SIZE }));

    const error = await failureOf(buildRecords(event, { ...OPTIONS, strictMode: true }));

    expect(error.code).toBe('INVALID_FILE');
    expect(warningCodes(error)).toEqual(['NON_CANONICAL_CHECKSUM data0000']);
  });

  it('come with LOOKUP_FAILED: those of the files', async () => {
    const event = makeEvent(makeItem({ data0000: LEGACY_FILE }));

    const error = await failureOf(
      buildRecords(event, { ...OPTIONS, versionLookup: FAILING_LOOKUP }),
    );

    expect(error.code).toBe('LOOKUP_FAILED');
    expect(warningCodes(error)).toEqual(['NON_CANONICAL_CHECKSUM data0000']);
  });

  it('are none when the build failed before it warned of anything', async () => {
    const event = makeEvent(makeItem({ data0000: LEGACY_FILE }, {}, 'not-a-dataset-id'));

    const error = await failureOf(buildRecords(event, OPTIONS));

    expect(error.code).toBe('INVALID_ITEM_ID');
    expect(error.warnings).toEqual([]);
  });
});
