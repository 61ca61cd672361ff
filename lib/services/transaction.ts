// One use case = one database transaction, with its audit row written inside it (ADM-3).
// A refused attempt is audited too, after the rollback, so the log shows what was tried.
import { auditLog } from '../../db/schema';
import type { RunResult } from 'better-sqlite3';
import { sql, type Placeholder } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from '../../db/schema.sqlite';
import type pg from 'pg';
import { currentTransaction, isPostgres, onPooledConnection, poolOf, primaryDb, readerDb, runInTransaction, turnOf, type Db, type OpenTransaction } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { clock } from '../clock';
import { CloudError } from '../domain/errors';
import type { Actor } from '../domain/actor';

/** What a use case reads and writes through: the connection its transaction is open on (a seed's own transaction too). */
export type Tx = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

export type AuditNote = { target?: string; detail?: Record<string, unknown> };

type AuditRow = typeof auditLog.$inferInsert;

function auditRow(actor: Actor, action: string, note: AuditNote, error?: unknown): AuditRow {
  return {
    at: clock.now(),
    actorUserId: actor.userId,
    accountId: actor.accountId,
    action,
    target: note.target ?? null,
    requestId: actor.requestId,
    outcome: error ? 'error' : 'ok',
    errorCode: error ? (error instanceof CloudError ? error.code : 'InternalError') : null,
    detail: actor.accessKeyId ? { ...note.detail, accessKeyId: actor.accessKeyId } : (note.detail ?? null),
  };
}

const columns = ['at', 'actorUserId', 'accountId', 'action', 'target', 'requestId', 'outcome', 'errorCode', 'detail'] as const;
/** Every use case and API call writes one: built and compiled once (issue 13). */
const auditInsert = preparedQuery((db) =>
  db
    .insert(auditLog)
    .values(Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as Record<(typeof columns)[number], Placeholder>)
    .prepare(),
);
const writeAudit = async (row: AuditRow): Promise<void> => {
  await auditInsert().execute(row);
};

/** Audits a call that changes nothing (an API read). */
export async function auditCall(actor: Actor, action: string, error?: unknown): Promise<void> {
  await writeAudit(auditRow(actor, action, {}, error));
}

/** Audits an API call refused before anyone was known to be calling (bad key, signature, nonce). */
export async function auditRefusedCall(requestId: string, action: string, accessKeyId: string | null, error: CloudError): Promise<void> {
  try {
    await infrastructure(() => writeAudit({ at: clock.now(), actorUserId: null, accountId: null, action: action || 'unknown', target: null, requestId, outcome: 'error', errorCode: error.code, detail: { accessKeyId } }));
  } catch (auditError) {
    // A database too busy for the row still answers the refusal, as mutate's refusals do.
    if (!isBusy(auditError)) throw auditError;
  }
}

/** Errors a `mutate` has already audited, so the API does not audit the same refusal twice. */
const audited = new WeakSet<object>();

export function wasAudited(error: unknown): boolean {
  return typeof error === 'object' && error !== null && audited.has(error);
}

/** Audit actions are the API's PascalCase verbs (RunInstances, BootInstances): one convention, so a filter finds them. */
export type AuditAction = Capitalize<string>;

/**
 * Runs a state-changing use case in one immediate transaction. `note` lets the use case say
 * what it touched; it is written to the audit log with the outcome. A refusal is audited after
 * the rollback, still in this transaction's turn (or in the enclosing transaction).
 */
export async function mutate<T>(actor: Actor, action: AuditAction, work: (tx: Tx, note: AuditNote) => T | Promise<T>): Promise<T> {
  const note: AuditNote = {};
  try {
    return await transaction(
      'IMMEDIATE',
      async (tx) => {
        const result = await work(tx, note);
        await writeAudit(auditRow(actor, action, note));
        return result;
      },
      async (thrown) => {
        const error = isBusy(thrown) ? new CloudError('ServiceUnavailable') : thrown;
        if (typeof error === 'object' && error !== null) audited.add(error);
        try {
          await writeAudit(auditRow(actor, action, note, error));
        } catch (auditError) {
          // The refusal is answered as it was; a row that cannot be written does not replace it.
          if (!isBusy(auditError)) console.error('[audit] a refusal could not be recorded:', auditError);
        }
        return error;
      },
    );
  } catch (thrown) {
    throw isBusy(thrown) ? new CloudError('ServiceUnavailable') : thrown;
  }
}

