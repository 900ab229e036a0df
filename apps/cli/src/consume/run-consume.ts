import { KafkaSource, type DrainTimeoutError, type SourceMessage } from '@piddi/kafka-source';
import type { StacApiClient } from '@piddi/stac-model';

import { buildPipeline, type RunMode } from '../pipeline/build-pipeline.js';
import { RETRIES_HEADER, type IncomingEvent } from '../pipeline/incoming-event.js';
import { withTransientRetries, type TransientPolicy } from '../pipeline/transient-retry.js';
import type { RunSession } from '../run-session.js';
import { IdleWatch } from './idle-watch.js';
import {
  closeUnlessBusy,
  consumeExitCode,
  reportUnfinishedEvents,
  runUntilStopped,
  type ConsumeStopReason,
} from './run-ending.js';
import { consumerGroupFor, sourceOptionsFor } from './source-options.js';

export interface ConsumeMode extends RunMode {
  /** Stop once no event arrived for this long and none is in flight; 0 = run until stopped. */
  stopWhenIdleMs: number;
}

/** How a consumer run ended. */
export interface ConsumeResult {
  stopReason?: ConsumeStopReason;
  exitCode: number;
  /**
   * Handlers of events the stop gave up on are still running; the process is to end without
   * waiting for them, as their events are not committed and come again.
   */
  handlersLeftRunning: boolean;
}

function retriesOf(message: SourceMessage): number {
  const header = message.headers?.find((entry) => entry.key === RETRIES_HEADER);
  const retries = Number(header?.value.toString('utf8'));
  return Number.isSafeInteger(retries) && retries >= 0 ? retries : 0;
}

/** A Kafka message as the pipeline sees it. */
export function toIncomingEvent(message: SourceMessage): IncomingEvent {
  const { topic, partition, offset, key } = message;
  return {
    value: message.value,
    coordinates: { topic, partition, offset, key: key ?? null },
    retries: retriesOf(message),
  };
}

/**
 * Consumes the configured topics until a signal, a limit of `[consumer]`, or idleness stops it.
 * Every event is registered or recorded before its offset is committed.
 */
export async function runConsume(session: RunSession, mode: ConsumeMode): Promise<ConsumeResult> {
  const { config, logger, stats } = session;
  let stopReason: ConsumeResult['stopReason'];
  const stop = (reason: NonNullable<ConsumeResult['stopReason']>) => {
    stopReason ??= reason;
    logger.info('Stopping the consumer', { reason });
    void source.stop();
  };

  const pipeline = buildPipeline(config, mode, { logger, counters: stats, onStop: stop });
  const idle = new IdleWatch(mode.stopWhenIdleMs, () => stop('idle'));
  const hooks = {
    logger,
    onAssigned: () => idle.start(),
    handler: (message: SourceMessage) =>
      idle.track(pipeline.processor.process(toIncomingEvent(message))),
  };
  const source = new KafkaSource(sourceOptionsFor(config, hooks, mode));
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info('Received a signal; finishing the events in flight', { signal });
    stop('signal');
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);

  let unfinished: DrainTimeoutError | undefined;
  let handlersLeftRunning = false;
  try {
    if (pipeline.stac && config.stac.health_check) {
      await probeStac(pipeline.stac, pipeline.transient, session);
    }
    logger.info('Consuming', {
      topic: config.consumer.topic,
      group: consumerGroupFor(config, mode),
      dryRun: mode.dryRun,
    });
    unfinished = await runUntilStopped(source);
  } finally {
    idle.stop();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    handlersLeftRunning = await closeUnlessBusy(pipeline, source);
  }

  if (unfinished) reportUnfinishedEvents(logger, unfinished, config.consumer.drain_timeout_ms);
  const exitCode = consumeExitCode(stopReason, unfinished !== undefined);
  return { stopReason, exitCode, handlersLeftRunning };
}

// Every failed probe is an outside failure, whatever its error says.
function probeStac(
  stac: StacApiClient,
  policy: TransientPolicy,
  { logger, stats }: RunSession,
): Promise<void> {
  return withTransientRetries(() => stac.checkHealth(), policy, {
    onAttemptFailed: () => stats.increment('externalFailures'),
    onRetry: (error, attempt) => {
      stats.increment('retries');
      logger.warn('STAC API health probe failed; retrying', {
        attempt,
        reason: error instanceof Error ? error.message : String(error),
      });
    },
  });
}
