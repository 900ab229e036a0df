import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { KAFKA_VERSION } from './broker-settings.js';
import { BROKER_REQUIREMENTS, KafkaBrokerError } from './errors.js';
import { runCommand } from './run-command.js';

const LOG4J_VERSION = '2.24.3';
const DEPENDENCY_PLUGIN_VERSION = '3.8.1';

/** The folder for downloaded Kafka jars: $PIDDI_CACHE_DIR, else $XDG_CACHE_HOME/piddi, else ~/.cache/piddi. */
export function piddiCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PIDDI_CACHE_DIR) return env.PIDDI_CACHE_DIR;
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'piddi');
}

/** Where the jars of one Kafka version live once fetched. */
export function kafkaLibsDir(version = KAFKA_VERSION): string {
  return join(piddiCacheDir(), `kafka-${version}`, 'libs');
}

/** A pom whose runtime dependencies are exactly the jars `kafka.Kafka` needs, plus a log4j binding. */
export function buildKafkaPom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>piddi.tools</groupId>
  <artifactId>kafka-broker-libs</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>${version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>${LOG4J_VERSION}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>${DEPENDENCY_PLUGIN_VERSION}</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

/**
 * Returns the folder holding the Kafka broker's jars, fetching them from Maven Central with
 * `mvn` on first use. Concurrent callers each fetch into their own folder and the first rename
 * wins, so a half-written folder is never used.
 */
export async function ensureKafkaJars(version = KAFKA_VERSION): Promise<string> {
  const libsDir = kafkaLibsDir(version);
  if (existsSync(libsDir)) return libsDir;

  const versionDir = join(libsDir, '..');
  await mkdir(versionDir, { recursive: true });
  const workDir = await mkdtemp(join(versionDir, 'fetch-'));
  try {
    await fetchJars(version, workDir);
    await rename(join(workDir, 'libs'), libsDir).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(libsDir)) throw error;
    });
    return libsDir;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function fetchJars(version: string, workDir: string): Promise<void> {
  await writeFile(join(workDir, 'pom.xml'), buildKafkaPom(version));
  const result = await runCommand(
    'mvn',
    [
      '-q',
      '-B',
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      '-DoutputDirectory=libs',
    ],
    workDir,
  );
  if (result.spawnError?.code === 'ENOENT') {
    throw new KafkaBrokerError(
      'MAVEN_MISSING',
      `Maven (mvn) is not installed. ${BROKER_REQUIREMENTS}`,
    );
  }
  if (result.exitCode !== 0) {
    throw new KafkaBrokerError(
      'KAFKA_JARS_FETCH_FAILED',
      `Maven could not fetch Apache Kafka ${version} from Maven Central; check the network or ` +
        `the Maven settings. Output:\n${result.output}`,
      { cause: result.spawnError },
    );
  }
}
