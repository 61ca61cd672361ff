// The SQL of the console's list searches and sorts (issue 16). A search is an exact id or a name
// containing the term; the lists it runs on are read through an account's (or region's) index,
// so the LIKE filters rows that index found and never scans the table.
import { asc, desc, eq, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { containsPattern, type ListSort } from '../domain/list-query';
import { likeIgnoringCase } from '../../db/portable';

/** The rows whose id is the term or whose name contains it; undefined without a term. */
export function searchTerms(term: string | undefined, ids: SQLiteColumn[], names: SQLiteColumn[]): SQL | undefined {
  if (!term) return undefined;
  const pattern = containsPattern(term);
  return or(...ids.map((c) => eq(c, term)), ...names.map((c) => likeIgnoringCase(c, pattern)));
}

/** ORDER BY for a list's sort, its column looked up by key, then the tiebreak for a stable page. */
export function orderFor<K extends string>(sort: ListSort<K>, columns: ReadonlyMap<K, SQLiteColumn | SQL>, tiebreak: SQLiteColumn): SQL[] {
  const column = columns.get(sort.key)!;
  const by = sort.direction === 'desc' ? desc : asc;
  return [by(column), by(tiebreak)];
}
