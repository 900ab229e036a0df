import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';

import type { IntervalTimer } from './clock.js';
import { ConsumerStats } from './consumer-stats.js';
import { ERASE_LINE, StatusLine } from './status-line.js';

/** A real writable stream that keeps what was written, posing as a terminal when asked. */
class CapturingStream extends Writable {
  output = '';
  isTTY: boolean;
  columns = 200;

  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.output += chunk.toString();
    done();
  }
}

function createHarness(isTTY: boolean) {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const clock = () => now;
  const callbacks = new Set<() => void>();
  const timer: IntervalTimer = {
    setInterval: (callback) => callbacks.add(callback) && callback,
    clearInterval: (handle) => callbacks.delete(handle as () => void),
  };
  const stream = new CapturingStream(isTTY);
  const stats = new ConsumerStats({ clock });
  const statusLine = new StatusLine({ stats, stream, clock, timer, plainIntervalSeconds: 30 });
  const tick = (seconds: number) => {
    now += seconds * 1000;
    for (const callback of callbacks) callback();
  };
  return { stats, stream, statusLine, callbacks, tick };
}

describe('StatusLine on a terminal', () => {
  it('draws the status in place, without a newline', () => {
    const { stats, stream, statusLine, tick } = createHarness(true);
    stats.increment('messages', 20);
    stats.increment('handles', 60);
    stats.increment('errors');
    stats.increment('skipped', 2);
    tick(10);

    statusLine.start();

    expect(stream.output).toBe(
      `${ERASE_LINE}messages 20 (2.00/s) | handles 60 (6.00/s) | errors 1 | skipped 2 | 00:00:10`,
    );
  });

  it('redraws the same line on every refresh', () => {
    const { stats, stream, statusLine, tick } = createHarness(true);
    statusLine.start();
    stats.increment('messages', 7);

    tick(1);

    const draws = stream.output.split(ERASE_LINE).filter(Boolean);
    expect(draws).toHaveLength(2);
    expect(draws[1]).toMatch(/^messages 7 /);
    expect(stream.output).not.toContain('\n');
  });

  it('prints a log line on its own line and redraws the status below it', () => {
    const { stream, statusLine } = createHarness(true);
    statusLine.start();
    stream.output = '';

    statusLine.log('12:00:00 info  registered dataset\n');

    const logged = `${ERASE_LINE}12:00:00 info  registered dataset\n`;
    expect(stream.output.startsWith(`${logged}${ERASE_LINE}messages 0 `)).toBe(true);
  });

  it('erases the status before lines printed to another stream, and redraws it after', () => {
    const { stream, statusLine } = createHarness(true);
    statusLine.start();
    stream.output = '';
    const order: string[] = [];

    statusLine.printAbove(() => order.push(`printed after ${JSON.stringify(stream.output)}`));

    expect(order).toEqual([`printed after ${JSON.stringify(ERASE_LINE)}`]);
    expect(stream.output.startsWith(`${ERASE_LINE}${ERASE_LINE}messages 0 `)).toBe(true);
  });

  it('erases the status when stopped so what follows starts on a clean line', () => {
    const { stream, statusLine, callbacks } = createHarness(true);
    statusLine.start();

    statusLine.stop();

    expect(stream.output.endsWith(ERASE_LINE)).toBe(true);
    expect(callbacks.size).toBe(0);
  });

  it('cuts the status to the terminal width so it never wraps', () => {
    const { stream, statusLine } = createHarness(true);
    stream.columns = 20;

    statusLine.start();

    expect(stream.output).toBe(`${ERASE_LINE}messages 0 (0.00/s)`);
  });

  it('prints log lines alone before it is started', () => {
    const { stream, statusLine } = createHarness(true);

    statusLine.log('starting');

    expect(stream.output).toBe('starting\n');
  });
});

describe('StatusLine on a file or pipe', () => {
  it('prints plain status lines at most once per interval, without control sequences', () => {
    const { stats, stream, statusLine, tick } = createHarness(false);
    statusLine.start();
    stats.increment('messages', 3);
    tick(10);
    statusLine.render();
    tick(20);

    const lines = stream.output.split('\n').filter(Boolean);
    expect(lines).toEqual([
      'messages 0 (0.00/s) | handles 0 (0.00/s) | errors 0 | skipped 0 | 00:00:00',
      'messages 3 (0.10/s) | handles 0 (0.00/s) | errors 0 | skipped 0 | 00:00:30',
    ]);
    expect(stream.output).not.toContain('\x1b');
    expect(stream.output).not.toContain('\r');
  });

  it('prints log lines as they are', () => {
    const { stream, statusLine } = createHarness(false);
    statusLine.start();
    stream.output = '';

    statusLine.log('one\n');
    statusLine.log('two');

    expect(stream.output).toBe('one\ntwo\n');
  });
});
