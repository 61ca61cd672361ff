// Issue 15: db/portable.ts's SQL, and the guarded writes the services now check, on both engines.
// The same rows go into a migrated SQLite file and a migrated PostgreSQL database; each query is
// built once per engine by Drizzle from the same helpers, and both must find the same rows in the
// same order. The guarded writes are raced on PostgreSQL with two real connections, where READ
// COMMITTED lets a second transaction in between a read and a write (SQLite never does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, gt, gte, isNotNull, isNull, min, or, sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPattern } from '../lib/domain/list-query';
import { throwawayPostgres, twoConnections, untilOneWaitsForALock } from '../tests/helpers/postgres';
import { applyMigrations, openDatabase, type Db } from './client';
import { ascNullsFirst, changedRows, descNullsLast, likeIgnoringCase, lockForCount } from './portable';
import * as sqliteSchema from './schema.sqlite';
import * as pgSchema from './schema.pg';

const postgres = throwawayPostgres({ migrated: true });
let pool: pg.Pool;
let lite: Db;
let pgDb: NodePgDatabase;
let dir: string;

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const seller = '1000000000000001';
const buyer = '1000000000000002';
const rows = {
  accounts: [
    { id: seller, name: 'Seller', createdAt: at(1) },
    { id: buyer, name: 'Buyer', createdAt: at(1) },
  ],
  regions: [{ id: 'cn-hangzhou', sortOrder: 1 }],
  // Titles in mixed case, one with a % and one with an _; two never listed (no listedAt), two never submitted.
  products: [
    ['p-1', 'NGINX Web Server', at(3), at(2)],
    ['p-2', 'nginx + PHP', null, null],
    ['p-3', 'MySQL 100% Managed', at(5), at(4)],
    ['p-4', 'Redis_Cache', null, at(1)],
    ['p-5', 'Tomcat', at(1), null],
  ].map(([code, title, listedAt, submittedAt]) => ({
    code: code as string,
    sellerAccountId: seller,
    title: title as string,
    category: 'web',
    summary: 'Summary',
    description: 'Description',
    osType: 'linux',
    platform: 'Debian',
    status: 'listed',
    listedAt: listedAt as Date | null,
    submittedAt: submittedAt as Date | null,
    createdAt: at(1),
  })),
  skus: [{ code: 'p-1-once', productCode: 'p-1', pricingModel: 'per_instance', priceFen: 1000 }],
  orders: ['o-1', 'o-2'].map((id) => ({ id, accountId: buyer, productCode: 'p-1', skuCode: 'p-1-once', pricingModel: 'per_instance', regionId: 'cn-hangzhou', quantity: 2, unitPriceFen: 1000, amountFen: 2000, status: 'paid', createdAt: at(6) })),
  // o-1's licenses are raced by two launches; o-2's by a refund's approval and a launch.
  licenses: [
    ['l-1', 'o-1'],
    ['l-2', 'o-1'],
    ['l-3', 'o-2'],
    ['l-4', 'o-2'],
  ].map(([id, orderId], i) => ({ id, accountId: buyer, productCode: 'p-1', regionId: 'cn-hangzhou', orderId, pricingModel: 'per_instance', status: 'available', createdAt: at(6 + i) })),
  ledgerBooks: [{ id: `wallet:${buyer}`, kind: 'wallet', accountId: buyer, balanceFen: 10_000, createdAt: at(1) }],
};
const tables = ['accounts', 'regions', 'products', 'skus', 'orders', 'licenses', 'ledgerBooks'] as const;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-portable-'));
  lite = openDatabase(path.join(dir, 'test.db'));
  await applyMigrations(lite);
  pool = new pg.Pool({ connectionString: postgres.url(), max: 4 });
  pgDb = drizzle(pool);
  for (const table of tables) {
    await lite.insert(sqliteSchema[table]).values(rows[table]);
    await pgDb.insert(pgSchema[table]).values(rows[table]);
  }
});

