export { KafkaSource } from './kafka-source.js';
export type { KafkaSourceOptions } from './kafka-source-options.js';
export type { MessageHandler, SourceHeader, SourceMessage } from './source-message.js';
export type { PartitionRef } from './offset-tracker.js';
export {
  createEventProducer,
  type EventProducer,
  type EventProducerOptions,
  type OutgoingEvent,
} from './event-producer.js';
export { ensureTopics, type TopicSpec } from './ensure-topics.js';
export { redactKafkaSettings, type KafkaSettings } from './kafka-settings.js';
export { checkKafkaSettings } from './check-kafka-settings.js';
export { SILENT_LOGGER, type KafkaLogger, type LogFields } from './logger.js';
export {
  DrainTimeoutError,
  HandlerFailedError,
  KafkaAdminError,
  KafkaCommitError,
  KafkaConfigError,
  KafkaConnectError,
  KafkaFatalError,
  KafkaProduceError,
  KafkaSourceError,
  SourceStateError,
  type KafkaErrorContext,
  type KafkaSourceErrorCode,
  type UnfinishedPartition,
} from './errors.js';
