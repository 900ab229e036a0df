import { describeRefusedSettings } from './check-kafka-settings.js';
import { describeKafkaError, KafkaConnectError, KafkaProduceError } from './errors.js';
import { buildProducerSettings, type KafkaSettings } from './kafka-settings.js';
import { SILENT_LOGGER, type KafkaLogger } from './logger.js';
import {
  connectClient,
  disconnectClient,
  Producer,
  type LibrdKafkaError,
  type RdKafkaProducer,
} from './rdkafka.js';
import type { SourceHeader } from './source-message.js';

/** An event to publish. */
export interface OutgoingEvent {
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: SourceHeader[] | Record<string, string | Buffer>;
}

/** Publishes events; `send` resolves only once the cluster has acknowledged the message. */
export interface EventProducer {
  send(topic: string, event: OutgoingEvent): Promise<void>;
  /** Waits until every message sent so far is acknowledged or failed. */
  flush(timeoutMs?: number): Promise<void>;
  /** Flushes, then disconnects; sends still unacknowledged after that fail. */
  close(timeoutMs?: number): Promise<void>;
}

export interface EventProducerOptions {
  /** @default 30000 */
  connectTimeoutMs?: number;
  logger?: KafkaLogger;
}

interface PendingDelivery {
  resolve(): void;
  reject(error: KafkaProduceError): void;
  topic: string;
}

function toHeaders(
  headers: OutgoingEvent['headers'],
): { [key: string]: string | Buffer }[] | undefined {
  if (!headers) return undefined;
  const pairs = Array.isArray(headers)
    ? headers.map((h) => [h.key, h.value] as const)
    : Object.entries(headers);
  return pairs.map(([key, value]) => ({ [key]: value }));
}

function toValue(value: string | Buffer | null): Buffer | null {
  return typeof value === 'string' ? Buffer.from(value) : value;
}

class RdEventProducer implements EventProducer {
  readonly #pending = new Map<number, PendingDelivery>();
  #nextId = 0;

  constructor(
    private readonly producer: RdKafkaProducer,
    private readonly log: KafkaLogger,
  ) {
    producer.on('delivery-report', (error, report) =>
      this.#onDelivery(error, report.opaque as number, report),
    );
  }

  send(topic: string, event: OutgoingEvent): Promise<void> {
    const id = this.#nextId++;
    return new Promise<void>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, topic });
      try {
        this.producer.produce(
          topic,
          null,
          toValue(event.value),
          event.key,
          Date.now(),
          id,
          toHeaders(event.headers),
        );
      } catch (error) {
        this.#pending.delete(id);
        reject(
          new KafkaProduceError(
            `Could not queue a message for ${topic}: ${describeKafkaError(error)}`,
            {
              topic,
              retriable: true,
              cause: error,
            },
          ),
        );
      }
    });
  }

  flush(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      this.producer.flush(timeoutMs, (error) =>
        error
          ? reject(
              new KafkaProduceError(`Flushing failed: ${describeKafkaError(error)}`, {
                cause: error,
              }),
            )
          : resolve(),
      );
    });
  }

  async close(timeoutMs = 30_000): Promise<void> {
    if (this.producer.isConnected())
      await this.flush(timeoutMs).catch((error: Error) => this.log.warn(error.message));
    await disconnectClient(this.producer);
    for (const [id, delivery] of this.#pending) {
      this.#pending.delete(id);
      delivery.reject(
        new KafkaProduceError(
          `The producer closed before ${delivery.topic} acknowledged a message.`,
          { topic: delivery.topic },
        ),
      );
    }
  }

  #onDelivery(
    error: LibrdKafkaError | undefined,
    id: number,
    report: { topic: string; partition: number; offset: number },
  ): void {
    const delivery = this.#pending.get(id);
    if (!delivery) return;
    this.#pending.delete(id);
    if (!error) {
      delivery.resolve();
      return;
    }
    delivery.reject(
      new KafkaProduceError(
        `${report.topic} did not accept a message: ${describeKafkaError(error)}`,
        {
          topic: report.topic,
          retriable: error.isRetriable ?? false,
          cause: error,
        },
      ),
    );
  }
}

/**
 * Connects a producer with the `[kafka]` settings (consumer-only ones left out). Used for the
 * retry topic, the demo and tests.
 */
export async function createEventProducer(
  kafka: KafkaSettings,
  options: EventProducerOptions = {},
): Promise<EventProducer> {
  const log = options.logger ?? SILENT_LOGGER;
  let producer: RdKafkaProducer;
  try {
    producer = new Producer({ ...buildProducerSettings(kafka), dr_cb: true });
  } catch (error) {
    throw describeRefusedSettings(error);
  }
  producer.on('event.error', (error) =>
    log.warn('Kafka producer error', { error: describeKafkaError(error) }),
  );

  try {
    await connectClient(producer, options.connectTimeoutMs ?? 30_000);
  } catch (error) {
    throw new KafkaConnectError(
      `The producer could not connect to Kafka: ${describeKafkaError(error)}`,
      { cause: error },
    );
  }
  producer.setPollInBackground(true);
  return new RdEventProducer(producer, log);
}
