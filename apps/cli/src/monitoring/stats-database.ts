import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { STATS_COUNTERS } from './consumer-stats.js';
import type { StatsSnapshot } from './consumer-stats.js';
import { StatsDatabaseError } from './errors.js';
import type { SqliteDatabase, SqliteStatement } from './sqlite.js';
import { openSqliteDatabase } from './sqlite.js';
import { RATE_FIELDS, toFieldName, toStatsRecord } from './stats-record.js';

const COUNTER_COLUMNS = STATS_COUNTERS.map(toFieldName);
const COLUMNS = ['taken_at', 'started_at', 'elapsed_seconds', ...COUNTER_COLUMNS, ...RATE_FIELDS];

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  taken_at TEXT NOT NULL,
  started_at TEXT NOT NULL,
  elapsed_seconds REAL NOT NULL,
  ${COUNTER_COLUMNS.map((column) => `${column} INTEGER NOT NULL`).join(',\n  ')},
  ${RATE_FIELDS.map((column) => `${column} REAL NOT NULL`).join(',\n  ')}
)`;

const INSERT_ROW = `INSERT INTO snapshots (${COLUMNS.join(', ')})
  VALUES (${COLUMNS.map((column) => `@${column}`).join(', ')})`;

/**
 * Statistics snapshots in a SQLite file (`[stats] enable_db`), one row per snapshot in the
 * table `snapshots`; rows of one run share `started_at`.
 */
export class StatsDatabase {
  readonly path: string;
  private readonly database: SqliteDatabase;
  private readonly insertRow: SqliteStatement;

  private constructor(path: string, database: SqliteDatabase) {
    this.path = path;
    this.database = database;
    this.insertRow = database.prepare(INSERT_ROW);
  }

  /**
   * Opens the file, creating it, its folders and the table when missing.
   * @throws StatsDatabaseError STATS_DB_OPEN_FAILED
   */
  static open(path: string): StatsDatabase {
    try {
      return new StatsDatabase(path, prepareDatabaseFile(path));
    } catch (error) {
      const message = `Cannot open the statistics database ${path}: ${describe(error)}. Check [stats] db_path.`;
      throw new StatsDatabaseError('STATS_DB_OPEN_FAILED', path, message, error);
    }
  }

  /**
   * Appends one snapshot.
   * @throws StatsDatabaseError STATS_DB_WRITE_FAILED
   */
  write(snapshot: StatsSnapshot): void {
    try {
      this.insertRow.run(toStatsRecord(snapshot));
    } catch (error) {
      const message = `Cannot write to the statistics database ${this.path}: ${describe(error)}.`;
      throw new StatsDatabaseError('STATS_DB_WRITE_FAILED', this.path, message, error);
    }
  }

  /** Closes the file; the database cannot be written afterwards. */
  close(): void {
    this.database.close();
  }
}

function prepareDatabaseFile(path: string): SqliteDatabase {
  mkdirSync(dirname(path), { recursive: true });
  const database = openSqliteDatabase(path);
  // WAL lets a dashboard read the file while the consumer keeps writing.
  database.pragma('journal_mode = WAL');
  database.exec(CREATE_TABLE);
  return database;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
