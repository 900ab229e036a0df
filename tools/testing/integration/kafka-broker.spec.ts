import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

import { describe, expect, it } from '@jest/globals';
import kafka from '@confluentinc/kafka-javascript';

import { isProcessRunning, startJvmBroker } from '../src/kafka-broker.js';

function listTopics(bootstrapServers: string): Promise<string[]> {
  const admin = kafka.AdminClient.create({ 'bootstrap.servers': bootstrapServers });
  return new Promise<string[]>((resolve, reject) => {
    admin.listTopics({ timeout: 10_000 }, (error, topics) =>
      error ? reject(error) : resolve(topics),
    );
  }).finally(() => admin.disconnect());
}

describe('startJvmBroker', () => {
  it('serves metadata on loopback, then stops its JVM and deletes its data', async () => {
    const broker = await startJvmBroker({ partitions: 2 });
    const topics = await listTopics(broker.bootstrapServers);

    await broker.stop();

    expect(broker.bootstrapServers).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(Array.isArray(topics)).toBe(true);
    expect(isProcessRunning(broker.pid)).toBe(false);
    expect(existsSync(broker.dataDir)).toBe(false);
  }, 120_000);

  it('fails with KAFKA_BROKER_START_FAILED and the broker output when its port is taken', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as { port: number };

    const failure = await startJvmBroker({ port }).catch((error: unknown) => error);
    squatter.close();

    expect(failure).toMatchObject({ code: 'KAFKA_BROKER_START_FAILED' });
    expect((failure as Error).message).toMatch(/Address already in use/);
  }, 120_000);
});
