import { ChangeSignal } from './change-signal.js';
import { checkWithLibrdkafka } from './check-kafka-settings.js';
import {
  describeKafkaError,
  DrainTimeoutError,
  KafkaConnectError,
  KafkaFatalError,
  KafkaSourceError,
  SourceStateError,
} from './errors.js';
import { createConsumer, type ConsumerCallbacks } from './create-consumer.js';
import { buildConsumerSettings, redactKafkaSettings } from './kafka-settings.js';
import { OffsetCommitter } from './offset-committer.js';
import {
  resolveSourceOptions,
  type KafkaSourceOptions,
  type ResolvedSourceOptions,
} from './kafka-source-options.js';
import { OffsetTracker } from './offset-tracker.js';
import {
  connectClient,
  consumeBatch,
  disconnectClient,
  type LibrdKafkaError,
  type RdKafkaConsumer,
} from './rdkafka.js';
import { MessageIntake } from './message-intake.js';
import { Rebalancer } from './rebalancer.js';
import type { RawMessage } from './source-message.js';

// How long the source may go without fetching (and so without serving rebalances) while every
// handler slot is busy.
const FULL_WAIT_BEFORE_PAUSE_MS = 1000;

/**
 * Consumes a topic (and its retry topic) at least once: several messages are handled at once,
 * and a partition's offset is committed only past messages whose handler resolved, never past
 * one still in flight or failed. Messages of one key in one partition are handled one after
 * the other, in offset order; keyless messages and other keys run alongside. Call `run()`
 * once; it resolves after `stop()` has drained the messages in flight, committed and
 * disconnected, and rejects when the source had to stop (a handler rejected, a fatal client
 * error, the final commit failed) or when handlers were still running at the end of the drain.
 */
export class KafkaSource {
  readonly #options: ResolvedSourceOptions;
  readonly #settings: Record<string, string | number | boolean>;
  readonly #tracker = new OffsetTracker();
  readonly #changed = new ChangeSignal();
  readonly #intake: MessageIntake;
  readonly #rebalancer: Rebalancer;
  #run?: Promise<void>;
  #stopRequested = false;
  #paused = false;
  #committer?: OffsetCommitter;
  #lastFetchError?: string;
  #failure?: KafkaSourceError;

