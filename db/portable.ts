// SQL that means the same on SQLite and PostgreSQL (issue 15): the few places the two engines
// differ for the same words, written once here so a service never leans on one engine's reading.
import { sql, type AnyColumn, type Placeholder, type SQL, type Table } from 'drizzle-orm';

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
  await ('execute' in db ? db.execute(statement) : db.run(statement));
}
