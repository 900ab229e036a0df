// `npm start`: the whole product on this machine, on built-in defaults. Starts a local Kafka
// broker and the mock Handle server, publishes the events in tools/demo/events, consumes them
// with the live status line, and says where to look at the handles. Then stops everything.
//
//   npm start                 run once
//   npm start -- --keep       keep the mock Handle server up afterwards, until Ctrl-C
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { createEventProducer, ensureTopics } from '@piddi/kafka-source';
import { startMockHandleServer, type StartedMockHandleServer } from '@piddi/mock-handle';
import { acquireKafkaBroker } from '@piddi/testing';

const ROOT = join(import.meta.dirname, '..');
const EVENTS_DIR = join(import.meta.dirname, 'demo', 'events');
const OUTPUT_DIR = join(ROOT, 'outputs', 'demo');
const TOPIC = 'esgf.stac.items.demo';

function say(line: string): void {
  process.stdout.write(`\n\x1b[1m▶ ${line}\x1b[0m\n`);
}

async function startHandleServer(): Promise<StartedMockHandleServer> {
  const storeFile = join(OUTPUT_DIR, 'mock-handles.json');
  try {
    return await startMockHandleServer({ port: 8000, storeFile });
  } catch {
    // Port 8000 is taken (perhaps by a mock server you started yourself): any free port will do.
    return startMockHandleServer({ port: 0, storeFile });
  }
}

async function publishDemoEvents(bootstrapServers: string): Promise<number> {
  const kafka = { 'bootstrap.servers': bootstrapServers };
  await ensureTopics(kafka, [
    { topic: TOPIC, partitions: 3 },
    { topic: `${TOPIC}.retry`, partitions: 1 },
  ]);
  const producer = await createEventProducer(kafka);
  const files = (await readdir(EVENTS_DIR)).filter((file) => file.endsWith('.json')).sort();
  try {
    for (const file of files) {
      const event = await readFile(join(EVENTS_DIR, file), 'utf8');
      await producer.send(TOPIC, { key: file.replace(/\.json$/, ''), value: event });
    }
  } finally {
    await producer.close();
  }
  return files.length;
}

async function writeDemoConfig(bootstrapServers: string, handleUrl: string): Promise<string> {
  const config = join(OUTPUT_DIR, 'demo.toml');
  const toml = [
    '[consumer]',
    `topic = "${TOPIC}"`,
    `retry_topic = "${TOPIC}.retry"`,
    `output_dir = "${OUTPUT_DIR}"`,
    '# The demo ships one invalid event on purpose: keep going after it.',
    'max_errors = -1',
    '[kafka]',
    `"bootstrap.servers" = "${bootstrapServers}"`,
    `"group.id" = "piddi-demo-${Date.now()}"`,
    '[handle]',
    `server_url = "${handleUrl}"`,
  ];
  await writeFile(config, `${toml.join('\n')}\n`);
  return config;
}

function consume(config: string): Promise<number | null> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const main = join(ROOT, 'apps', 'cli', 'src', 'main.ts');
  const args = ['--tsconfig', join(ROOT, 'tsconfig.base.json'), main];
  const cli = ['--config', config, '--verbose', '--log', join(OUTPUT_DIR, 'pid.log')];
  const child = spawn(tsx, [...args, ...cli, 'consume', '--stop-when-idle', '3'], {
    stdio: 'inherit',
  });
  // Ctrl-C reaches the consumer too, which finishes what is in flight and exits; this script
  // waits for that and then stops the broker and the mock server instead of dying first.
  const letConsumerStop = (): void => console.log('\nStopping the consumer...');
  process.on('SIGINT', letConsumerStop);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      process.off('SIGINT', letConsumerStop);
      resolve(code);
    }),
  );
}

function waitForCtrlC(): Promise<void> {
  return new Promise((resolve) => process.once('SIGINT', () => resolve()));
}

await mkdir(OUTPUT_DIR, { recursive: true });
say('Starting a local Kafka broker (the first run downloads its jars with Maven)');
const broker = await acquireKafkaBroker({ onStarted: (line) => console.log(line) });
const handles = await startHandleServer();
try {
  console.log(`Mock Handle server at ${handles.url}, prefix ${handles.prefix}`);

  say(`Publishing the demo events to ${TOPIC}`);
  console.log(`${await publishDemoEvents(broker.bootstrapServers)} events from ${EVENTS_DIR}`);

  say('Consuming them: piddiplatsch --verbose consume');
  const config = await writeDemoConfig(broker.bootstrapServers, handles.url);
  const exitCode = await consume(config);

  say('Where to look');
  console.log(`Handles:   ${handles.url}/  (one page per handle, ?noredirect shows its values)`);
  console.log(`Failures:  ${join(OUTPUT_DIR, 'failures')}  (the demo's invalid event is there)`);
  console.log(`Log:       ${join(OUTPUT_DIR, 'pid.log')}`);
  console.log(`Consumer exit code: ${exitCode}`);
  process.exitCode = exitCode ?? 1;
  if (process.argv.includes('--keep')) {
    console.log('\nThe mock Handle server stays up; press Ctrl-C to stop it.');
    await waitForCtrlC();
  } else {
    const serve = `npx nx run mock-handle:serve --store=${join(OUTPUT_DIR, 'mock-handles.json')}`;
    console.log(`\nEverything stops now. To browse the handles later: ${serve}`);
  }
} finally {
  await handles.close();
  await broker.stop();
}