/**
 * Work that is no one's use case — a job's claim or completion, a chunk of the hourly sweep, a
 * task's progress, the account a sign-up opens — in one immediate transaction. It writes no
 * audit row of its own: the use cases it runs audit themselves, and the job rows are its record.
 */
export async function infrastructure<T>(work: (tx: Tx) => T | Promise<T>): Promise<T> {
  return await transaction('IMMEDIATE', work);
}

/** Part of the enclosing transaction that can fail alone: its writes are undone, the rest stands. */
export async function savepoint<T>(work: () => T | Promise<T>): Promise<T> {
  if (!currentTransaction()) throw new Error('savepoint() outside a transaction');
  return transaction('IMMEDIATE', work);
}

/** A change on a connection the caller opened itself: the seeds, and scripts that prepare a database before the app uses it. */
export async function transactionOn<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return await transaction('IMMEDIATE', work, undefined, db);
}

/** SQLite's "database is locked" after the busy timeout: the change did not happen and may be retried. */
function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_BUSY');
}

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * An API call's one write transaction (issue 13): `claim` (its nonce), then `work` (a change's
 * use case, whose `mutate` becomes a savepoint of it), then `audit`, commit together. When the
 * use case refuses, `mutate` rolls back its own savepoint and audits the refusal; the claim and
 * that row still commit, and the refusal is returned. `work` writes only through `mutate`, as every
 * use case does. When `claim` throws, nothing is written and the error is thrown.
 */
export async function callTransaction<T>(claim: () => Promise<void>, work: () => T | Promise<T>, audit: (error?: unknown) => Promise<void>): Promise<CallOutcome<T>> {
  try {
    return await transaction('IMMEDIATE', async (): Promise<CallOutcome<T>> => {
      await claim();
      try {
        const value = await work();
        await audit();
        return { ok: true, value };
      } catch (error) {
        await audit(error);
        return { ok: false, error };
      }
    });
  } catch (thrown) {
    throw isBusy(thrown) ? new CloudError('ServiceUnavailable') : thrown;
  }
}

/**
 * A read-only use case runs in one deferred transaction, so its queries see one snapshot (a
 * page's count and its rows agree) and it takes no write lock. Inside a transaction it is part of it.
 */
export async function read<T>(work: (db: Db) => T | Promise<T>): Promise<T> {
  return await transaction('DEFERRED', work);
}

// Each connection runs one transaction at a time: a transaction waits for its connection's turn.
// Changes run on the primary connection. A read-only use case runs there too while no change is
// open (one connection keeps its page cache: the reader's is dropped whenever the primary commits,
// and every API call commits its nonce), and on the reader beside it (db/client.ts) while one is,
// so a read neither waits for a change nor sees one before it commits. A transaction begun inside
// another (found through the async context) is part of it: a change becomes a savepoint.
let savepoints = 0;

