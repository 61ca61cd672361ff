// The process's database connections: SQLite in WAL mode with foreign keys and a busy timeout.
// The primary connection writes (lib/services/transaction.ts gives it one transaction at a time);
// a second, read-only connection runs read-only use cases, so a read never sees a change another
// request has not committed. Code inside a transaction gets that transaction's connection.
import { AsyncLocalStorage } from 'node:async_hooks';
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

const holder = globalThis as { __stratusDb?: Db; __stratusReaders?: WeakMap<Db, Db> };

/** An open transaction (or savepoint): its connection, whether it may write, whether it is still open, and whether a savepoint of it is. */
export type OpenTransaction = { db: Db; writes: boolean; open: boolean; partOpen: boolean };
const transactions = new AsyncLocalStorage<OpenTransaction>();

/** The transaction the calling code runs in, if it is still open (work it left running is not in it). */
export function currentTransaction(): OpenTransaction | undefined {
  const open = transactions.getStore();
  return open?.open ? open : undefined;
}

/** Runs `work` in the transaction `open`; one on the primary is also known outside it, so queries outside it go beside it. */
export function runInTransaction<T>(open: OpenTransaction, work: () => T): T {
  if (open.db === holder.__stratusDb && !currentTransaction()) openOnPrimary = open;
  return transactions.run(open, work);
}

/** The transaction open on the primary connection (lib/services/transaction.ts opens one at a time there), if any. */
let openOnPrimary: OpenTransaction | undefined;

/**
 * The connection for the calling code: its transaction's; outside one, the primary, unless another
 * request's transaction is open on it (its work awaiting) — then the reader, so a query outside any
 * transaction never reads a change uncommitted or joins it (a write there fails: query_only).
 */
export function getDb(): Db {
  const open = currentTransaction();
  if (open) return open.db;
  return openOnPrimary?.open ? readerDb() : primaryDb();
}

/** The writing connection (opened on first use; Next may load this module more than once). */
export function primaryDb(): Db {
  holder.__stratusDb ??= openDatabase(config.databaseFile);
  return holder.__stratusDb;
}

/** The read-only connection beside the primary, on the same file. */
export function readerDb(): Db {
  const primary = primaryDb();
  holder.__stratusReaders ??= new WeakMap();
  let reader = holder.__stratusReaders.get(primary);
  if (!reader) {
    reader = openDatabase(primary.$client.name);
    reader.$client.pragma('query_only = ON');
    holder.__stratusReaders.set(primary, reader);
  }
  return reader;
}

/** Closes a database and the reader beside it. */
export function closeDatabase(db: Db): void {
  holder.__stratusReaders?.get(db)?.$client.close();
  holder.__stratusReaders?.delete(db);
  db.$client.close();
}

/** Tests point the process at a throwaway database. */
export function useDatabase(db: Db): void {
  holder.__stratusDb = db;
}
