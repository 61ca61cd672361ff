// SQL that means the same on SQLite and PostgreSQL (issue 15): the few places the two engines
// differ for the same words, written once here so a service never leans on one engine's reading.
import { sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';

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
