// A throwaway PostgreSQL database per test file (issue 15), on the server the run shares
// (tests/helpers/postgres-server.ts): created with a random name before the file's tests,
// dropped after them. With `migrated`, the PostgreSQL migrations are applied to it.
import { randomBytes } from 'node:crypto';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { migratePostgres } from '../../db/migrate-pg';
import { postgresServerUrl } from './postgres-server';

const START_TIMEOUT_MS = 10 * 60_000; // the first file of a run may install or start the server

export function throwawayPostgres(options: { migrated?: boolean } = {}): { url: () => string } {
  let server: string | undefined;
  let url: string | undefined;
  const name = `stratus_test_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    const runDir = inject('postgresRunDir');
    if (!runDir) throw new Error('tests/helpers/postgres-setup.ts is not the globalSetup of this vitest run (see vitest.config.ts).');
    server = await postgresServerUrl(runDir);
    await onServer(server, `CREATE DATABASE "${name}"`);
    const address = new URL(server);
    address.pathname = `/${name}`;
    url = address.toString();
    if (options.migrated) await migratePostgres(url);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    if (server) await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return { url: () => url! };
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Two transactions on two connections of the pool, READ COMMITTED (PostgreSQL's default); what they leave open is rolled back. */
export async function twoConnections<T>(pool: pg.Pool, work: (a: NodePgDatabase, b: NodePgDatabase) => Promise<T>): Promise<T> {
  const [ca, cb] = [await pool.connect(), await pool.connect()];
  try {
    await ca.query('BEGIN');
    await cb.query('BEGIN');
    return await work(drizzle(ca), drizzle(cb));
  } finally {
    await ca.query('ROLLBACK').catch(() => {});
    await cb.query('ROLLBACK').catch(() => {});
    ca.release();
    cb.release();
  }
}

/** Resolves once a statement of this database waits for a lock another transaction holds (asked on a third connection). */
export async function untilOneWaitsForALock(pool: pg.Pool, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
    if (rows[0].n > 0) return;
    if (Date.now() > until) throw new Error(`no statement waited for a lock within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
