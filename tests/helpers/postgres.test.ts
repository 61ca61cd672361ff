// Issue 15: each test file gets its own empty PostgreSQL database on the server the run shares.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { throwawayPostgres } from './postgres';

const first = throwawayPostgres();
const second = throwawayPostgres();

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('throwaway PostgreSQL databases (issue 15)', () => {
  it('are empty, PostgreSQL ≥ 15, one per call, on one server', async () => {
    const [a, b] = [new URL(first.url()), new URL(second.url())];
    expect(a.host).toBe(b.host);
    expect(a.pathname).not.toBe(b.pathname);
    const [{ version }] = await query<{ version: string }>(first.url(), "SELECT current_setting('server_version_num')::int AS version");
    expect(version).toBeGreaterThanOrEqual(150000);
    expect(await query(first.url(), "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);
    const [{ name }] = await query<{ name: string }>(second.url(), 'SELECT current_database() AS name');
    expect(`/${name}`).toBe(b.pathname);
  });
});
