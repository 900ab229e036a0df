import { FailureStore, HandleRecordSink, MessageDump } from '@piddi/failure-store';
import { getRecordPlugin, recordOptionsFromConfig } from '@piddi/pid-records';
import {
  resolveEvent,
  StacApiClient,
  type ItemEvent,
  type StacItemSource,
} from '@piddi/stac-model';

import type { PiddiConfig } from '../config/index.js';
import type { Logger } from '../logging.js';
import { createHandleClient } from './create-clients.js';
import { DryRunWriter } from './dry-run-writer.js';
import { EventProcessor, type RecordWriter } from './event-processor.js';
import { HandleWriter } from './handle-writer.js';
import { originalEvent, type IncomingEvent } from './incoming-event.js';
import type { TransientPolicy } from './transient-retry.js';
import { OutcomeRecorder, type OutcomeCounters, type StopReason } from './outcome-recorder.js';

/** How one run of the pipeline behaves, from the command line. */
export interface RunMode {
  /** Write handle records to `handles/` instead of the Handle server. */
  dryRun: boolean;
  /** Keep every received message under `dump/`. */
  dump: boolean;
  /** Go on after skipped events even when `stop_on_skip` is set. */
  force: boolean;
}

export interface PipelineContext {
  logger: Logger;
  counters: OutcomeCounters;
  onStop: (reason: StopReason) => void;
}

/** A configured pipeline; `close` releases its connections. */
export interface Pipeline {
  processor: EventProcessor;
  outcomes: OutcomeRecorder;
  stac?: StacApiClient;
  /** The `[consumer.transient]` policy, for calls outside the processor (health probe). */
  transient: TransientPolicy;
  close(): Promise<void>;
}

function createStacClient(config: PiddiConfig, logger: Logger): StacApiClient | undefined {
  if (!config.stac.base_url) return undefined;
  return new StacApiClient({
    baseUrl: config.stac.base_url,
    timeoutMs: config.stac.timeout_ms,
    retries: config.stac.retries,
    logger,
  });
}

// Without [stac].base_url, a PATCH event cannot be resolved: a permanent error for that event.
const NO_STAC_API: StacItemSource = {
  getItem: async () => {
    throw Object.assign(new Error('A PATCH event needs the STAC API: set stac.base_url'), {
      code: 'STAC_NOT_CONFIGURED',
      retriable: false,
    });
  },
};

// The patched item is checked leniently, as parsed events are: `schema.strict_mode` concerns
// files only, and the record builder enforces it.
function resolverFor(stac: StacApiClient | undefined) {
  return (event: ItemEvent) => resolveEvent(event, stac ?? NO_STAC_API, { assets: 'lenient' });
}

/** Assembles the libraries into the pipeline the configuration and the run mode describe. */
export function buildPipeline(
  config: PiddiConfig,
  mode: RunMode,
  context: PipelineContext,
): Pipeline {
  const { logger } = context;
  const outputDir = config.consumer.output_dir;
  const stac = createStacClient(config, logger);
  const handleClient = mode.dryRun ? undefined : createHandleClient(config.handle, logger);
  const writer: RecordWriter = handleClient
    ? new HandleWriter(handleClient, config.handle.prefix)
    : new DryRunWriter(new HandleRecordSink({ outputDir, logger }));
  const dump = mode.dump ? new MessageDump({ outputDir, logger }) : undefined;
  const plugin = getRecordPlugin(config.consumer.plugin);
  const options = recordOptionsFromConfig(config, {
    plugin: config.consumer.plugin,
    stacClient: stac,
    logger,
  });

  const outcomes = new OutcomeRecorder({
    failures: new FailureStore({ outputDir, logger }),
    counters: context.counters,
    logger,
    maxErrors: config.consumer.max_errors,
    stopOnSkip: config.consumer.stop_on_skip && !mode.force,
    onStop: context.onStop,
  });
  const transient: TransientPolicy = {
    retries: config.consumer.transient.retries,
    backoffInitialMs: config.consumer.transient.backoff_initial_ms,
    backoffMaxMs: config.consumer.transient.backoff_max_ms,
  };
  const processor = new EventProcessor({
    resolve: resolverFor(stac),
    buildRecords: (event) => plugin.buildRecords(event, options),
    writer,
    outcomes,
    transient,
    dump: dump
      ? async (incoming: IncomingEvent) => {
          await dump.write(originalEvent(incoming.value), incoming.coordinates);
        }
      : undefined,
  });

  return {
    processor,
    outcomes,
    stac,
    transient,
    close: async () => handleClient?.close(),
  };
}
