import type { EventProducer } from '@piddi/kafka-source';
import type { RetryEvent } from '@piddi/failure-store';

import type { EventProcessor } from '../pipeline/event-processor.js';
import { RETRIES_HEADER } from '../pipeline/incoming-event.js';

/** Where a retried event goes: straight through the pipeline, or back onto Kafka. */
export interface RetryTarget {
  /** True when the event succeeded (registered, or handed to Kafka). */
  retry(event: RetryEvent): Promise<boolean>;
}

/** Processes events right away, with the retry count one higher than stored. */
export class PipelineRetryTarget implements RetryTarget {
  constructor(private readonly processor: EventProcessor) {}

  async retry(event: RetryEvent): Promise<boolean> {
    const outcome = await this.processor.process({
      value: event.value,
      coordinates: event.coordinates,
      retries: event.retries + 1,
    });
    return outcome === 'registered';
  }
}

/** Sends events to the retry topic, where the consumer picks them up (`--via-kafka`). */
export class KafkaRetryTarget implements RetryTarget {
  constructor(
    private readonly producer: EventProducer,
    private readonly topic: string,
  ) {}

  async retry(event: RetryEvent): Promise<boolean> {
    await this.producer.send(this.topic, {
      key: event.key ?? null,
      value: event.value,
      headers: { [RETRIES_HEADER]: String(event.retries + 1) },
    });
    return true;
  }
}
