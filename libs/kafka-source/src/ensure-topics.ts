import { describeKafkaError, KafkaAdminError } from './errors.js';
import { buildProducerSettings, type KafkaSettings } from './kafka-settings.js';
import { AdminClient, ERROR_CODES, type LibrdKafkaError } from './rdkafka.js';

/** A topic the application needs. */
export interface TopicSpec {
  topic: string;
  partitions: number;
  /** @default the broker's default.replication.factor */
  replicationFactor?: number;
}

type AdminConnection = ReturnType<typeof AdminClient.create>;

function createTopic(admin: AdminConnection, spec: TopicSpec, timeoutMs: number): Promise<boolean> {
  const request = {
    topic: spec.topic,
    num_partitions: spec.partitions,
    replication_factor: spec.replicationFactor ?? -1,
  };
  return new Promise((resolve, reject) => {
    admin.createTopic(request, timeoutMs, (error: LibrdKafkaError | undefined) => {
      if (!error) resolve(true);
      else if (error.code === ERROR_CODES.ERR_TOPIC_ALREADY_EXISTS) resolve(false);
      else
        reject(
          new KafkaAdminError(
            `Could not create topic ${spec.topic}: ${describeKafkaError(error)}`,
            { topic: spec.topic, cause: error },
          ),
        );
    });
  });
}

/**
 * Creates the topics that do not exist yet; existing topics are left as they are (their
 * partition count is not changed). Resolves with the names of the topics it created.
 */
export async function ensureTopics(
  kafka: KafkaSettings,
  topics: TopicSpec[],
  timeoutMs = 30_000,
): Promise<string[]> {
  let admin: AdminConnection;
  try {
    admin = AdminClient.create(buildProducerSettings(kafka));
  } catch (error) {
    throw new KafkaAdminError(
      `Could not start a Kafka admin client: ${describeKafkaError(error)}`,
      { cause: error },
    );
  }

  try {
    const created = await Promise.all(topics.map((spec) => createTopic(admin, spec, timeoutMs)));
    return topics.filter((_, index) => created[index]).map((spec) => spec.topic);
  } finally {
    admin.disconnect();
  }
}
