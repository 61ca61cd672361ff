// The process's database connections. SQLite (the embedded default) in WAL mode with foreign keys
// and a busy timeout: the primary connection writes (lib/services/transaction.ts gives it one
// transaction at a time); a second, read-only connection beside it serves reads while a change is
// open there, so a read never sees a change another request has not committed. PostgreSQL (when
// DATABASE_URL names one, db/engine.ts): a pool, each transaction on a connection of its own.
// Code inside a transaction gets that transaction's connection.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { config } from '../lib/config';
import { makePrivate } from '../lib/private-files';
import { postgresUrl } from './engine';
import { migratePostgres } from './migrate-pg';
import * as pgSchema from './schema.pg';
import * as schema from './schema.sqlite';
import { Turn } from './turn';

/**
 * A connection as the code sees it: typed as SQLite's, since every query is written once against
 * db/schema.ts; on PostgreSQL it is node-postgres's Drizzle over the same query builders.
 */
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

// bigint columns (money in fen, byte sizes) and count(*) arrive as numbers, as they do from SQLite.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

/** A pool of connections to a PostgreSQL database (migrated by db/migrate-pg.ts). */
export function openPostgres(url: string, size = config.databasePoolSize): Db {
  const pool = new pg.Pool({ connectionString: url, max: size });
  return drizzlePostgres(pool, { schema: pgSchema }) as unknown as Db;
}

/** A database by where it is: a PostgreSQL URL, else a SQLite file. */
export function openAt(location: string): Db {
  return /^postgres(ql)?:\/\//.test(location) ? openPostgres(location) : openDatabase(location);
}

/** The pool behind a PostgreSQL connection opened by openPostgres. */
export function poolOf(db: Db): pg.Pool {
  return db.$client as unknown as pg.Pool;
}

/** A transaction's connection taken from the pool, as the code sees it: one Drizzle per connection, so its prepared queries are kept. */
export function onPooledConnection(client: pg.PoolClient): Db {
  let db = shared.pooled.get(client);
  if (!db) shared.pooled.set(client, (db = drizzlePostgres(client, { schema: pgSchema }) as unknown as Db));
  return db;
}

/** Brings the database's schema up to date: db/migrations on SQLite, db/migrations-pg on PostgreSQL. */
export async function applyMigrations(db: Db): Promise<void> {
  if (isPostgres(db)) return await migratePostgres(poolOf(db).options.connectionString!);
  const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');
  migrate(db, { migrationsFolder });
}

/** An open transaction (or savepoint): its connection, whether it may write, whether it is still open, and whether a savepoint of it is. */
export type OpenTransaction = { db: Db; writes: boolean; open: boolean; partOpen: boolean };

/**
 * The process's connections and what runs on them. Next loads this module more than once (the
 * server's own code and each bundle), so it all lives on globalThis: one primary, one reader
 * beside it, one turn per connection and one async context, whichever copy asks.
 */
type Connections = { primary?: Db; readers: WeakMap<Db, Db>; turns: WeakMap<Db, Turn>; pooled: WeakMap<pg.PoolClient, Db>; transactions: AsyncLocalStorage<OpenTransaction>; openOnPrimary?: OpenTransaction };
const shared: Connections = ((globalThis as { __stratusConnections?: Connections }).__stratusConnections ??= {
  readers: new WeakMap(),
  pooled: new WeakMap(),
  turns: new WeakMap(),
  transactions: new AsyncLocalStorage(),
});

/** The transaction the calling code runs in, if it is still open (work it left running is not in it). */
export function currentTransaction(): OpenTransaction | undefined {
  const open = shared.transactions.getStore();
  return open?.open ? open : undefined;
}

/** Runs `work` in the transaction `open`; one on the primary is also known outside it, so queries outside it go beside it. */
export function runInTransaction<T>(open: OpenTransaction, work: () => T): T {
  if (open.db === shared.primary && !currentTransaction()) shared.openOnPrimary = open;
  return shared.transactions.run(open, work);
}

/** A connection runs one transaction at a time: this is its turn (lib/services/transaction.ts takes it). */
export function turnOf(db: Db): Turn {
  let turn = shared.turns.get(db);
  if (!turn) shared.turns.set(db, (turn = new Turn()));
  return turn;
}

/**
 * The connection for the calling code: its transaction's; outside one, the primary, unless another
 * request's transaction is open on it (its work awaiting) — then the reader, so a query outside any
 * transaction never reads a change uncommitted or joins it (a write there fails: query_only).
 */
export function getDb(): Db {
  const open = currentTransaction();
  if (open) return open.db;
  return shared.openOnPrimary?.open ? readerDb() : primaryDb();
}

/** The writing connection (on PostgreSQL, the pool), opened on first use. */
export function primaryDb(): Db {
  shared.primary ??= postgresUrl ? openPostgres(postgresUrl) : openDatabase(config.databaseFile);
  return shared.primary;
}

/** Whether a connection is PostgreSQL's (a pool or a pooled connection) rather than a SQLite file's. */
export function isPostgres(db: Db): boolean {
  return !(db.$client instanceof Database);
}

/** The read-only connection beside the primary, on the same file (on PostgreSQL, the pool: each query sees only what is committed). */
export function readerDb(): Db {
  const primary = primaryDb();
  if (isPostgres(primary)) return primary;
  let reader = shared.readers.get(primary);
  if (!reader) {
    reader = openDatabase(primary.$client.name);
    reader.$client.pragma('query_only = ON');
    shared.readers.set(primary, reader);
  }
  return reader;
}

/** Closes a database and the reader beside it (on PostgreSQL, ends the pool). */
export async function closeDatabase(db: Db): Promise<void> {
  if (isPostgres(db)) return await poolOf(db).end();
  shared.readers.get(db)?.$client.close();
  shared.readers.delete(db);
  db.$client.close();
}

/** Tests point the process at a throwaway database. */
export function useDatabase(db: Db): void {
  shared.primary = db;
}
