import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import kafka from '@confluentinc/kafka-javascript';

const PROBE_INTERVAL_MS = 200;

/** Whether something accepts TCP connections at host:port. */
export function isPortOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether the cluster answers a metadata request (topic listing) within the timeout. */
export function answersMetadata(bootstrapServers: string, timeoutMs: number): Promise<boolean> {
  const admin = kafka.AdminClient.create({ 'bootstrap.servers': bootstrapServers });
  return new Promise<boolean>((resolve) => {
    admin.listTopics({ timeout: timeoutMs }, (error) => resolve(!error));
  }).finally(() => admin.disconnect());
}

/**
 * Waits until the broker at host:port accepts connections and serves metadata. The port is
 * probed first because librdkafka logs every refused connection. `isAlive` ends the wait early
 * when the broker process is gone.
 */
export async function waitForBroker(
  host: string,
  port: number,
  deadline: number,
  isAlive: () => boolean = () => true,
): Promise<boolean> {
  while (Date.now() < deadline && isAlive()) {
    if (await isPortOpen(host, port)) {
      const remaining = Math.max(deadline - Date.now(), 1000);
      if (await answersMetadata(`${host}:${port}`, Math.min(remaining, 5000))) return true;
    }
    await sleep(PROBE_INTERVAL_MS);
  }
  return false;
}
