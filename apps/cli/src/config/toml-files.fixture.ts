import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives a spec a temporary folder for configuration files, removed after its tests.
 * Returns `writeToml(name, text)`, which writes one file there and returns its path.
 */
export function useTomlFiles(): (name: string, text: string) => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'piddi-config-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  return (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}
