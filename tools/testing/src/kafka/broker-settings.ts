/** The version of Apache Kafka run by the local broker, from Maven Central or as a Docker image. */
export const KAFKA_VERSION = '4.1.1';

/** Where a single-node broker keeps what a cluster would replicate: one copy is all there is. */
export function singleNodeSettings(partitions: number): Record<string, string> {
  return {
    'num.partitions': String(partitions),
    'auto.create.topics.enable': 'true',
    'offsets.topic.replication.factor': '1',
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    // Members of KIP-848 groups heartbeat at the broker's pace; 5 s by default makes tests slow.
    'group.consumer.min.heartbeat.interval.ms': '500',
    'group.consumer.heartbeat.interval.ms': '500',
  };
}

/** Where the JVM broker listens and keeps its data. */
export interface JvmBrokerLayout {
  brokerPort: number;
  controllerPort: number;
  dataDir: string;
  partitions: number;
}

/** server.properties of a combined broker+controller in KRaft mode on loopback. */
export function buildServerProperties(layout: JvmBrokerLayout): string {
  const settings = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    listeners: `PLAINTEXT://127.0.0.1:${layout.brokerPort},CONTROLLER://127.0.0.1:${layout.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${layout.brokerPort}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'controller.quorum.voters': `1@127.0.0.1:${layout.controllerPort}`,
    'log.dirs': layout.dataDir,
    ...singleNodeSettings(layout.partitions),
  };
  return renderProperties(settings);
}

/** A Java properties file; values here never hold characters that need escaping. */
export function renderProperties(settings: Record<string, string>): string {
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')
    .concat('\n');
}

/**
 * The environment variable the apache/kafka image reads for a server property:
 * `.` becomes `_`, `_` becomes `__`, `-` becomes `___`, upper-cased, prefixed with `KAFKA_`.
 */
export function toImageVariable(property: string): string {
  const name = property.replaceAll('_', '__').replaceAll('-', '___').replaceAll('.', '_');
  return `KAFKA_${name.toUpperCase()}`;
}

/** Logs warnings and errors only, to stderr, so a healthy broker stays quiet. */
export const QUIET_LOG4J2_PROPERTIES = renderProperties({
  status: 'error',
  'appender.stderr.type': 'Console',
  'appender.stderr.name': 'STDERR',
  'appender.stderr.target': 'SYSTEM_ERR',
  'appender.stderr.layout.type': 'PatternLayout',
  'appender.stderr.layout.pattern': '[%d] %p %m (%c)%n',
  'rootLogger.level': 'warn',
  'rootLogger.appenderRef.stderr.ref': 'STDERR',
  // Every fresh data folder makes the controller warn that its metadata log is empty.
  'logger.controller.name': 'org.apache.kafka.controller',
  'logger.controller.level': 'error',
});
