import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockHandleServer } from '@piddi/mock-handle';
import { createHandle, send } from './harness.js';

describe('the store file', () => {
  let directory: string;
  let storeFile: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'mock-handle-'));
    storeFile = join(directory, 'handles.json');
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps handles across a restart', async () => {
    const first = await startMockHandleServer({ storeFile });
    await createHandle(first, '21.TEST/kept', [{ index: 2, type: 'NOTE', data: 'x' }]);
    await first.close();

    const second = await startMockHandleServer({ storeFile });
    const answer = await send(second, 'GET', '/api/handles/21.TEST/kept');
    await second.close();

    expect(answer.status).toBe(200);
    expect((answer.json.values as { index: number }[]).map((v) => v.index)).toEqual([1, 2]);
  });

  it('keeps deletions across a restart', async () => {
    const first = await startMockHandleServer({ storeFile });
    await createHandle(first, '21.TEST/gone');
    await send(first, 'DELETE', '/api/handles/21.TEST/gone');
    await first.close();

    const second = await startMockHandleServer({ storeFile });
    const answer = await send(second, 'GET', '/api/handles/21.TEST/gone');
    await second.close();

    expect(answer.status).toBe(404);
  });

  it('writes the file after each change, leaving no temporary file', async () => {
    const server = await startMockHandleServer({ storeFile });
    await createHandle(server, '21.TEST/a');
    const saved = JSON.parse(readFileSync(storeFile, 'utf8'));
    await server.close();

    expect(saved.handles.map((record: { handle: string }) => record.handle)).toContain('21.TEST/a');
    expect(existsSync(`${storeFile}.${process.pid}.tmp`)).toBe(false);
  });

  it('refuses to start on a file that is not a store, and leaves it as it was', async () => {
    writeFileSync(storeFile, 'not JSON');

    await expect(startMockHandleServer({ storeFile })).rejects.toMatchObject({
      code: 'INVALID_STORE_FILE',
      message: expect.stringContaining(storeFile),
    });
    expect(readFileSync(storeFile, 'utf8')).toBe('not JSON');
  });
});
