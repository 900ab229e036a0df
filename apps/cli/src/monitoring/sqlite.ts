import { createRequire } from 'node:module';

// better-sqlite3 ships no type declarations and none are installed, so the few calls used here
// are typed by hand and the CommonJS module is loaded with require.

/** A prepared SQL statement. */
export interface SqliteStatement {
  run(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
}

/** An open SQLite database file. */
export interface SqliteDatabase {
  pragma(source: string): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): SqliteStatement;
  close(): void;
}

type SqliteConstructor = new (path: string) => SqliteDatabase;

const require = createRequire(import.meta.url);

/** Opens (and creates) a SQLite database file with better-sqlite3. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  const Database = require('better-sqlite3') as SqliteConstructor;
  return new Database(path);
}
