// Issue 15: `npm run db:copy` moves a SQLite installation into an empty PostgreSQL database and
// checks it. The installation is made the real way (the services on SQLite: sign-ups, top-ups,
// purchases, launches, a release, an image), copied, and read back from PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOrder, copySqliteToPostgres } from '../scripts/db-copy';
import { throwawayPostgres } from './helpers/postgres';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from './helpers/database';
import { fund, productImage, settle } from './helpers/marketplace';
import { skuCode } from '../lib/seed/marketplace';
import { purchaseLicenses } from '../lib/services/orders';
import { releaseInstance, runInstances } from '../lib/services/instances';
import { matchProducts, matchProductsPg } from '../lib/services/product-search';

const { db } = throwawayDatabase();
const target = throwawayPostgres({ migrated: true });
const second = throwawayPostgres({ migrated: true });
const third = throwawayPostgres({ migrated: true });
const CODE = 'lnmp000101';
const REGION = 'cn-hangzhou';

const onTarget = async <T extends pg.QueryResultRow>(text: string, url = target.url()) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  await seedTestMarketplace(db());
  await withoutLaunchMinimum(db());
  for (let i = 0; i < 3; i++) {
    const buyer = await newBuyer(`Copied buyer ${i}`);
    await fund(buyer, 100_000);
    await purchaseLicenses(buyer, { productCode: CODE, skuCode: skuCode(CODE, 'per_instance'), regionId: REGION, quantity: 2 });
    const { instanceIds } = await runInstances(buyer, { regionId: REGION, imageId: await productImage(CODE, REGION), instanceTypeId: 'ecs.t6-c1m1.large', amount: 2 });
    await settle();
    await releaseInstance(buyer, instanceIds[0]);
  }
});

describe('issue 15: db:copy from SQLite to PostgreSQL', () => {
  it('copies every table parents first and checks rows, the ledger and the instance counts; a second copy into the same database is refused', async () => {
    const file = db().$client.name;
    const report = await copySqliteToPostgres(file, target.url());
    const rows = new Map(report.tables.map((t) => [t.name, t.rows]));
    expect(rows.get('instances')).toBe(6);
    expect(rows.get('ledger_entries')).toBeGreaterThan(0);
    const [{ n }] = await onTarget<{ n: string }>(`SELECT count(*) AS n FROM instances WHERE status = 'Released'`);
    expect(Number(n)).toBe(3);
    const [{ total }] = await onTarget<{ total: string }>('SELECT coalesce(sum(amount_fen), 0) AS total FROM ledger_entries');
    expect(Number(total)).toBe(0);
    // Ids were copied as they were; a new row takes the next one, not a copied one's.
    const [{ id }] = await onTarget<{ id: string }>(`INSERT INTO audit_log (at, action, request_id, outcome) VALUES (now(), 'AfterCopy', 'r', 'ok') RETURNING id`);
    const [{ top }] = await onTarget<{ top: string }>(`SELECT max(id) AS top FROM audit_log WHERE action <> 'AfterCopy'`);
    expect(Number(id)).toBeGreaterThan(Number(top));
    await expect(copySqliteToPostgres(file, target.url())).rejects.toThrow(/not empty/);
  });

  it('copies the search text, so that the copy finds what the installation found', async () => {
    const [{ n }] = await onTarget<{ n: string }>('SELECT count(*) AS n FROM products_search');
    expect(Number(n)).toBe((await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM products`))[0].n);
    const client = new pg.Client({ connectionString: target.url() });
    await client.connect();
    try {
      for (const query of ['LNMP nginx', '宝塔Linux']) expect([...(await matchProductsPg(drizzle(client), query)).keys()]).toEqual([...(await matchProducts(db(), query)).keys()]);
    } finally {
      await client.end();
    }
  });

  it('a copy that fails its check leaves the target empty, so it can be run again once the source is put right', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-db-copy-'));
    try {
      const file = path.join(dir, 'unbalanced.db');
      await db().$client.backup(file);
      const broken = new Database(file);
      broken.prepare(`INSERT INTO ledger_entries (transfer_id, book_id, amount_fen, reason, created_at) SELECT 'unbalanced', book_id, 1, 'topup', created_at FROM ledger_entries LIMIT 1`).run();
      broken.close();
      await expect(copySqliteToPostgres(file, second.url())).rejects.toThrow(/does not balance: transfer unbalanced/);
      for (const table of ['accounts', 'ledger_entries', 'instances']) {
        const [{ n }] = await onTarget<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, second.url());
        expect(Number(n), table).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compares every copied row with its source, not only how many there are', async () => {
    // A target that alters what it is given (here a trigger; a type that drops precision would do the same).
    await onTarget(`CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$`, third.url());
    await onTarget('CREATE TRIGGER shout BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION shout()', third.url());
    await expect(copySqliteToPostgres(db().$client.name, third.url())).rejects.toThrow(/accounts: \d+ rows differ/);
  });

  it('orders every table after the tables its foreign keys name', () => {
    const order = copyOrder().map((t) => t.name);
    expect(order.indexOf('accounts')).toBeLessThan(order.indexOf('instances'));
    expect(order.indexOf('images')).toBeLessThan(order.indexOf('instances'));
    expect(order).not.toContain('instance_usage');
  });
});
