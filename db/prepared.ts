// Prepared queries for the hot paths (issue 13): built and compiled once per connection instead
// of on every call. `getDb()` is the connection of the transaction the caller runs in
// (the primary for a change, the reader for a read-only use case), so a prepared query runs
// inside that transaction. Other things made once per connection (a cache of its rows) use
// preparedQuery too.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { getDb, isPostgres, type Db } from './client';

export function preparedQuery<Q>(build: (db: Db) => Q): () => Q {
  const made = new WeakMap<Db, Q>();
  return () => {
    const db = getDb();
    let query = made.get(db);
    if (!query) made.set(db, (query = build(db)));
    return query;
  };
}

/** A value a plain statement binds: a time as a Date, a flag as a boolean, on either engine. */
export type Bound = string | number | boolean | Date | null;

/** SQL written once with `?` placeholders; where the engines need different words, one text each. */
type Source = string | { sqlite: string; postgres: string };

/**
 * A statement of plain SQL for a hot path (issue 13), on the caller's transaction's connection,
 * either engine (issue 15). SQLite compiles it once per connection and is given a Date as
 * milliseconds and a flag as 0/1; PostgreSQL gets the `?`s numbered and prepares it once per
 * connection (a named statement). Columns named in `times` come back as
 * milliseconds on both (PostgreSQL reads a timestamptz as a Date).
 */
export function preparedStatement(source: Source, shape: { times?: readonly string[] } = {}): PlainStatement {
  // Made once per text and shape: call sites write their SQL where it is used, hot loops call them per row.
  const key = `${typeof source === 'string' ? source : `${source.sqlite}\n${source.postgres}`}\n${shape.times?.join(',') ?? ''}`;
  let made = statements.get(key);
  if (!made) statements.set(key, (made = plainStatement(source, shape)));
  return made;
}

type PlainStatement = {
  run(...params: Bound[]): Promise<{ changes: number }>;
  get<T>(...params: Bound[]): Promise<T | undefined>;
  all<T>(...params: Bound[]): Promise<T[]>;
};
const statements = new Map<string, PlainStatement>();

function plainStatement(source: Source, shape: { times?: readonly string[] }): PlainStatement {
  const sqliteText = typeof source === 'string' ? source : source.sqlite;
  const postgresText = numbered(typeof source === 'string' ? source : source.postgres);
  const name = `s_${createHash('sha1').update(postgresText).digest('hex').slice(0, 16)}`;
  const times = shape.times ?? [];
  const onPostgres = async <T>(params: Bound[]) => {
    const result = await (getDb().$client as unknown as Pick<pg.PoolClient, 'query'>).query<Record<string, unknown>>({ name, text: postgresText, values: params });
    for (const row of result.rows) for (const column of times) if (row[column] instanceof Date) row[column] = (row[column] as Date).getTime();
    return { rows: result.rows as T[], changes: result.rowCount ?? 0 };
  };
  // Compiled once per SQLite connection: the hourly sweep runs these hundreds of thousands of times.
  const compiled = new WeakMap<Db, Database.Statement>();
  const onSqlite = (db: Db) => {
    let statement = compiled.get(db);
    if (!statement) compiled.set(db, (statement = db.$client.prepare(sqliteText)));
    return statement;
  };
  const forSqlite = (params: Bound[]) => params.map(sqliteValue);
  return {
    async run(...params: Bound[]): Promise<{ changes: number }> {
      const db = getDb();
      if (isPostgres(db)) return { changes: (await onPostgres(params)).changes };
      return { changes: onSqlite(db).run(...forSqlite(params)).changes };
    },
    async get<T>(...params: Bound[]): Promise<T | undefined> {
      const db = getDb();
      if (isPostgres(db)) return (await onPostgres<T>(params)).rows[0];
      return onSqlite(db).get(...forSqlite(params)) as T | undefined;
    },
    async all<T>(...params: Bound[]): Promise<T[]> {
      const db = getDb();
      if (isPostgres(db)) return (await onPostgres<T>(params)).rows;
      return onSqlite(db).all(...forSqlite(params)) as T[];
    },
  };
}

/** `n` placeholders for an IN list or a VALUES row: `?, ?, ?`. */
export const placeholders = (n: number) => Array(n).fill('?').join(', ');

/** `rows` rows of `width` placeholders for a multi-row VALUES: `(?, ?), (?, ?)`. */
export const valueRows = (rows: number, width: number) => Array(rows).fill(`(${placeholders(width)})`).join(', ');

/** How SQLite stores a bound value: a time as milliseconds, a flag as 0 or 1. */
export const sqliteValue = (v: Bound) => (v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : v);

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the statements here hold no `?` in a literal). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
