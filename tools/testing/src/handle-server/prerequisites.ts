import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { HandleServerUnavailableError } from './errors.js';
import { resolveCacheLayout } from './layout.js';

/** The Java and Maven commands the harness runs. */
export interface JavaTools {
  java: string;
  javac: string;
  /** Undefined when the server's jars are cached already and Maven is not needed. */
  mvn?: string;
}

/** Whether the real Handle server can run here and, when not, why. */
export type HandleServerPrerequisites =
  { available: true; tools: JavaTools } | { available: false; reason: string };

/**
 * Checks, without starting anything, that a JDK is present and, unless the server's jars are
 * cached, Maven to fetch them. Synchronous so that a test file can choose `describe` or
 * `describe.skip` (with the reason in its title) while Jest collects the tests.
 */
export function checkHandleServerPrerequisites(
  env: NodeJS.ProcessEnv = process.env,
): HandleServerPrerequisites {
  const javaBin = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin') : undefined;
  const java = javaBin ? join(javaBin, 'java') : 'java';
  const javac = javaBin ? join(javaBin, 'javac') : 'javac';
  if (!answers(java, ['-version'], env)) {
    return missing(`Java not found (${java}); install a JDK 17 or newer or set JAVA_HOME`);
  }
  if (!answers(javac, ['-version'], env)) {
    return missing(`javac not found (${javac}); install a full JDK, not only a Java runtime`);
  }

  if (existsSync(join(resolveCacheLayout(env).lib, '.complete'))) {
    return { available: true, tools: { java, javac } };
  }
  if (!answers('mvn', ['-v'], env)) {
    return missing('Maven (mvn) not found; it fetches the Handle server jars once');
  }
  return { available: true, tools: { java, javac, mvn: 'mvn' } };
}

/** Same check, throwing {@link HandleServerUnavailableError} when something is missing. */
export function requireJavaTools(env: NodeJS.ProcessEnv = process.env): JavaTools {
  const prerequisites = checkHandleServerPrerequisites(env);
  if (!prerequisites.available) throw new HandleServerUnavailableError(prerequisites.reason);
  return prerequisites.tools;
}

function answers(command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  // With `env` the command is looked up on env.PATH, which lets a test hide a tool.
  const result = spawnSync(command, args, { env, stdio: 'ignore', timeout: 60_000 });
  return result.error === undefined && result.status === 0;
}

function missing(reason: string): HandleServerPrerequisites {
  return { available: false, reason };
}
