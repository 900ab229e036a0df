import { describe, expect, it, jest } from '@jest/globals';
import { DrainTimeoutError, HandlerFailedError, type KafkaSource } from '@piddi/kafka-source';

import type { Logger } from '../logging.js';
import type { Pipeline } from '../pipeline/build-pipeline.js';
import {
  closeUnlessBusy,
  consumeExitCode,
  EXIT_EVENTS_UNFINISHED,
  reportUnfinishedEvents,
  runUntilStopped,
} from './run-ending.js';

const UNFINISHED = [{ topic: 'esgf', partition: 1, offsets: [7, 9] }];

function sourceThat(run: () => Promise<void>, inFlightCount = 0): KafkaSource {
  return { run, inFlightCount } as unknown as KafkaSource;
}

function pipelineWithClose() {
  const close = jest.fn(async () => {});
  return { pipeline: { close } as unknown as Pipeline, close };
}

describe('consumeExitCode', () => {
  it.each([
    [undefined, false, 0],
    ['signal', false, 0],
    ['idle', false, 0],
    ['signal', true, EXIT_EVENTS_UNFINISHED],
    ['idle', true, EXIT_EVENTS_UNFINISHED],
    ['max_errors', false, 1],
    ['max_errors', true, 1],
    ['skipped', true, 1],
  ] as const)('is %p with events unfinished = %p: %p', (stopReason, unfinished, code) => {
    expect(consumeExitCode(stopReason, unfinished)).toBe(code);
  });
});

describe('runUntilStopped', () => {
  it('gives the DrainTimeoutError of a stop that left events unfinished', async () => {
    const error = new DrainTimeoutError(500, UNFINISHED);

    await expect(runUntilStopped(sourceThat(() => Promise.reject(error)))).resolves.toBe(error);
  });

  it('gives nothing for a run that ended with every event done', async () => {
    await expect(runUntilStopped(sourceThat(async () => {}))).resolves.toBeUndefined();
  });

  it('throws any other failure of the source', async () => {
    const error = new HandlerFailedError('the failure store cannot write');

    await expect(runUntilStopped(sourceThat(() => Promise.reject(error)))).rejects.toBe(error);
  });
});

describe('closeUnlessBusy', () => {
  it('closes the pipeline when no handler runs any more', async () => {
    const { pipeline, close } = pipelineWithClose();

    await expect(
      closeUnlessBusy(
        pipeline,
        sourceThat(async () => {}, 0),
      ),
    ).resolves.toBe(false);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('leaves the pipeline open under handlers still running, and says so', async () => {
    const { pipeline, close } = pipelineWithClose();

    await expect(
      closeUnlessBusy(
        pipeline,
        sourceThat(async () => {}, 2),
      ),
    ).resolves.toBe(true);
    expect(close).not.toHaveBeenCalled();
  });
});

describe('reportUnfinishedEvents', () => {
  it('logs at error level which events were unfinished, with their topic and partition', () => {
    const error = jest.fn<Logger['error']>();
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error } as Logger;

    reportUnfinishedEvents(logger, new DrainTimeoutError(500, UNFINISHED), 500);

    expect(error).toHaveBeenCalledWith(expect.stringContaining('will be delivered again'), {
      code: 'DRAIN_TIMEOUT',
      drainTimeoutMs: 500,
      events: 2,
      unfinished: UNFINISHED,
    });
  });
});
