/** Why a local Kafka broker could not be provided. */
export type KafkaBrokerErrorCode =
  | 'JAVA_MISSING'
  | 'MAVEN_MISSING'
  | 'KAFKA_JARS_FETCH_FAILED'
  | 'KAFKA_STORAGE_FORMAT_FAILED'
  | 'KAFKA_BROKER_START_FAILED'
  | 'KAFKA_BROKER_NOT_READY';

/** A local broker could not be started; `code` says which step failed. */
export class KafkaBrokerError extends Error {
  readonly code: KafkaBrokerErrorCode;

  constructor(code: KafkaBrokerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KafkaBrokerError';
    this.code = code;
  }
}

/** Said by every error about a missing tool, so the reader knows both ways out. */
export const BROKER_REQUIREMENTS =
  'The local Kafka broker needs Java 17+ and Maven (e.g. `apt-get install openjdk-17-jdk-headless ' +
  'maven`); or set KAFKA_BOOTSTRAP_SERVERS to use a running broker.';
