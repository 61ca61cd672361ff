// Issue 15: each test file gets its own empty PostgreSQL database on the server the run shares.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { throwawayPostgres } from './postgres';
import { postgresBinaries, startCluster, stopCluster } from './postgres-server';

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

  it("keeps a started server's password to the run: no other user may read where the files find it", () => {
    const answer = path.join(inject('postgresRunDir'), 'server.json');
    if (process.env.STRATUS_TEST_DATABASE_URL) return; // the run was given its server: nothing is written
    expect(fs.statSync(answer).mode & 0o077).toBe(0);
  });
});

describe('the throwaway cluster (issue 15)', () => {
  const bin = postgresBinaries();
  it.skipIf(!bin)('starts and stops in a run directory with a long path (a CI runner’s TMPDIR)', async () => {
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), `stratus-pg-long-${'x'.repeat(90)}-`));
    try {
      const url = await startCluster(bin!, path.join(runDir, 'cluster'));
      expect(await query<{ one: number }>(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      stopCluster(runDir);
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  });
});
