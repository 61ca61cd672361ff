// Statements of the hot read paths prepared once per database handle (issue 13): Drizzle builds
// and SQLite compiles a statement in about as long as a small query takes to run.
import type { Db } from '../../db/client';

export function perDatabase<T>(prepare: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let statements = made.get(db);
    if (statements === undefined) made.set(db, (statements = prepare(db)));
    return statements;
  };
}
