import Database from 'better-sqlite3';

/** An open SQLite database file. */
export type SqliteDatabase = Database.Database;

/** A prepared SQL statement. */
export type SqliteStatement = Database.Statement;

/** Opens (and creates) a SQLite database file with better-sqlite3. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  return new Database(path);
}
