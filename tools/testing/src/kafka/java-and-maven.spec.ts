import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';

import { assertJavaAvailable } from './java-runtime.js';
import { ensureKafkaJars } from './kafka-jars.js';

describe('the local broker prerequisites', () => {
  const saved = { ...process.env };
  let cacheDir = '';

  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'piddi-cache-'));
  });

  afterEach(async () => {
    process.env = { ...saved };
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('names Java 17 and KAFKA_BOOTSTRAP_SERVERS when Java is missing', async () => {
    process.env.JAVA_HOME = join(cacheDir, 'no-such-jdk');

    const failure = await assertJavaAvailable().catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'JAVA_MISSING' });
    expect((failure as Error).message).toMatch(/Java 17.*KAFKA_BOOTSTRAP_SERVERS/s);
  });

  it('fails with MAVEN_MISSING when the jars are not cached and mvn is not installed', async () => {
    process.env.PIDDI_CACHE_DIR = cacheDir;
    process.env.PATH = join(cacheDir, 'empty-path');

    await expect(ensureKafkaJars()).rejects.toMatchObject({ code: 'MAVEN_MISSING' });
  });
});
