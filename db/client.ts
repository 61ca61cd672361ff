// The one database handle of the process. SQLite in WAL mode with foreign keys and a busy
// timeout; better-sqlite3 transactions are synchronous and serialised, which is what makes
// license consumption and other read-check-write use cases race-free.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { config } from '../lib/config';
import { makePrivate } from '../lib/private-files';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The database holds password hashes and secret keys: owner only, its -wal and -shm too.
  makePrivate(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  for (const companion of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(/*turbopackIgnore: true*/ companion)) fs.chmodSync(/*turbopackIgnore: true*/ companion, 0o600);
  sqlite.pragma('foreign_keys = ON');
  // Writers queue for the lock instead of failing; generous, because other processes may share the file.
  sqlite.pragma('busy_timeout = 15000');
  sqlite.pragma('synchronous = NORMAL');
  keepStatements(sqlite);
  return drizzle(sqlite, { schema });
}

const STATEMENTS_KEPT = 2_000;

/**
 * Drizzle asks the driver to compile every query again on each call; compiled statements are
 * kept by their SQL instead (issue 13: 9 compilations per launch). A kept statement is reset to
 * objects-not-arrays before reuse, as Drizzle switches it to raw rows when it maps the columns.
 */
function keepStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = compile(source);
    if (kept.size >= STATEMENTS_KEPT) kept.clear();
    kept.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

export function applyMigrations(db: Db): void {
  const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');
  migrate(db, { migrationsFolder });
}

const holder = globalThis as { __stratusDb?: Db };

/** The process-wide handle, opened on first use (Next may load this module more than once). */
export function getDb(): Db {
  holder.__stratusDb ??= openDatabase(config.databaseFile);
  return holder.__stratusDb;
}

/** Tests point the process at a throwaway database. */
export function useDatabase(db: Db): void {
  holder.__stratusDb = db;
}