afterAll(async () => {
  await pool?.end();
  lite?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('db/portable.ts on SQLite and PostgreSQL (issue 15)', () => {
  it('likeIgnoringCase finds a term in any ASCII case, its % and _ literally, the same rows on both', async () => {
    const found = async (term: string) => {
      const onSqlite = await lite.select({ code: sqliteSchema.products.code }).from(sqliteSchema.products).where(likeIgnoringCase(sqliteSchema.products.title, containsPattern(term))).orderBy(asc(sqliteSchema.products.code));
      const onPostgres = await pgDb.select({ code: pgSchema.products.code }).from(pgSchema.products).where(likeIgnoringCase(pgSchema.products.title, containsPattern(term))).orderBy(asc(pgSchema.products.code));
      expect(onPostgres).toEqual(onSqlite);
      return onSqlite.map((r) => r.code);
    };
    expect(await found('nginx')).toEqual(['p-1', 'p-2']);
    expect(await found('NGINX')).toEqual(['p-1', 'p-2']);
    expect(await found('0%')).toEqual(['p-3']);
    expect(await found('%')).toEqual(['p-3']);
    expect(await found('x_')).toEqual([]); // as a wildcard, 'nginx ' would match
    expect(await found('S_c')).toEqual(['p-4']);
  });

  it('descNullsLast and ascNullsFirst put the rows without a time in the same place on both', async () => {
    const order = async (by: 'desc' | 'asc') => {
      const [l, p] = [sqliteSchema.products, pgSchema.products];
      const onSqlite = await lite.select({ code: l.code }).from(l).orderBy(by === 'desc' ? descNullsLast(l.listedAt) : ascNullsFirst(l.submittedAt), asc(l.code));
      const onPostgres = await pgDb.select({ code: p.code }).from(p).orderBy(by === 'desc' ? descNullsLast(p.listedAt) : ascNullsFirst(p.submittedAt), asc(p.code));
      expect(onPostgres).toEqual(onSqlite);
      return onSqlite.map((r) => r.code);
    };
    expect(await order('desc')).toEqual(['p-3', 'p-1', 'p-5', 'p-2', 'p-4']);
    expect(await order('asc')).toEqual(['p-2', 'p-5', 'p-4', 'p-1', 'p-3']);
  });

  it("the marketplace cards' grouping (by the product and its seller's key) is accepted by PostgreSQL, as SQLite's looser one is not", async () => {
    const p = pgSchema;
    const cards = (groupBy: 'product' | 'product and seller') =>
      pgDb
        .select({ code: p.products.code, title: p.products.title, sellerName: p.accounts.name, fromFen: min(p.skus.priceFen) })
        .from(p.products)
        .innerJoin(p.accounts, eq(p.accounts.id, p.products.sellerAccountId))
        .innerJoin(p.skus, eq(p.skus.productCode, p.products.code))
        .groupBy(...(groupBy === 'product' ? [p.products.code] : [p.products.code, p.accounts.id]));
    await expect(cards('product')).rejects.toMatchObject({ cause: { code: '42803' } }); // grouping_error: accounts.name
    expect(await cards('product and seller')).toEqual([{ code: 'p-1', title: 'NGINX Web Server', sellerName: 'Seller', fromFen: 1000 }]);
  });

  it('lockForCount leaves the row as it was on either engine', async () => {
    const [l, p] = [sqliteSchema.accounts, pgSchema.accounts];
    const before = (await lite.select().from(l).where(eq(l.id, seller)).limit(1)).at(0);
    await lockForCount(lite, l, seller);
    await lockForCount(pgDb, p, seller);
    expect((await lite.select().from(l).where(eq(l.id, seller)).limit(1)).at(0)).toEqual(before);
    expect(await pgDb.select().from(p).where(eq(p.id, seller))).toEqual([before]);
  });

  it('changedRows reads what a guarded update did on either engine', async () => {
    const [l, p] = [sqliteSchema.accounts, pgSchema.accounts];
    expect(changedRows(await lite.update(l).set({ name: 'Seller' }).where(eq(l.id, seller)))).toBe(1);
    expect(changedRows(await lite.update(l).set({ name: 'Seller' }).where(eq(l.id, 'no-such-account')))).toBe(0);
    expect(changedRows(await pgDb.update(p).set({ name: 'Seller' }).where(eq(p.id, seller)))).toBe(1);
    expect(changedRows(await pgDb.update(p).set({ name: 'Seller' }).where(eq(p.id, 'no-such-account')))).toBe(0);
  });
});

describe('the guarded writes raced on PostgreSQL with two connections (issue 15)', () => {
  it('MKT-3, MKT-4: the bind of a license another launch took meanwhile changes no row, waiting for that launch to commit; the next one is bound', async () => {
    const l = pgSchema.licenses;
    const now = at(10);
    // consumeLicenses' guarded bind (lib/services/licenses.ts), with the time in the column's own encoding.
    const bind = (db: NodePgDatabase, id: string, instanceId: string) =>
      db
        .update(l)
        .set({ status: 'in_use', instanceId, firstDeployedAt: sql`coalesce(${l.firstDeployedAt}, ${l.firstDeployedAt.mapToDriverValue(now)})` })
        .where(and(eq(l.id, id), eq(l.status, 'available'), or(isNull(l.expiresAt), gt(l.expiresAt, now))));
    const oldest = (db: NodePgDatabase) => db.select({ id: l.id }).from(l).where(and(eq(l.orderId, 'o-1'), eq(l.status, 'available'))).orderBy(asc(l.createdAt), asc(l.id)).limit(1);
    await twoConnections(pool, async (a, b) => {
      const [counted] = await oldest(a);
      expect(changedRows(await bind(b, counted.id, 'i-b'))).toBe(1);
      const lost = bind(a, counted.id, 'i-a').execute(); // a builder runs when executed: it waits for b's row lock
      await untilOneWaitsForALock(pool);
      await b.execute(sql`COMMIT`);
      expect(changedRows(await lost)).toBe(0);
      const [next] = await oldest(a);
      expect(changedRows(await bind(a, next.id, 'i-a'))).toBe(1);
      await a.execute(sql`COMMIT`);
    });
    expect(await pgDb.select({ id: l.id, instanceId: l.instanceId, firstDeployedAt: l.firstDeployedAt }).from(l).where(eq(l.orderId, 'o-1')).orderBy(asc(l.id))).toEqual([
      { id: 'l-1', instanceId: 'i-b', firstDeployedAt: now },
      { id: 'l-2', instanceId: 'i-a', firstDeployedAt: now },
    ]);
  });

  it("a purchase's wallet debit whose money another purchase spent meanwhile changes no row: the wallet is not overdrawn", async () => {
    const books = pgSchema.ledgerBooks;
    const wallet = `wallet:${buyer}`;
    // transfer's guarded debit of a covered book (lib/services/ledger.ts).
    const debit = (db: NodePgDatabase, fen: number) =>
      db
        .update(books)
        .set({ balanceFen: sql`${books.balanceFen} - ${fen}` })
        .where(and(eq(books.id, wallet), gte(books.balanceFen, fen)));
    await twoConnections(pool, async (a, b) => {
      const [{ balanceFen }] = await a.select({ balanceFen: books.balanceFen }).from(books).where(eq(books.id, wallet));
      expect(balanceFen).toBe(10_000); // covers 8000: paySale's read lets it through
      expect(changedRows(await debit(b, 5_000))).toBe(1);
      const lost = debit(a, 8_000).execute();
      await untilOneWaitsForALock(pool);
      await b.execute(sql`COMMIT`);
      expect(changedRows(await lost)).toBe(0);
      await a.execute(sql`COMMIT`);
    });
    expect(await pgDb.select({ balanceFen: books.balanceFen }).from(books).where(eq(books.id, wallet))).toEqual([{ balanceFen: 5_000 }]);
  });

  it("REF-5, REF-2: a refund's approval claims its order once, and sees a license a launch deployed before its licenses were taken", async () => {
    const [o, l] = [pgSchema.orders, pgSchema.licenses];
    const claim = (db: NodePgDatabase) => db.update(o).set({ status: 'refunded' }).where(and(eq(o.id, 'o-2'), eq(o.status, 'paid')));
    await twoConnections(pool, async (a, b) => {
      expect(changedRows(await claim(b))).toBe(1);
      const second = claim(a).execute(); // a second approval waits, then finds the order refunded
      await untilOneWaitsForALock(pool);
      await b.execute(sql`COMMIT`);
      expect(changedRows(await second)).toBe(0);
    });
    await pgDb.update(o).set({ status: 'paid' }).where(eq(o.id, 'o-2'));
    const now = at(10);
    await twoConnections(pool, async (approval, launch) => {
      expect(changedRows(await claim(approval))).toBe(1);
      // The launch binds l-3 and commits after the approval's eligibility check, before it takes the licenses.
      await launch.update(l).set({ status: 'in_use', instanceId: 'i-c', firstDeployedAt: now }).where(and(eq(l.id, 'l-3'), eq(l.status, 'available')));
      await launch.execute(sql`COMMIT`);
      const taken = await approval.update(l).set({ status: 'refunded' }).where(and(eq(l.orderId, 'o-2'), eq(l.status, 'available'))).returning({ id: l.id });
      expect(taken).toEqual([{ id: 'l-4' }]);
      // refunds.ts's second look: the deployed license is seen, and the approval is refused (rolled back).
      expect(await approval.select({ id: l.id }).from(l).where(and(eq(l.orderId, 'o-2'), isNotNull(l.firstDeployedAt)))).toEqual([{ id: 'l-3' }]);
    });
    expect(await pgDb.select({ id: l.id, status: l.status }).from(l).where(eq(l.orderId, 'o-2')).orderBy(asc(l.id))).toEqual([
      { id: 'l-3', status: 'in_use' },
      { id: 'l-4', status: 'available' },
    ]);
  });
});
