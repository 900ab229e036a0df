import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConsumerStats } from './consumer-stats.js';
import { StatsDatabaseError } from './errors.js';
import { openSqliteDatabase } from './sqlite.js';
import { StatsDatabase } from './stats-database.js';

const START = Date.parse('2026-01-01T00:00:00Z');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'piddi-stats-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function readRows(path: string): Array<Record<string, unknown>> {
  const reader = openSqliteDatabase(path);
  try {
    return reader.prepare('SELECT * FROM snapshots ORDER BY id').all() as Array<
      Record<string, unknown>
    >;
  } finally {
    reader.close();
  }
}

function catchStatsError(action: () => unknown): StatsDatabaseError {
  try {
    action();
  } catch (error) {
    if (error instanceof StatsDatabaseError) return error;
    throw error;
  }
  throw new Error('expected a StatsDatabaseError');
}

describe('StatsDatabase', () => {
  it('creates missing folders and writes snapshots that another connection reads back', () => {
    let now = START;
    const stats = new ConsumerStats({ clock: () => now });
    const path = join(dir, 'outputs', 'nested', 'stats.db');
    const database = StatsDatabase.open(path);
    stats.increment('messages', 10);
    stats.increment('handles', 25);
    now += 5000;
    const first = stats.snapshot();
    stats.increment('externalFailures', 2);
    now += 5000;

    database.write(first);
    database.write(stats.snapshot(undefined, first));
    database.close();

    const rows = readRows(path);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      taken_at: '2026-01-01T00:00:05.000Z',
      started_at: '2026-01-01T00:00:00.000Z',
      elapsed_seconds: 5,
      messages: 10,
      handles: 25,
      external_failures: 0,
      message_rate: 2,
      handle_rate: 5,
    });
    expect(rows[1]).toMatchObject({
      external_failures: 2,
      interval_handle_rate: 0,
      elapsed_seconds: 10,
    });
  });

  it('keeps one column per counter', () => {
    const path = join(dir, 'stats.db');
    const database = StatsDatabase.open(path);
    database.write(new ConsumerStats({ clock: () => START }).snapshot());
    database.close();

    const columns = Object.keys(readRows(path)[0]);

    expect(columns).toEqual(
      expect.arrayContaining([
        'messages',
        'handles',
        'errors',
        'warnings',
        'skipped',
        'patched',
        'retracted',
        'replicas',
        'external_failures',
        'retries',
        'interval_message_rate',
      ]),
    );
  });

  it('uses write-ahead logging so readers do not block the consumer', () => {
    const path = join(dir, 'stats.db');
    StatsDatabase.open(path).close();

    const reader = openSqliteDatabase(path);
    const mode = reader.pragma('journal_mode');
    reader.close();

    expect(mode).toEqual([{ journal_mode: 'wal' }]);
  });

  it('appends to the rows of earlier runs', () => {
    const path = join(dir, 'stats.db');
    const snapshot = new ConsumerStats({ clock: () => START }).snapshot();
    for (let run = 0; run < 2; run += 1) {
      const database = StatsDatabase.open(path);
      database.write(snapshot);
      database.close();
    }

    expect(readRows(path)).toHaveLength(2);
  });

  it('names the path when the file cannot be created', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const path = join(blocker, 'stats.db');

    const error = catchStatsError(() => StatsDatabase.open(path));

    expect(error.code).toBe('STATS_DB_OPEN_FAILED');
    expect(error.path).toBe(path);
  });

  it('reports a write to a closed database', () => {
    const database = StatsDatabase.open(join(dir, 'stats.db'));
    database.close();

    const error = catchStatsError(() =>
      database.write(new ConsumerStats({ clock: () => START }).snapshot()),
    );

    expect(error.code).toBe('STATS_DB_WRITE_FAILED');
  });
});
