import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { buildServerProperties, QUIET_LOG4J2_PROPERTIES } from './broker-settings.js';
import { isProcessRunning, stopBrokerProcess, watchForOrphanedBroker } from './broker-process.js';
import { KafkaBrokerError } from './errors.js';
import { findFreePort } from '../free-port.js';
import { assertJavaAvailable, javaCommand } from './java-runtime.js';
import { ensureKafkaJars } from './kafka-jars.js';
import { runCommand } from './run-command.js';
import { waitForBroker } from './wait-for-broker.js';

/** Options of a broker run as a local JVM process. */
export interface JvmBrokerOptions {
  /** Port of the client listener on 127.0.0.1. @default a free port */
  port?: number;
  /** Partitions of auto-created topics. @default 3 */
  partitions?: number;
  /** @default 90000 */
  startTimeoutMs?: number;
  /** Keep the broker running after this process exits (it is then stopped by pid). */
  detached?: boolean;
}

/** A running JVM broker. */
export interface JvmBroker {
  bootstrapServers: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const JVM_OPTIONS = [
  '-Xmx512m',
  '-Xms128m',
  '-XX:+UseSerialGC',
  // The client-compiler tier alone starts faster; a test broker never runs long enough to miss C2.
  '-XX:TieredStopAtLevel=1',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
];

interface BrokerFiles {
  dataDir: string;
  serverProperties: string;
  log4jProperties: string;
  logFile: string;
}

async function writeBrokerFiles(brokerPort: number, partitions: number): Promise<BrokerFiles> {
  const dataDir = await mkdtemp(join(tmpdir(), 'piddi-kafka-'));
  const controllerPort = await findFreePort();
  const logDir = join(dataDir, 'data');
  await mkdir(logDir);
  const files = {
    dataDir,
    serverProperties: join(dataDir, 'server.properties'),
    log4jProperties: join(dataDir, 'log4j2.properties'),
    logFile: join(dataDir, 'broker.log'),
  };
  const layout = { brokerPort, controllerPort, dataDir: logDir, partitions };
  await writeFile(files.serverProperties, buildServerProperties(layout));
  await writeFile(files.log4jProperties, QUIET_LOG4J2_PROPERTIES);
  return files;
}

function javaArgs(
  libsDir: string,
  files: BrokerFiles,
  mainClass: string,
  args: string[],
): string[] {
  const log4j = `-Dlog4j2.configurationFile=${files.log4jProperties}`;
  return [...JVM_OPTIONS, log4j, '-cp', join(libsDir, '*'), mainClass, ...args];
}

async function formatStorage(libsDir: string, files: BrokerFiles): Promise<void> {
  // A cluster id is 16 random bytes in URL-safe base64, as `kafka-storage random-uuid` makes.
  const clusterId = randomBytes(16).toString('base64url');
  const args = ['format', '-t', clusterId, '-c', files.serverProperties];
  const result = await runCommand(
    javaCommand(),
    javaArgs(libsDir, files, 'kafka.tools.StorageTool', args),
  );
  if (result.exitCode !== 0) {
    throw new KafkaBrokerError(
      'KAFKA_STORAGE_FORMAT_FAILED',
      `Formatting the Kafka storage in ${files.dataDir} failed:\n${result.output}`,
      { cause: result.spawnError },
    );
  }
}

interface LaunchedBroker {
  pid: number;
  stop(): Promise<void>;
}

function launchBroker(libsDir: string, files: BrokerFiles, detached: boolean): LaunchedBroker {
  const log = openSync(files.logFile, 'a');
  const args = javaArgs(libsDir, files, 'kafka.Kafka', [files.serverProperties]);
  const child = spawn(javaCommand(), args, { detached, stdio: ['ignore', log, log] });
  closeSync(log);
  child.once('error', () => undefined);
  const pid = child.pid;
  if (pid === undefined) {
    throw new KafkaBrokerError(
      'KAFKA_BROKER_START_FAILED',
      `${javaCommand()} could not be started.`,
    );
  }

  if (detached) {
    child.unref();
    return { pid, stop: () => stopBrokerProcess(pid, files.dataDir) };
  }
  const endWatchdog = watchForOrphanedBroker(process.pid, pid, files.dataDir);
  return {
    pid,
    // The watchdog ends last: should this process die while stopping, it finishes the job.
    stop: async () => {
      await stopBrokerProcess(pid, files.dataDir);
      endWatchdog();
    },
  };
}

async function readLogTail(files: BrokerFiles): Promise<string> {
  const text = await readFile(files.logFile, 'utf8').catch(() => '');
  return text.slice(-4000).trim() || '(no output)';
}

/**
 * Starts a single-node Kafka (combined broker and controller, KRaft) as a JVM process on
 * 127.0.0.1 with its data in a fresh temporary folder, and resolves once it serves metadata.
 * Fetches the jars with Maven on first use.
 */
export async function startJvmBroker(options: JvmBrokerOptions = {}): Promise<JvmBroker> {
  await assertJavaAvailable();
  const libsDir = await ensureKafkaJars();
  const brokerPort = options.port ?? (await findFreePort());
  const files = await writeBrokerFiles(brokerPort, options.partitions ?? 3);

  await formatStorage(libsDir, files).catch(async (error: unknown) => {
    await rm(files.dataDir, { recursive: true, force: true });
    throw error;
  });
  const { pid, stop } = launchBroker(libsDir, files, options.detached ?? false);

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  if (!(await waitForBroker(HOST, brokerPort, deadline, () => isProcessRunning(pid)))) {
    const output = await readLogTail(files);
    await stop();
    throw new KafkaBrokerError(
      'KAFKA_BROKER_START_FAILED',
      `The Kafka broker on ${HOST}:${brokerPort} did not become ready. Its output:\n${output}`,
    );
  }

  return {
    bootstrapServers: `${HOST}:${brokerPort}`,
    pid,
    dataDir: files.dataDir,
    stop,
  };
}
