import { KAFKA_VERSION, singleNodeSettings, toImageVariable } from './broker-settings.js';
import { findFreePort } from '../free-port.js';

/** A broker in a container, for machines with a Docker engine. */
export interface ContainerBroker {
  bootstrapServers: string;
  stop(): Promise<void>;
}

const CLIENT_PORT = 9092;

/** Whether testcontainers finds a container runtime (Docker, Podman) to talk to. */
export async function hasContainerRuntime(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

function imageEnvironment(host: string, hostPort: number, partitions: number) {
  const settings = {
    'node.id': '1',
    'process.roles': 'broker,controller',
    // Clients reach CLIENT on the host's mapped port; the broker reaches itself on BROKER.
    listeners: `CLIENT://:${CLIENT_PORT},BROKER://:9094,CONTROLLER://:9093`,
    'advertised.listeners': `CLIENT://${host}:${hostPort},BROKER://localhost:9094`,
    'listener.security.protocol.map': 'CLIENT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'BROKER',
    'controller.listener.names': 'CONTROLLER',
    'controller.quorum.voters': '1@localhost:9093',
    ...singleNodeSettings(partitions),
  };
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [toImageVariable(k), v]));
}

/**
 * Starts the official apache/kafka image as a single KRaft node. The host port is chosen before
 * the start because the broker must advertise the address clients will use.
 */
export async function startContainerBroker(partitions: number): Promise<ContainerBroker> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const hostPort = await findFreePort();

  const container = await new GenericContainer(`apache/kafka:${KAFKA_VERSION}`)
    .withExposedPorts({ container: CLIENT_PORT, host: hostPort })
    .withEnvironment(imageEnvironment(host, hostPort, partitions))
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();

  return {
    bootstrapServers: `${host}:${hostPort}`,
    stop: async () => {
      await container.stop();
    },
  };
}
