// SQL that means the same on SQLite and PostgreSQL (issue 15): the few places the two engines
// differ for the same words, written once here so a service never leans on one engine's reading.
import { sql, type AnyColumn, type Placeholder, type SQL, type Table } from 'drizzle-orm';
import { onPostgres } from './engine';

/** What a write reports: better-sqlite3's RunResult, or node-postgres's QueryResult. */
export type WriteResult = { changes: number } | { rowCount: number | null };

/** How many rows a write (UPDATE, DELETE, INSERT … ON CONFLICT DO NOTHING) changed, on either engine. */
export function changedRows(result: WriteResult): number {
  return 'changes' in result ? result.changes : (result.rowCount ?? 0);
}

/**
 * `column LIKE pattern` without regard to (ASCII) case, the pattern's `\` escaping % _ and `\`
 * (lib/domain/list-query.ts containsPattern). SQLite's LIKE ignores ASCII case and has no
 * default escape; PostgreSQL's is case-sensitive and escapes with `\`: lower() on both sides and
 * the ESCAPE said make them agree. (Non-ASCII letters: SQLite's lower() leaves them as they are.)
 */
export function likeIgnoringCase(column: AnyColumn | SQL, pattern: string | Placeholder): SQL {
  return sql`lower(${column}) LIKE lower(${pattern}) ESCAPE '\\'`;
}

// NULL's place in an order: SQLite puts NULLs first in ASC and last in DESC, PostgreSQL the
// opposite. These say SQLite's placement, so its plans (which read an index for it) stay as they were.

/** Newest first, rows without a value last. */
export const descNullsLast = (column: AnyColumn | SQL): SQL => sql`${column} DESC NULLS LAST`;

/** Oldest first, rows without a value first. */
export const ascNullsFirst = (column: AnyColumn | SQL): SQL => sql`${column} ASC NULLS FIRST`;

/**
 * `column IN` the values of a JSON array given as one parameter: any number of ids in one
 * prepared statement (issue 13). SQLite reads the array with json_each. PostgreSQL gets it as an
 * array (`= ANY`), which its generic plan of a prepared statement looks up in the column's
 * index: as `IN (SELECT …)` it planned a hash join over every row of the table.
 */
export function inJsonList(column: AnyColumn | SQL, list: Placeholder | string): SQL {
  return onPostgres ? sql`${column} = ANY(ARRAY(SELECT json_array_elements_text(${list}::json)))` : sql`${column} IN (SELECT value FROM json_each(${list}))`;
}

/**
 * A SELECT of rows to take (a job claim) that passes over rows another transaction holds locked,
 * locking the ones it takes: PostgreSQL's FOR UPDATE SKIP LOCKED. SQLite's one writer needs none.
 */
export function skippingLocked<Q>(query: Q): Q {
  return onPostgres ? (query as unknown as { for(strength: 'update', config: { skipLocked: true }): Q }).for('update', { skipLocked: true }) : query;
}

/**
 * `work` for each item, one after another: a transaction's connection answers one query at a
 * time (node-postgres queues the rest, and is to refuse them), so reads of several rows in one
 * transaction are not run side by side.
 */
export async function oneAfterAnother<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

/**
 * Holds a lock on a name until the transaction ends, for a check-then-insert with no row to lock
 * (a recurring job's one waiting row): PostgreSQL's transaction-level advisory lock. SQLite's one
 * writer already runs such transactions one at a time.
 */
export async function lockName(db: { run(query: SQL): unknown } | { execute(query: SQL): PromiseLike<unknown> }, name: string): Promise<void> {
  if ('execute' in db) await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`);
}

/** A row whose children a rule counts: its key, and a column that no key, index or trigger covers. */
type CountedParent = Table & { id: AnyColumn; createdAt: AnyColumn };

/**
 * Locks the parent row of what a rule counts (SHR-3, SHR-4, SHR-6, IMP-9, REF-3), in the
 * transaction that then counts and inserts. Under PostgreSQL's READ COMMITTED two transactions
 * would each count without the other's uncommitted insert and both pass the cap; with the row
 * locked first the second waits until the first commits, and its count then sees that insert.
 * Under SQLite's one writer it is a write that changes nothing. It rewrites created_at, not the
 * key: a key rewritten makes SQLite check every foreign key that points at it (22 for accounts).
 */
export async function lockForCount(db: { run(query: SQL): unknown } | { execute(query: SQL): PromiseLike<unknown> }, table: CountedParent, id: string): Promise<void> {
  const touched = sql.identifier(table.createdAt.name);
  const statement = sql`UPDATE ${table} SET ${touched} = ${touched} WHERE ${table.id} = ${id}`;
  await execute(db, statement);
}

/** A statement run for what it does (its rows are not read), on either engine's connection. */
export async function execute(db: { run(query: SQL): unknown } | { execute(query: SQL): PromiseLike<unknown> }, statement: SQL): Promise<void> {
  await ('execute' in db ? db.execute(statement) : db.run(statement));
}
