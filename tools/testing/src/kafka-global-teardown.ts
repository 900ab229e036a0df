// Jest globalTeardown: stops the broker only in the run whose setup started it.
import { OWNED_BROKER_KEY, type BrokerHolder } from './kafka-global-state.js';

export default async function tearDownKafkaBroker(): Promise<void> {
  const holder = globalThis as BrokerHolder;
  const broker = holder[OWNED_BROKER_KEY];
  if (!broker) return;

  delete holder[OWNED_BROKER_KEY];
  delete process.env.KAFKA_BOOTSTRAP_SERVERS;
  await broker.stop();
}
