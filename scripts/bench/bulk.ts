// The bench dataset's raw inserts on either engine (issue 15). SQLite: compiled statements run at
// once, in the caller's one transaction. PostgreSQL: rows are gathered per statement and sent as
// multi-row INSERTs (one round trip per few thousand rows instead of one per row). A time is
// given as a Date, as preparedStatement takes it.
import type pg from 'pg';
import { isPostgres, poolOf, type Db } from '../../db/client';
import { numbered, sqliteValue, type Bound } from '../../db/prepared';

type Insert = { run(...params: Bound[]): void };

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

export function bulkInserts(db: Db) {
  if (!isPostgres(db)) {
    return {
      insert: (text: string): Insert => {
        const statement = db.$client.prepare(text);
        return { run: (...params) => void statement.run(...params.map(sqliteValue)) };
      },
      within: async (work: () => void) => db.$client.transaction(work)(),
    };
  }
  const pending: { text: string; rows: Bound[][] }[] = [];
  return {
    insert: (text: string): Insert => {
      const batch = { text, rows: [] as Bound[][] };
      pending.push(batch);
      return { run: (...params) => void batch.rows.push(params) };
    },
    // The rows are sent after `work` has gathered them, in the order the statements were made (parents first).
    within: async (work: () => void) => {
      work();
      const client = await poolOf(db).connect();
      try {
        await client.query('BEGIN');
        for (const batch of pending) await send(client, batch.text, batch.rows);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
  };
}

async function send(client: pg.PoolClient, text: string, rows: Bound[][]): Promise<void> {
  const [head, tuple] = text.split(/\bVALUES\b/i);
  const perRow = (tuple.match(/\?/g) ?? []).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, perRow)));
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    await client.query(numbered(`${head} VALUES ${chunk.map(() => tuple.trim()).join(', ')}`), chunk.flat());
  }
}
