// Drizzle prepared queries for the hot paths (issue 13): built and compiled once per connection
// instead of on every call. `getDb()` is the connection of the transaction the caller runs in
// (the primary for a change, the reader for a read-only use case), so a prepared query runs
// inside that transaction. Other things made once per connection (a cache of its rows) use
// preparedQuery too.
import type Database from 'better-sqlite3';
import { getDb, type Db } from './client';

export function preparedQuery<Q>(build: (db: Db) => Q): () => Q {
  const made = new WeakMap<Db, Q>();
  return () => {
    const db = getDb();
    let query = made.get(db);
    if (!query) made.set(db, (query = build(db)));
    return query;
  };
}

/** A statement of plain SQL, compiled once (db/client.ts keeps compiled statements by their SQL). */
export function preparedStatement(source: string): Database.Statement {
  return getDb().$client.prepare(source);
}
