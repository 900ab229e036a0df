import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describeWithSamples, SAMPLE_EVENTS_DIR } from '@piddi/testing';

import type { EventErrorCode } from './errors.js';
import { tryParseEvent } from './parse-event.js';

interface InvalidSample {
  file: string;
  code: EventErrorCode;
  path: string;
}

const INVALID_SAMPLES: InvalidSample[] = [
  {
    file: 'CMIP6.ScenarioMIP.DKRZ.MPI-ESM1-2-HR.ssp126.r1i1p1f1.Eyr.baresoilFrac.gn.v20190710.json',
    code: 'INVALID_PID',
    path: '/data/payload/item/properties/pid',
  },
];

// Whether a file lacks its size is decided where the files are known (excluded asset keys,
// strict mode), so this event parses and its asset simply has no size.
const SAMPLE_WITHOUT_FILE_SIZE =
  'CMIP6.ScenarioMIP.IPSL.IPSL-CM6A-LR.ssp245.r1i1p1f1.Amon.pr.gr.v20190119_missing_file_size.json';

function readSample(...parts: string[]): Buffer {
  return readFileSync(join(SAMPLE_EVENTS_DIR, ...parts));
}

function listSamples(folder: string): string[] {
  return readdirSync(join(SAMPLE_EVENTS_DIR, folder)).filter((name) => name.endsWith('.json'));
}

describeWithSamples(describe, `reference ESGF events in ${SAMPLE_EVENTS_DIR}`, () => {
  it('parses every valid sample', () => {
    const outcomes = listSamples('CMIP6').map((file) => {
      const result = tryParseEvent(readSample('CMIP6', file), { source: file });
      return { file, code: result.ok ? 'ok' : result.error.code };
    });

    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.code !== 'ok')).toEqual([]);
  });

  it.each(INVALID_SAMPLES)('refuses $file with $code', ({ file, code, path }) => {
    const result = tryParseEvent(readSample('CMIP6_invalid', file), { source: file });

    expect(result).toMatchObject({ ok: false, error: { code, path } });
  });

  it('parses the sample whose file has no size, leaving that asset without one', () => {
    const result = tryParseEvent(readSample('CMIP6_invalid', SAMPLE_WITHOUT_FILE_SIZE));

    expect(result.ok).toBe(true);
    if (!result.ok || result.event.method === 'PATCH') return;
    expect(result.event.item.assets.data0001['file:size']).toBeUndefined();
  });

  it('has an expected outcome for every invalid sample', () => {
    const known = [...INVALID_SAMPLES.map((sample) => sample.file), SAMPLE_WITHOUT_FILE_SIZE];

    expect(listSamples('CMIP6_invalid').sort()).toEqual(known.sort());
  });

  it('reads failure records in lenient mode despite their prefixed checksums', () => {
    const lines = readSample('sample_failures.jsonl').toString('utf8').split('\n').filter(Boolean);

    const strict = lines.map((line) => tryParseEvent(line));
    const lenient = lines.map((line) => tryParseEvent(line, { assets: 'lenient' }));

    expect(strict.map((result) => !result.ok && result.error.code)).toEqual(
      lines.map(() => 'INVALID_CHECKSUM'),
    );
    expect(lenient.every((result) => result.ok)).toBe(true);
  });
});
