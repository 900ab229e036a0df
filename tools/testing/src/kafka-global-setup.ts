// Jest globalSetup: provides one Kafka broker for every test file of the run. When several
// projects name this setup, the first starts the broker and sets KAFKA_BOOTSTRAP_SERVERS; the
// others see the variable and reuse it.
import { startKafkaBroker } from './kafka-broker.js';
import { OWNED_BROKER_KEY, type BrokerHolder } from './kafka-global-state.js';

export default async function setUpKafkaBroker(): Promise<void> {
  if (process.env.KAFKA_BOOTSTRAP_SERVERS) return;

  const broker = await startKafkaBroker({
    onStarted: (message) => process.stderr.write(`\n${message}\n`),
  });

  process.env.KAFKA_BOOTSTRAP_SERVERS = broker.bootstrapServers;
  (globalThis as BrokerHolder)[OWNED_BROKER_KEY] = broker;
}