async function transaction<T>(begin: 'IMMEDIATE' | 'DEFERRED', work: (db: Db) => T | Promise<T>, afterRollback: (error: unknown) => unknown = (error) => error, on?: Db): Promise<T> {
  const outer = currentTransaction();
  if (outer) {
    if (begin === 'DEFERRED') return work(outer.db);
    return partOf(outer, work, afterRollback);
  }
  const pool = on ?? primaryDb();
  if (isPostgres(pool)) return postgresTransaction(poolOf(pool), begin, work, afterRollback);
  const writes = begin === 'IMMEDIATE';
  const db = on ?? (writes || !turnOf(primaryDb()).busy ? primaryDb() : readerDb());
  const turn = turnOf(db);
  await turn.take();
  try {
    const open: OpenTransaction = { db, writes, open: true, partOpen: false };
    const client = open.db.$client;
    client.exec(`BEGIN ${begin}`);
    try {
      const result = await runInTransaction(open, () => work(open.db));
      open.open = false;
      client.exec('COMMIT');
      return result;
    } catch (error) {
      open.open = false;
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    throw await afterRollback(error);
  } finally {
    turn.give();
  }
}

/**
 * PostgreSQL: each transaction on a connection of its own from the pool, so no transaction waits
 * for another's turn, only for the rows it locks. A change is READ COMMITTED, the rules that count
 * or consume lock what they count (db/portable.ts); a read is one REPEATABLE READ snapshot. A
 * transaction that loses a deadlock (or a serialization check) is undone by the database and run
 * again, up to RETRIES times, then answered ServiceUnavailable.
 */
async function postgresTransaction<T>(pool: pg.Pool, begin: 'IMMEDIATE' | 'DEFERRED', work: (db: Db) => T | Promise<T>, afterRollback: (error: unknown) => unknown): Promise<T> {
  const writes = begin === 'IMMEDIATE';
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    const open: OpenTransaction = { db: onPooledConnection(client), writes, open: true, partOpen: false };
    let broken = false;
    try {
      await client.query(writes ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const result = await runInTransaction(open, () => work(open.db));
        open.open = false;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        open.open = false;
        // A connection that cannot even roll back is not given back to the pool; the error stands.
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      }
    } catch (error) {
      if (!mayRunAgain(error)) throw await afterRollback(holdsNul(error) ? new CloudError('InvalidParameter') : error);
      if (attempt >= RETRIES) throw await afterRollback(new CloudError('ServiceUnavailable'));
    } finally {
      client.release(broken);
    }
  }
}

const RETRIES = 3;

/** PostgreSQL refuses a text with a NUL character (SQLite stores it): that is bad input, not a fault of ours. */
const holdsNul = (error: unknown) => sqlState(error) === '22021';

/** The SQLSTATE of a PostgreSQL error, also when Drizzle wraps it ('Failed query', the error its cause). */
function sqlState(error: unknown): unknown {
  const cause = error instanceof Error && error.cause ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause ? (cause as { code: unknown }).code : undefined;
}

/** PostgreSQL's serialization_failure and deadlock_detected: the transaction was undone and may be run again. */
const mayRunAgain = (error: unknown) => sqlState(error) === '40001' || sqlState(error) === '40P01';

/** A statement of transaction control on the connection, either engine. */
async function control(db: Db, statement: string): Promise<void> {
  if (isPostgres(db)) await (db.$client as unknown as pg.PoolClient).query(statement);
  else db.$client.exec(statement);
}

/** A change inside another transaction: a savepoint of it, undone alone when it fails. */
async function partOf<T>(outer: OpenTransaction, work: (db: Db) => T | Promise<T>, afterRollback: (error: unknown) => unknown): Promise<T> {
  if (!outer.writes) throw new Error('a change inside a read-only use case');
  // Savepoints nest; two side by side (work run in parallel inside one transaction) would release each other.
  if (outer.partOpen) throw new Error('two parts of one transaction at once: run them one after another');
  const name = `s${++savepoints}`;
  const part: OpenTransaction = { db: outer.db, writes: true, open: true, partOpen: false };
  outer.partOpen = true;
  await control(outer.db, `SAVEPOINT ${name}`);
  try {
    const result = await runInTransaction(part, () => work(outer.db));
    await control(outer.db, `RELEASE ${name}`);
    return result;
  } catch (error) {
    // When SQLite has already rolled the whole transaction back there is no savepoint left: the error stands.
    if (isPostgres(outer.db) || outer.db.$client.inTransaction) {
      await control(outer.db, `ROLLBACK TO ${name}`);
      await control(outer.db, `RELEASE ${name}`);
    }
    throw await afterRollback(error);
  } finally {
    part.open = false;
    outer.partOpen = false;
  }
}
