// A local Kafka broker for development: one KRaft node as a JVM process on 127.0.0.1.
//
//   npx tsx --tsconfig tsconfig.base.json tools/kafka/broker.ts start [--port 9092] [--partitions 3]
//   npx tsx --tsconfig tsconfig.base.json tools/kafka/broker.ts stop
//   npx tsx --tsconfig tsconfig.base.json tools/kafka/broker.ts run   (in the foreground, Ctrl-C stops)
//   npx tsx --tsconfig tsconfig.base.json tools/kafka/broker.ts fetch (download the jars only)
//
// stdout carries only the bootstrap servers, so `export KAFKA_BOOTSTRAP_SERVERS=$(... start)`
// works; everything else goes to stderr.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import {
  ensureKafkaJars,
  isProcessRunning,
  KAFKA_VERSION,
  piddiCacheDir,
  startJvmBroker,
  stopBrokerProcess,
} from '@piddi/testing';

interface BrokerState {
  pid: number;
  bootstrapServers: string;
  dataDir: string;
}

const STATE_FILE = join(piddiCacheDir(), 'broker.json');
const USAGE = 'usage: broker.ts start|stop|run|fetch [--port 9092] [--partitions 3]';

function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function readState(): Promise<BrokerState | undefined> {
  if (!existsSync(STATE_FILE)) return undefined;
  const state = JSON.parse(await readFile(STATE_FILE, 'utf8')) as BrokerState;
  return isProcessRunning(state.pid) ? state : undefined;
}

async function start(port: number, partitions: number): Promise<void> {
  const running = await readState();
  if (running) {
    say(`A broker is already running (pid ${running.pid}).`);
    console.log(running.bootstrapServers);
    return;
  }

  const broker = await startJvmBroker({ port, partitions, detached: true });
  const state: BrokerState = {
    pid: broker.pid,
    bootstrapServers: broker.bootstrapServers,
    dataDir: broker.dataDir,
  };
  await mkdir(piddiCacheDir(), { recursive: true });
  await writeFile(STATE_FILE, JSON.stringify(state, null, 2));
  say(`Kafka ${KAFKA_VERSION} runs as pid ${broker.pid}; stop it with: broker.ts stop`);
  console.log(broker.bootstrapServers);
}

async function stop(): Promise<void> {
  const state = await readState();
  if (!state) {
    say('No broker started by broker.ts is running.');
  } else {
    await stopBrokerProcess(state.pid, state.dataDir);
    say(`Stopped the broker at ${state.bootstrapServers}.`);
  }
  await rm(STATE_FILE, { force: true });
}

async function run(port: number, partitions: number): Promise<void> {
  const broker = await startJvmBroker({ port, partitions });
  say(`Kafka ${KAFKA_VERSION} is ready; Ctrl-C stops it and deletes its data.`);
  console.log(broker.bootstrapServers);

  // Listeners stay for repeated signals (a second Ctrl-C, or npx passing one on): without a
  // listener Node would exit at once and leave the broker's data behind.
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });
  say(`${signal}: stopping the broker`);
  await broker.stop();
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '9092' },
      partitions: { type: 'string', default: '3' },
    },
  });
  const port = Number(values.port);
  const partitions = Number(values.partitions);
  if (!Number.isInteger(port) || !Number.isInteger(partitions) || partitions < 1) {
    throw new Error(`--port and --partitions take whole numbers. ${USAGE}`);
  }

  const commands: Record<string, () => Promise<void>> = {
    start: () => start(port, partitions),
    stop,
    run: () => run(port, partitions),
    fetch: async () => console.log(await ensureKafkaJars()),
  };
  const command = commands[positionals[0] ?? ''];
  if (!command) throw new Error(USAGE);
  await command();
}

main().catch((error: Error) => {
  say(error.message);
  process.exitCode = 1;
});