  /**
   * Checks the options and settings, librdkafka's reading of every property included, without
   * connecting; throws KafkaConfigError (code KAFKA_CONFIG_INVALID).
   */
  constructor(options: KafkaSourceOptions) {
    this.#options = resolveSourceOptions(options);
    this.#settings = buildConsumerSettings(options.kafka);
    checkWithLibrdkafka(this.#settings);
    this.#intake = new MessageIntake(
      this.#tracker,
      this.#options.handler,
      this.#options.maxInFlight,
      this.#changed,
      this.#options.logger,
      {
        mayDispatch: () => !this.#stopRequested && !this.#failure && !this.#rebalancer.revoking,
        onDone: () => this.#committer?.noteCompleted(),
        onFailed: (error) => this.#fail(error),
      },
    );
    this.#rebalancer = new Rebalancer({
      tracker: this.#tracker,
      intake: this.#intake,
      changed: this.#changed,
      log: this.#options.logger,
      revokeTimeoutMs: this.#options.revokeTimeoutMs,
      onAssigned: this.#options.onAssigned,
      onError: (error) =>
        this.#fail(new KafkaFatalError(describeKafkaError(error), { cause: error })),
    });
  }

  /** Messages whose handler has been called and has not settled yet. */
  get inFlightCount(): number {
    return this.#intake.inFlightCount;
  }

  /**
   * Connects, subscribes and hands messages to the handler until `stop()` or a failure.
   * Rejects with a KafkaSourceError; `DRAIN_TIMEOUT` when handlers outlasted `drainTimeoutMs`
   * (what finished is committed, the rest is delivered again).
   */
  run(): Promise<void> {
    if (this.#run) return Promise.reject(new SourceStateError('run() was already called.'));
    this.#run = this.#runToEnd();
    return this.#run;
  }

  /**
   * Stops taking messages, waits for those in flight, commits and disconnects. Idempotent.
   * Resolves once `run()` has settled and never rejects, so that it can be fired from a signal
   * handler: how the run ended is told by the promise of `run()`. A handler may call it but
   * must not await it: it waits for that very handler.
   */
  async stop(): Promise<void> {
    this.#stopRequested = true;
    this.#changed.notify();
    await this.#run?.catch(() => undefined);
  }

  get #log() {
    return this.#options.logger;
  }

  get #topics(): string[] {
    const { topic, retryTopic } = this.#options;
    return retryTopic ? [topic, retryTopic] : [topic];
  }

  async #runToEnd(): Promise<void> {
    if (this.#stopRequested) return;
    const consumer = createConsumer(
      this.#settings,
      this.#options.pollTimeoutMs,
      this.#callbacks(),
      this.#log,
    );
    this.#committer = new OffsetCommitter(
      consumer,
      this.#tracker,
      this.#log,
      this.#options.commitEveryMessages,
    );
    this.#rebalancer.attach(consumer, this.#committer);
    await this.#connect(consumer);

    const commitTimer = setInterval(
      () => this.#committer?.commitProgress(),
      this.#options.commitIntervalMs,
    );
    try {
      consumer.subscribe(this.#topics);
      this.#log.info('Consuming', { topics: this.#topics, groupId: this.#settings['group.id'] });
      await this.#consumeUntilStopped(consumer);
    } catch (error) {
      this.#fail(
        error instanceof KafkaSourceError
          ? error
          : new KafkaFatalError(describeKafkaError(error), { cause: error }),
      );
    } finally {
      clearInterval(commitTimer);
      await this.#shutDown(consumer);
    }
    if (this.#failure) throw this.#failure;
  }

  async #connect(consumer: RdKafkaConsumer): Promise<void> {
    this.#log.debug('Connecting to Kafka', { settings: redactKafkaSettings(this.#settings) });
    try {
      await connectClient(consumer, this.#options.connectTimeoutMs);
    } catch (error) {
      const servers = this.#settings['bootstrap.servers'] ?? this.#settings['metadata.broker.list'];
      throw new KafkaConnectError(
        `Could not connect to Kafka at ${servers}: ${describeKafkaError(error)}. ` +
          'Check the [kafka] settings: bootstrap.servers, security, group protocol.',
        { cause: error },
      );
    }
  }

  async #consumeUntilStopped(consumer: RdKafkaConsumer): Promise<void> {
    while (!this.#stopRequested && !this.#failure) {
      await this.#waitForRoom(consumer);
      await this.#rebalancer.settle();
      // Synchronously from here to the fetch's start, so no (un)assign slips in between.
      this.#intake.beginFetch();
      const fetch = this.#fetch(consumer, Math.max(this.#intake.room(), 1));
      this.#rebalancer.fetching(fetch);
      const messages = await fetch;
      // A rebalance that arrived during that fetch is applied before its messages are taken.
      await this.#rebalancer.settle();
      this.#intake.accept(messages);
      this.#intake.dispatch();
    }
  }

  /**
   * At the in-flight bound, waits for a handler to finish. Fetching stops meanwhile, so what
   * librdkafka prefetched stays queued. Rebalances are served only while fetching, so when no
   * room appears for a while the partitions are paused (which drops the prefetched messages;
   * they are fetched again on resume) and the next fetch only serves callbacks.
   */
  async #waitForRoom(consumer: RdKafkaConsumer): Promise<void> {
    const hasRoom = () =>
      this.#intake.room() > 0 || this.#stopRequested || this.#failure !== undefined;
    if (!(await this.#changed.waitFor(hasRoom, FULL_WAIT_BEFORE_PAUSE_MS))) {
      if (!this.#paused) this.#log.debug('Every handler is busy; pausing partitions');
      consumer.pause(consumer.assignments());
      this.#paused = true;
    } else if (this.#paused) {
      this.#log.debug('Resuming partitions');
      consumer.resume(consumer.assignments());
      this.#paused = false;
    }
  }

  async #fetch(consumer: RdKafkaConsumer, size: number): Promise<RawMessage[]> {
    try {
      const messages = await consumeBatch(consumer, size);
      this.#lastFetchError = undefined;
      return messages;
    } catch (error) {
      if ((error as LibrdKafkaError).isFatal)
        throw new KafkaFatalError(describeKafkaError(error), { cause: error });
      this.#warnOnce(describeKafkaError(error));
      await this.#changed.next(this.#options.pollTimeoutMs);
      return [];
    }
  }

  #warnOnce(description: string): void {
    if (description === this.#lastFetchError) return;
    this.#lastFetchError = description;
    this.#log.warn('Fetching messages failed; retrying', {
      topics: this.#topics,
      error: description,
    });
  }

  #callbacks(): ConsumerCallbacks {
    return {
      onRebalance: (event, partitions) => this.#rebalancer.enqueue(event, partitions),
      onCommitResult: (error, offsets) => this.#committer?.onCommitResult(error, offsets),
      onClientError: (error) => {
        if (error.isFatal)
          this.#fail(new KafkaFatalError(describeKafkaError(error), { cause: error }));
        else this.#log.warn('Kafka client error', { error: describeKafkaError(error) });
      },
    };
  }

  async #shutDown(consumer: RdKafkaConsumer): Promise<void> {
    await this.#changed.waitFor(
      () => this.#intake.inFlightCount === 0,
      this.#options.drainTimeoutMs,
    );
    await this.#rebalancer.settle();
    this.#commitFinal(consumer);
    this.#reportUnfinished();

    this.#rebalancer.close();
    await disconnectClient(consumer);
    this.#log.info('Stopped consuming', { topics: this.#topics });
  }

  #commitFinal(consumer: RdKafkaConsumer): void {
    if (consumer.isConnected()) {
      try {
        this.#committer?.commitFinal();
      } catch (error) {
        this.#fail(error as KafkaSourceError);
      }
    }
    this.#committer?.close();
  }

  /** Handlers still running after the final commit leave their messages uncommitted. */
  #reportUnfinished(): void {
    const unfinished = this.#intake.unfinished();
    if (unfinished.length === 0) return;

    this.#fail(new DrainTimeoutError(this.#options.drainTimeoutMs, unfinished));
  }

  #fail(error: KafkaSourceError): void {
    if (this.#failure) {
      this.#log.warn('A further error while stopping', { code: error.code, error: error.message });
      return;
    }
    this.#failure = error;
    this.#log.error('Stopping the Kafka source', { code: error.code, error: error.message });
    this.#changed.notify();
  }
}
