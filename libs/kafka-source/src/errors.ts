/** Stable codes of every failure the Kafka source reports; callers branch on these. */
export type KafkaSourceErrorCode =
  | 'KAFKA_CONFIG_INVALID'
  | 'KAFKA_CONNECT_FAILED'
  | 'KAFKA_COMMIT_FAILED'
  | 'KAFKA_FATAL'
  | 'KAFKA_PRODUCE_FAILED'
  | 'KAFKA_ADMIN_FAILED'
  | 'HANDLER_FAILED'
  | 'DRAIN_TIMEOUT'
  | 'SOURCE_STATE';

/** Where in Kafka an error happened, as far as it is known. */
export interface KafkaErrorContext {
  topic?: string;
  partition?: number;
  offset?: number;
  /** True when doing the same again later may succeed (broker unreachable, coordinator moving). */
  retriable?: boolean;
  cause?: unknown;
}

/** Base class of every error thrown by @piddi/kafka-source. */
export class KafkaSourceError extends Error {
  readonly code: KafkaSourceErrorCode;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: number;
  readonly retriable: boolean;

  constructor(code: KafkaSourceErrorCode, message: string, context: KafkaErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.code = code;
    this.topic = context.topic;
    this.partition = context.partition;
    this.offset = context.offset;
    this.retriable = context.retriable ?? false;
  }
}

/** A setting or option is missing, unknown to librdkafka, or contradicts how the source works. */
export class KafkaConfigError extends KafkaSourceError {
  /** The librdkafka property at fault, e.g. `bootstrap.server`, when one is. */
  readonly setting?: string;

  constructor(message: string, context: { setting?: string } = {}) {
    super('KAFKA_CONFIG_INVALID', message);
    this.setting = context.setting;
  }
}

/** The client could not reach the cluster (wrong address, TLS or SASL settings, broker down). */
export class KafkaConnectError extends KafkaSourceError {
  constructor(message: string, context: KafkaErrorContext = {}) {
    super('KAFKA_CONNECT_FAILED', message, { retriable: true, ...context });
  }
}

/** Offsets could not be committed; the events after them will be consumed again next time. */
export class KafkaCommitError extends KafkaSourceError {
  constructor(message: string, context: KafkaErrorContext = {}) {
    super('KAFKA_COMMIT_FAILED', message, { retriable: true, ...context });
  }
}

/** librdkafka reported an error it cannot recover from; the client must be recreated. */
export class KafkaFatalError extends KafkaSourceError {
  constructor(message: string, context: KafkaErrorContext = {}) {
    super('KAFKA_FATAL', message, context);
  }
}

/** A message was not acknowledged by the cluster. */
export class KafkaProduceError extends KafkaSourceError {
  constructor(message: string, context: KafkaErrorContext = {}) {
    super('KAFKA_PRODUCE_FAILED', message, context);
  }
}

/** A topic could not be created or inspected. */
export class KafkaAdminError extends KafkaSourceError {
  constructor(message: string, context: KafkaErrorContext = {}) {
    super('KAFKA_ADMIN_FAILED', message, context);
  }
}

/**
 * The message handler rejected. Handlers record bad events themselves, so a rejection means the
 * pipeline cannot go on; the message's offset is not committed.
 */
export class HandlerFailedError extends KafkaSourceError {
  constructor(message: string, context: KafkaErrorContext = {}) {
    super('HANDLER_FAILED', message, context);
  }
}

/** Messages of one partition whose handler was still running when the source stopped. */
export interface UnfinishedPartition {
  topic: string;
  partition: number;
  /** Offsets of the unfinished messages, lowest first. */
  offsets: number[];
}

function describeUnfinished(unfinished: readonly UnfinishedPartition[]): string {
  return unfinished
    .map(({ topic, partition, offsets }) => {
      const count = offsets.length === 1 ? '1 message' : `${offsets.length} messages`;
      return `${topic}/${partition}: ${count} from offset ${offsets[0]}`;
    })
    .join(', ');
}

/**
 * `stop()` gave up waiting for handlers after `drainTimeoutMs`. What had finished is committed;
 * the unfinished messages are not, and the group delivers them again (to this consumer after a
 * restart, or to another member). `retriable`: running again handles them.
 */
export class DrainTimeoutError extends KafkaSourceError {
  /** Per partition, the messages whose handler had not finished. */
  readonly unfinished: UnfinishedPartition[];

  constructor(drainTimeoutMs: number, unfinished: UnfinishedPartition[]) {
    // Coordinates only when they name the one partition concerned; `unfinished` has them all.
    const only = unfinished.length === 1 ? unfinished[0] : undefined;
    super(
      'DRAIN_TIMEOUT',
      `Stopped after waiting ${drainTimeoutMs} ms for handlers that had not finished ` +
        `(${describeUnfinished(unfinished)}). Their offsets are not committed; the messages ` +
        'will be delivered again. Give handlers more time with drainTimeoutMs.',
      { topic: only?.topic, partition: only?.partition, offset: only?.offsets[0], retriable: true },
    );
    this.unfinished = unfinished;
  }
}

/** The source was used out of order, e.g. `run()` called twice. */
export class SourceStateError extends KafkaSourceError {
  constructor(message: string) {
    super('SOURCE_STATE', message);
  }
}

/** The librdkafka error fields worth keeping; its objects carry a numeric `code`. */
export interface LibrdKafkaErrorLike {
  message: string;
  code?: number;
  isFatal?: boolean;
  isRetriable?: boolean;
}

/** A short description of a librdkafka error for messages and logs. */
export function describeKafkaError(error: unknown): string {
  if (
    error instanceof Error ||
    (typeof error === 'object' && error !== null && 'message' in error)
  ) {
    const { message, code } = error as LibrdKafkaErrorLike;
    return code === undefined ? message : `${message} (librdkafka code ${code})`;
  }
  return String(error);
}
