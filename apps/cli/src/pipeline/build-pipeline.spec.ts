import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readFailureFile } from '@piddi/failure-store';
import { makeCmip6PostEvent } from '@piddi/testing';

import { resolveConfig, type PiddiConfig } from '../config/index.js';
import type { Logger } from '../logging.js';
import { ConsumerStats } from '../monitoring/index.js';
import { buildPipeline } from './build-pipeline.js';

const SILENT: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let outputDir: string;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'build-pipeline-'));
});

afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

function strictDryRun() {
  const resolved = resolveConfig({
    env: {},
    overrides: { schema: { strict_mode: true }, consumer: { output_dir: outputDir } },
  });
  const config = resolved.values as unknown as PiddiConfig;
  const mode = { dryRun: true, dump: false, force: false };
  return buildPipeline(config, mode, {
    logger: SILENT,
    counters: new ConsumerStats(),
    onStop: () => {},
  });
}

// A POST event whose asset `key` has a checksum that is not a multihash.
function eventWithBadChecksum(member: number, key: string): Buffer {
  const event = makeCmip6PostEvent({ member, files: 1 }) as {
    data: { payload: { item: { assets: Record<string, Record<string, unknown>> } } };
  };
  const assets = event.data.payload.item.assets;
  assets[key] = { ...assets.data0000, roles: [key], 'file:checksum': 'not-a-multihash' };
  return Buffer.from(JSON.stringify(event));
}

async function failureCodes(): Promise<Array<string | undefined>> {
  const folder = join(outputDir, 'failures', 'retries-0');
  const [file] = await readdir(folder);
  const { entries } = await readFailureFile(join(folder, file!));
  return entries.map((entry) => entry.errorCode);
}

describe('a pipeline in strict mode', () => {
  it('registers an event whose malformed asset is one that is never registered', async () => {
    const { processor } = strictDryRun();

    const outcome = await processor.process({
      value: eventWithBadChecksum(801, 'thumbnail'),
      coordinates: {},
      retries: 0,
    });

    expect(outcome).toBe('registered');
  });

  it('fails an event with a malformed file asset as INVALID_FILE', async () => {
    const { processor } = strictDryRun();

    const outcome = await processor.process({
      value: eventWithBadChecksum(802, 'data0001'),
      coordinates: {},
      retries: 0,
    });

    expect(outcome).toBe('failed');
    expect(await failureCodes()).toEqual(['INVALID_FILE']);
  });
});
