import { hasContainerRuntime, startContainerBroker } from './kafka/container-broker.js';
import { startJvmBroker } from './kafka/jvm-broker.js';

export { KAFKA_VERSION } from './kafka/broker-settings.js';
export { KafkaBrokerError, type KafkaBrokerErrorCode } from './kafka/errors.js';
export { ensureKafkaJars, kafkaLibsDir, piddiCacheDir } from './kafka/kafka-jars.js';
export { startJvmBroker, type JvmBroker, type JvmBrokerOptions } from './kafka/jvm-broker.js';
export { isProcessRunning, stopBrokerProcess } from './kafka/broker-process.js';

/** How the broker runs: `auto` picks a container when a Docker engine answers, else the JVM. */
export type KafkaBrokerRuntime = 'auto' | 'jvm' | 'container';

/** Options of {@link startKafkaBroker}. */
export interface KafkaBrokerOptions {
  /** @default $PIDDI_KAFKA_RUNTIME, else 'auto' */
  runtime?: KafkaBrokerRuntime;
  /** Partitions of auto-created topics. @default 3 */
  partitions?: number;
  /** Called once with a line saying where the broker runs and how long it took to start. */
  onStarted?: (message: string) => void;
}

/** A broker tests can use; `stop()` stops it only if it was started here. */
export interface StartedBroker {
  bootstrapServers: string;
  /** `external` when KAFKA_BOOTSTRAP_SERVERS named a broker that runs elsewhere. */
  runtime: 'external' | 'jvm' | 'container';
  stop(): Promise<void>;
}

function chooseRuntime(options: KafkaBrokerOptions): KafkaBrokerRuntime {
  const runtime = options.runtime ?? process.env.PIDDI_KAFKA_RUNTIME ?? 'auto';
  if (runtime === 'auto' || runtime === 'jvm' || runtime === 'container') return runtime;
  throw new RangeError(`PIDDI_KAFKA_RUNTIME must be auto, jvm or container, not "${runtime}".`);
}

/** Starts a fresh single-node KRaft broker: in a container where Docker answers, else as a JVM. */
export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<StartedBroker> {
  const runtime = chooseRuntime(options);
  const partitions = options.partitions ?? 3;
  const startedAt = Date.now();

  const inContainer =
    runtime === 'container' || (runtime === 'auto' && (await hasContainerRuntime()));
  const broker = inContainer
    ? { ...(await startContainerBroker(partitions)), runtime: 'container' as const }
    : { ...(await startJvmBroker({ partitions })), runtime: 'jvm' as const };

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  options.onStarted?.(
    `Kafka broker (${broker.runtime}) ready at ${broker.bootstrapServers} in ${seconds} s`,
  );
  return { bootstrapServers: broker.bootstrapServers, runtime: broker.runtime, stop: broker.stop };
}

/** The broker named by KAFKA_BOOTSTRAP_SERVERS if set, else a freshly started one. */
export async function acquireKafkaBroker(options: KafkaBrokerOptions = {}): Promise<StartedBroker> {
  const external = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (external) return { bootstrapServers: external, runtime: 'external', stop: async () => {} };
  return startKafkaBroker(options);
}

/**
 * The bootstrap servers for a test: set by the Kafka global setup (or by the user). Fails with
 * a message saying how to wire the setup when it is missing.
 */
export function kafkaBootstrapServers(): string {
  const servers = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (servers) return servers;
  throw new Error(
    'KAFKA_BOOTSTRAP_SERVERS is not set: add globalSetup/globalTeardown from ' +
      'tools/testing/src/kafka-global-setup.ts and kafka-global-teardown.ts to the jest config, ' +
      'or point it at a running broker.',
  );
}
