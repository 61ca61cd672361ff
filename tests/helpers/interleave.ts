// Issue 15: opens, on SQLite, the gap PostgreSQL's READ COMMITTED leaves between a use case's read
// and its guarded write, for the tests of what that write does when it loses. `work` runs on a
// connection of its own, outside any transaction (each statement commits alone and sees the
// latest commits, as under READ COMMITTED); just before its first UPDATE of `table`, `before`
// runs (another connection's write, synchronously: better-sqlite3's own `.run()`). SQLite's one writer at a time never lets this happen in the
// app: BEGIN IMMEDIATE keeps the other connection out.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { getDb, openDatabase, useDatabase, type Db } from '../../db/client';

export async function withWriteInterleaved<T>(table: string, before: () => void, work: (own: Db) => Promise<T>): Promise<T> {
  const own = openDatabase(getDb().$client.name);
  const prepare = own.$client.prepare.bind(own.$client);
  const update = new RegExp(`^update "?${table}"? `, 'i');
  let interleaved = false;
  // A fresh handle makes every prepared query afresh (db/prepared.ts), so each one comes through here.
  own.$client.prepare = ((source: string) => {
    const statement = prepare(source);
    if (!update.test(source)) return statement;
    return new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        if (key !== 'run') return value.bind(target);
        return (...args: unknown[]) => {
          if (!interleaved) {
            interleaved = true;
            before();
          }
          return (value as (...a: unknown[]) => Database.RunResult).apply(target, args);
        };
      },
    });
  }) as typeof own.$client.prepare;
  const processDb = getDb();
  useDatabase(own);
  try {
    return await work(own);
  } finally {
    useDatabase(processDb);
    own.$client.close();
    expect(interleaved, `no UPDATE of ${table} was made`).toBe(true);
  }
}

/** Another connection to the process's database file, closed after `work`. */
export function onAnotherConnection<T>(work: (other: Db) => T): T {
  const other = openDatabase(getDb().$client.name);
  try {
    return work(other);
  } finally {
    other.$client.close();
  }
}
