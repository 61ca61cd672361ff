// The license pool: what a launch draws from (MKT-4, MKT-7), giving a license back when its
// instance goes (MKT-5), and the buyer's "my licenses". Licenses are bought in orders.ts.
import { and, asc, count, desc, eq, gt, inArray, isNull, notInArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { changedRows } from '../../db/portable';
import { accounts, licenses, orders, products, skus } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { isLicenseUsable, launchNeed, shortfallError, usableLicenseStatus } from '../domain/entitlement';
import { CloudError } from '../domain/errors';
import { parsePaging } from '../domain/paging';
import { authorize } from '../domain/permissions';
import { read, type Tx } from './transaction';
import type { Db } from '../../db/client';

export type License = typeof licenses.$inferSelect;

/** isLicenseUsable (lib/domain/entitlement.ts) as SQL: change both together. A placeholder is given as `storedNow()`. */
function usableSql(now: Date | Placeholder): SQL {
  return and(eq(licenses.status, usableLicenseStatus), or(isNull(licenses.expiresAt), gt(licenses.expiresAt, now)))!;
}

/** Now as the time columns store it, for a prepared query's placeholder (the column's own encoding, on either engine). */
const storedNow = (now = clock.now()) => licenses.expiresAt.mapToDriverValue(now);

/**
 * The account's usable licenses of a product in a region. With `upTo`, counting stops there: a
 * launch of n only asks whether n are there (and, when not, how many, which is then exact).
 */
export async function availableLicenseCount(db: Db | Tx, accountId: string, productCode: string, regionId: string, upTo?: number): Promise<number> {
  if (upTo !== undefined) return (await launchCount().execute({ accountId, productCode, regionId, now: storedNow(), upTo })).at(0)?.n ?? 0;
  return (await db.select({ n: count() }).from(licenses).where(and(poolOf(accountId, productCode, regionId), usableSql(clock.now()))).limit(1)).at(0)?.n ?? 0;
}

type PoolKey = string | Placeholder;
const poolOf = (accountId: PoolKey, productCode: PoolKey, regionId: PoolKey) =>
  and(eq(licenses.accountId, accountId), eq(licenses.productCode, productCode), eq(licenses.regionId, regionId));

// A launch's license reads and writes, prepared once (db/prepared.ts): they run in its transaction.
const launchCount = preparedQuery((db) => {
  const pool = db.select({ one: sql`1` }).from(licenses).where(and(poolOf(sql.placeholder('accountId'), sql.placeholder('productCode'), sql.placeholder('regionId')), usableSql(sql.placeholder('now'))));
  return db.select({ n: count() }).from(pool.limit(sql.placeholder('upTo')).as('pool')).prepare();
});
const oldestUsable = preparedQuery((db) =>
  db
    .select({ id: licenses.id, expiresAt: licenses.expiresAt })
    .from(licenses)
    .where(and(poolOf(sql.placeholder('accountId'), sql.placeholder('productCode'), sql.placeholder('regionId')), usableSql(sql.placeholder('now'))))
    .orderBy(asc(licenses.createdAt), asc(licenses.id))
    .limit(sql.placeholder('n'))
    .prepare(),
);
/**
 * The image fee per hour each of the next `n` instances launched would pay for the license it is
 * bound to (oldest first, as consumeLicenses binds them): an hourly license's SKU price, as
 * metering charges it, else 0. The launch preview's view of the pool (issue 16).
 */
export async function poolHourlyFees(db: Db | Tx, accountId: string, productCode: string, regionId: string, n: number): Promise<number[]> {
  return (await db
    .select({ model: licenses.pricingModel, priceFen: skus.priceFen })
    .from(licenses)
    .innerJoin(orders, eq(orders.id, licenses.orderId))
    .innerJoin(skus, eq(skus.code, orders.skuCode))
    .where(and(poolOf(accountId, productCode, regionId), usableSql(clock.now())))
    .orderBy(asc(licenses.createdAt), asc(licenses.id))
    .limit(n))
    .map((l) => (l.model === 'hourly' ? l.priceFen : 0));
}
/** One license to one instance, only while it is still usable: the guard a concurrent consumer loses on. */
const bindLicense = preparedQuery((db) =>
  db
    .update(licenses)
    .set({ status: 'in_use', instanceId: sql`${sql.placeholder('instanceId')}`, firstDeployedAt: sql`coalesce(${licenses.firstDeployedAt}, ${sql.placeholder('now')})` })
    .where(and(eq(licenses.id, sql.placeholder('id')), usableSql(sql.placeholder('now'))))
    .prepare(),
);

/**
 * Binds one available license to each instance, oldest license first, and says when each ends.
 * The caller counted them, but on an engine with more than one writer (PostgreSQL's READ
 * COMMITTED) another launch may take one between that count and this bind: its guarded update
 * then changes no row, and the next usable licenses are tried. When the pool has run short the
 * launch is refused (MKT-4), so two instances never hold one license (MKT-3).
 */
export async function consumeLicenses(_tx: Tx, accountId: string, productCode: string, regionId: string, instanceIds: string[]): Promise<{ id: string; expiresAt: Date | null }[]> {
  const now = storedNow();
  const held: { id: string; expiresAt: Date | null }[] = [];
  while (held.length < instanceIds.length) {
    const wanted = instanceIds.length - held.length;
    const pool = await oldestUsable().execute({ accountId, productCode, regionId, now, n: wanted });
    if (pool.length < wanted) throw shortfallError(launchNeed({ productCode, regionId, amount: instanceIds.length, available: held.length + pool.length }));
    for (const license of pool) {
      if (changedRows(await bindLicense().execute({ instanceId: instanceIds[held.length], now, id: license.id })) === 1) held.push(license);
    }
  }
  return held;
}

/** MKT-5: the license goes back to the account's pool, ready for another instance. */
export async function returnLicense(tx: Tx, licenseId: string): Promise<void> {
  await tx.update(licenses).set({ status: 'available', instanceId: null }).where(and(eq(licenses.id, licenseId), eq(licenses.status, 'in_use')));
}

// ─── What the buyer sees ─────────────────────────────────────────────────────

export type LicenseGroup = { productCode: string; title: string; productStatus: string; regionId: string; available: number; inUse: { licenseId: string; instanceId: string }[]; total: number };

/** "My licenses": by product and region, available ones and which instance holds each used one. */
export async function listLicenses(actor: Actor, productCode?: string): Promise<LicenseGroup[]> {
  authorize(actor, 'license.read');
  return await read(async (db) => {
    const filters = [eq(licenses.accountId, actor.accountId), inArray(licenses.status, ['available', 'in_use'])];
    if (productCode) filters.push(eq(licenses.productCode, productCode));
    const rows = await db
      .select({ license: licenses, title: products.title, productStatus: products.status })
      .from(licenses)
      .innerJoin(products, eq(products.code, licenses.productCode))
      .where(and(...filters))
      .orderBy(asc(products.title), asc(licenses.regionId), asc(licenses.createdAt));
    const now = clock.now();
    const groups = new Map<string, LicenseGroup>();
    for (const { license, title, productStatus } of rows) {
      // An available license whose term has ended is no longer in the pool (MKT-11).
      if (license.status === usableLicenseStatus && !isLicenseUsable(license, now)) continue;
      const key = `${license.productCode}/${license.regionId}`;
      const group = groups.get(key) ?? { productCode: license.productCode, title, productStatus, regionId: license.regionId, available: 0, inUse: [], total: 0 };
      if (license.status === 'in_use' && license.instanceId) group.inUse.push({ licenseId: license.id, instanceId: license.instanceId });
      else group.available++;
      group.total++;
      groups.set(key, group);
    }
    return [...groups.values()];
  });
}

// ─── One license at a time (the Marketplace API's "instances", issue 18) ─────

export type LicenseView = License & { skuCode: string; productTitle: string; sellerAccountId: string; sellerName: string };

/** Licenses with their order's SKU and their product's seller, newest first. */
export async function licenseViews(db: Db | Tx, where: SQL | undefined, paging?: { page: number; pageSize: number }): Promise<{ items: LicenseView[]; total: number }> {
  const query = db
    .select({ license: licenses, skuCode: orders.skuCode, productTitle: products.title, sellerAccountId: products.sellerAccountId, sellerName: accounts.name })
    .from(licenses)
    .innerJoin(orders, eq(orders.id, licenses.orderId))
    .innerJoin(products, eq(products.code, licenses.productCode))
    .innerJoin(accounts, eq(accounts.id, products.sellerAccountId))
    .where(where)
    .orderBy(desc(licenses.createdAt), desc(licenses.id));
  const rows = paging ? await query.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize) : await query;
  const total = paging ? ((await db.select({ n: count() }).from(licenses).innerJoin(products, eq(products.code, licenses.productCode)).where(where).limit(1)).at(0)?.n ?? 0) : rows.length;
  return { items: rows.map(({ license, ...rest }) => ({ ...license, ...rest })), total };
}

/** The caller's licenses, optionally of some products only or all but some. */
export async function describeOwnLicenses(actor: Actor, query: { productCodes?: string[]; exceptCodes?: string[]; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'license.read');
  const paging = parsePaging(query);
  return await read(async (db) => {
    const where = and(
      eq(licenses.accountId, actor.accountId),
      query.productCodes?.length ? inArray(licenses.productCode, query.productCodes) : undefined,
      query.exceptCodes?.length ? notInArray(licenses.productCode, query.exceptCodes) : undefined,
    );
    return { ...await licenseViews(db, where, paging), ...paging };
  });
}

/** One of the caller's licenses; another account's does not exist for them. */
export async function getOwnLicense(actor: Actor, licenseId: string): Promise<LicenseView> {
  authorize(actor, 'license.read');
  const [license] = await read(async (db) => (await licenseViews(db, and(eq(licenses.id, licenseId), eq(licenses.accountId, actor.accountId)))).items);
  if (!license) throw new CloudError('InvalidInstanceId.NotFound', { instanceId: licenseId }, 'instanceId');
  return license;
}
