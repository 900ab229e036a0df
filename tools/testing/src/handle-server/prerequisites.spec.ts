import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, describe, expect, it } from '@jest/globals';

import { checkHandleServerPrerequisites } from './prerequisites.js';
import { resolveCacheLayout } from './layout.js';

const scratch = mkdtempSync(join(tmpdir(), 'piddi-prerequisites-'));
const emptyBin = join(scratch, 'empty-bin');
mkdirSync(emptyBin);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The JDK this machine runs `java` from, or undefined when there is none. */
function findJavaHome(): string | undefined {
  if (process.env.JAVA_HOME) return process.env.JAVA_HOME;
  const found = spawnSync('sh', ['-c', 'command -v javac'], { encoding: 'utf8' });
  return found.status === 0 ? dirname(dirname(realpathSync(found.stdout.trim()))) : undefined;
}

describe('checkHandleServerPrerequisites', () => {
  it('names Java as missing when JAVA_HOME holds no JDK', () => {
    const env = { ...process.env, JAVA_HOME: join(scratch, 'no-jdk') };

    const result = checkHandleServerPrerequisites(env);

    expect(result).toEqual({ available: false, reason: expect.stringContaining('Java not found') });
  });

  const javaHome = findJavaHome();
  const withJdk = javaHome ? describe : describe.skip;
  withJdk(`with a JDK (${javaHome ?? 'none found on this machine'})`, () => {
    it('names Maven as missing while the jars are not cached', () => {
      const env = { JAVA_HOME: javaHome, PATH: emptyBin, PIDDI_CACHE_DIR: join(scratch, 'cold') };

      const result = checkHandleServerPrerequisites(env);

      expect(result).toEqual({ available: false, reason: expect.stringContaining('Maven') });
    });

    it('needs no Maven once the jars are cached', () => {
      const env = { JAVA_HOME: javaHome, PATH: emptyBin, PIDDI_CACHE_DIR: join(scratch, 'warm') };
      const { lib } = resolveCacheLayout(env);
      mkdirSync(lib, { recursive: true });
      writeFileSync(join(lib, '.complete'), 'cached\n');

      const result = checkHandleServerPrerequisites(env);

      const jdk = { java: expect.any(String), javac: expect.any(String) };
      expect(result).toEqual({ available: true, tools: jdk });
    });
  });
});
