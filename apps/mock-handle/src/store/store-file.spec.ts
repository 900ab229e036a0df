import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandleRecord } from '../values/handle-value.js';
import { loadStoreFile, saveStoreFile } from './store-file.js';

const RECORD: HandleRecord = {
  handle: '21.TEST/a',
  values: [
    { index: 1, type: 'URL', data: { format: 'string', value: 'x' }, ttl: 86400, timestamp: 'T' },
  ],
};

describe('store file', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'mock-handle-store-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads back what it saved', () => {
    const path = join(directory, 'handles.json');

    saveStoreFile(path, [RECORD]);

    expect(loadStoreFile(path)).toEqual([RECORD]);
  });

  it('leaves no temporary file behind', () => {
    saveStoreFile(join(directory, 'handles.json'), [RECORD]);

    expect(readdirSync(directory)).toEqual(['handles.json']);
  });

  it('replaces the previous version whole', () => {
    const path = join(directory, 'handles.json');
    saveStoreFile(path, [RECORD, { ...RECORD, handle: '21.TEST/b' }]);

    saveStoreFile(path, [RECORD]);

    expect(JSON.parse(readFileSync(path, 'utf8')).handles).toHaveLength(1);
  });

  it('treats a missing file as an empty store', () => {
    expect(loadStoreFile(join(directory, 'absent.json'))).toEqual([]);
  });

  it.each([
    ['not JSON', '{"handles": ['],
    ['JSON without a handles list', '{"records": []}'],
  ])('refuses a file that is %s', (_case, text) => {
    const path = join(directory, 'handles.json');
    writeFileSync(path, text);

    expect(() => loadStoreFile(path)).toThrow(
      expect.objectContaining({
        code: 'INVALID_STORE_FILE',
        message: expect.stringContaining(path),
      }),
    );
  });
});
