import { join } from 'node:path';

import { BROKER_REQUIREMENTS, KafkaBrokerError } from './errors.js';
import { runCommand } from './run-command.js';

const MINIMUM_JAVA_MAJOR = 17;

/** The `java` to run: $JAVA_HOME/bin/java when JAVA_HOME is set, else the one on PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** The major version in `java -version` output: `"17.0.15"` is 17, the old `"1.8.0_392"` is 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Fails with JAVA_MISSING unless a Java runtime new enough for Kafka 4 is installed. */
export async function assertJavaAvailable(): Promise<void> {
  const java = javaCommand();
  const result = await runCommand(java, ['-version']);
  if (result.spawnError) {
    throw new KafkaBrokerError(
      'JAVA_MISSING',
      `Java (${java}) is not installed. ${BROKER_REQUIREMENTS}`,
    );
  }

  const major = parseJavaMajor(result.output);
  if (major === undefined || major < MINIMUM_JAVA_MAJOR) {
    throw new KafkaBrokerError(
      'JAVA_MISSING',
      `Apache Kafka needs Java ${MINIMUM_JAVA_MAJOR} or newer, but ${java} reports ` +
        `"${result.output.split('\n')[0]}". ${BROKER_REQUIREMENTS}`,
    );
  }
}
