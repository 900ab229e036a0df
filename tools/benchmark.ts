// Measures the consumer end to end: generated CMIP6 events on a real broker, the real
// `piddiplatsch consume` process, and the mock Handle server over loopback.
//
//   npx tsx --tsconfig tsconfig.base.json tools/benchmark.ts [--events 1000] [--files 10]
//       [--latency-ms 0] [--in-flight 16] [--concurrency 16]
//
// The clock runs from the first handle written to the last, so the consumer's start-up and
// the broker's group join are not counted; both are printed separately.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { HandleClient } from '@piddi/handle-client';
import { createEventProducer, ensureTopics } from '@piddi/kafka-source';
import { startMockHandleServer } from '@piddi/mock-handle';
import { acquireKafkaBroker, makeCmip6PostEvent } from '@piddi/testing';

const ROOT = join(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    files: { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '0' },
    'in-flight': { type: 'string', default: '16' },
    concurrency: { type: 'string', default: '16' },
  },
});
const EVENTS = Number(flags.events);
const FILES = Number(flags.files);

async function publish(bootstrapServers: string, topic: string): Promise<void> {
  const kafka = { 'bootstrap.servers': bootstrapServers };
  await ensureTopics(kafka, [{ topic, partitions: 3 }]);
  const producer = await createEventProducer(kafka);
  const sends = Array.from({ length: EVENTS }, (_, index) =>
    producer.send(topic, {
      key: `benchmark-${index}`,
      value: JSON.stringify(makeCmip6PostEvent({ member: index + 1, files: FILES })),
    }),
  );
  await Promise.all(sends);
  await producer.close();
}

async function writeConfig(
  dir: string,
  bootstrapServers: string,
  handleUrl: string,
  topic: string,
) {
  const config = join(dir, 'benchmark.toml');
  const toml = [
    '[consumer]',
    `topic = "${topic}"`,
    'retry_topic = ""',
    `output_dir = "${join(dir, 'outputs')}"`,
    `max_in_flight = ${Number(flags['in-flight'])}`,
    '[kafka]',
    `"bootstrap.servers" = "${bootstrapServers}"`,
    `"group.id" = "${topic}"`,
    '[handle]',
    `server_url = "${handleUrl}"`,
    `max_concurrency = ${Number(flags.concurrency)}`,
  ];
  await writeFile(config, `${toml.join('\n')}\n`);
  return config;
}

function startConsumer(dir: string, config: string) {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const args = ['--tsconfig', join(ROOT, 'tsconfig.base.json'), join(ROOT, 'apps/cli/src/main.ts')];
  const cli = ['--config', config, '--log', join(dir, 'pid.log'), 'consume'];
  return spawn(tsx, [...args, ...cli, '--stop-when-idle', '2'], { stdio: 'ignore', cwd: dir });
}

async function countHandles(client: HandleClient, prefix: string): Promise<number> {
  return (await client.listHandles(prefix, { page: 0, pageSize: 0 })).totalCount;
}

interface RegistrationTimes {
  firstAt: number;
  lastAt: number;
}

// Polls the handle count until every handle is there; gives up as soon as the consumer exits
// early (max_errors reached, a crash), which would otherwise leave the loop waiting forever.
async function waitForHandles(
  client: HandleClient,
  prefix: string,
  counts: { baseline: number; expected: number },
  consumerExit: Promise<number | null>,
): Promise<RegistrationTimes> {
  let exitCode: number | null | undefined;
  void consumerExit.then((code) => (exitCode = code));

  let firstAt: number | undefined;
  for (;;) {
    const count = await countHandles(client, prefix);
    if (count > counts.baseline && firstAt === undefined) firstAt = performance.now();
    if (count >= counts.expected) return { firstAt: firstAt!, lastAt: performance.now() };
    if (exitCode !== undefined) {
      throw new Error(
        `The consumer exited with code ${exitCode} after ${count - counts.baseline} of ` +
          `${counts.expected - counts.baseline} handles; see ${join(dir, 'pid.log')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dir = await mkdtemp(join(tmpdir(), 'piddi-benchmark-'));
const broker = await acquireKafkaBroker();
const server = await startMockHandleServer({ port: 0, latencyMs: Number(flags['latency-ms']) });
let consumer: ChildProcess | undefined;
const client = new HandleClient({
  baseUrl: server.url,
  auth: { username: '300:21.TEST/testuser', password: 'testpass' },
});
try {
  const topic = `benchmark-${Date.now()}`;
  await publish(broker.bootstrapServers, topic);
  const baseline = await countHandles(client, server.prefix);
  const expected = baseline + EVENTS * (FILES + 1);

  const startedAt = performance.now();
  consumer = startConsumer(dir, await writeConfig(dir, broker.bootstrapServers, server.url, topic));
  const consumerExit = new Promise<number | null>((resolve) => consumer!.on('close', resolve));
  const counts = { baseline, expected };
  const { firstAt, lastAt } = await waitForHandles(client, server.prefix, counts, consumerExit);
  const exitCode = await consumerExit;

  const seconds = (lastAt - firstAt) / 1000;
  const handles = EVENTS * (FILES + 1);
  console.log(`events              ${EVENTS} (${FILES} files each, ${handles} handles)`);
  console.log(`handle latency      ${flags['latency-ms']} ms per request (mock server)`);
  console.log(`in flight           ${flags['in-flight']} events, ${flags.concurrency} requests`);
  console.log(
    `start-up            ${((firstAt - startedAt) / 1000).toFixed(2)} s to the first handle`,
  );
  console.log(`registration        ${seconds.toFixed(2)} s from the first handle to the last`);
  console.log(`messages/s          ${(EVENTS / seconds).toFixed(1)}`);
  console.log(`handles/s           ${(handles / seconds).toFixed(1)}`);
  console.log(`consumer exit code  ${exitCode}`);
} finally {
  if (consumer?.exitCode === null) consumer.kill('SIGKILL');
  client.close();
  await server.close();
  await broker.stop();
}
