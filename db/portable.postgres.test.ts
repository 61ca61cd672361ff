// Issue 15: the plans PostgreSQL makes of db/portable.ts's SQL in a prepared statement. A prepared
// statement is soon run with a generic plan, made without the parameters' values: a list of ids
// must still be looked up in the primary key, not compared with every row of the table.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayPostgres } from '../tests/helpers/postgres';
import { inJsonList } from './portable';
import * as pgSchema from './schema.pg';

const postgres = throwawayPostgres({ migrated: true });
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: postgres.url() });
  await client.connect();
  await client.query(`INSERT INTO accounts (id, name, created_at) SELECT 'a-' || n, 'Account ' || n, now() FROM generate_series(1, 5000) AS n`);
  await client.query('ANALYZE accounts');
  await client.query('SET plan_cache_mode = force_generic_plan');
});

afterAll(async () => await client?.end());

describe('db/portable.ts in a prepared statement on PostgreSQL (issue 15)', () => {
  it('inJsonList finds the listed ids through the primary key, with the generic plan', async () => {
    const { accounts } = pgSchema;
    const query = drizzle(client).select({ id: accounts.id }).from(accounts).where(inJsonList(accounts.id, sql.placeholder('ids'))).toSQL();
    await client.query(`PREPARE listed(text) AS ${query.sql}`);
    const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE listed('["a-7", "a-4999"]')`)).rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('accounts_pkey');
    expect(plan).not.toContain('Seq Scan');
    expect((await client.query(`EXECUTE listed('["a-7", "a-4999", "a-none"]')`)).rows.map((row) => row.id).sort()).toEqual(['a-4999', 'a-7']);
  });
});
