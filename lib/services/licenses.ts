// Licenses and orders: buying (MKT-2, MKT-3), the pool a launch draws from (MKT-4, MKT-7),
// and giving a license back when its instance goes (MKT-5).
import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { images, licenses, orders, products, skus } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { isLicenseUsable, usableLicenseStatus } from '../domain/entitlement';
import { isPublicProduct, MAX_PURCHASE_QUANTITY, type PricingModel } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { assertBuyableAlone, priceOrder, saleRefusal, splitSale, subscriptionEnd, unpaidOrderRefusal } from '../domain/pricing';
import { parseInput } from '../domain/validation';
import { findRegion, offeringImages } from './catalogue';
import { balanceOf, ensureBook, platformBook, transfer } from './ledger';
import { once } from './idempotency';
import { periodOf, tellSeller } from './seller-calls';
import { readSettings } from './settings';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';

export type Product = typeof products.$inferSelect;
export type Sku = typeof skus.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type License = typeof licenses.$inferSelect;

/** A product a buyer may see (MKT-8); drafts and rejected ones do not exist for them. */
export function requirePublicProduct(db: Db | Tx, productCode: string): Product {
  const product = db.select().from(products).where(eq(products.code, productCode)).get();
  if (!product || !isPublicProduct(product.status)) {
    throw new CloudError('InvalidProductCode.NotFound', { productCode }, 'productCode');
  }
  return product;
}

/** MKT-1: a product is offered in a region when one of its versions has an image there. */
export function isOfferedIn(db: Db | Tx, productCode: string, regionId: string): boolean {
  return Boolean(db.select({ id: images.id }).from(images).where(and(eq(images.productCode, productCode), offeringImages(regionId))).get());
}

function requireSku(db: Db | Tx, product: Product, skuCode: string): Sku {
  const sku = db.select().from(skus).where(and(eq(skus.code, skuCode), eq(skus.productCode, product.code))).get();
  if (!sku) throw new CloudError('InvalidSkuCode.NotFound', { skuCode }, 'skuCode');
  return sku;
}

/**
 * The purchase itself, inside the caller's transaction: checks the product can be sold here,
 * takes the money from the wallet (seller payable and platform commission on the other side),
 * writes the order and its licenses. Used by purchaseLicenses and by a launch that buys its shortfall.
 */
export function buyLicenses(tx: Tx, actor: Actor, input: { productCode: string; skuCode: string; regionId: string; quantity: number }) {
  const product = requirePublicProduct(tx, input.productCode);
  const regionExists = Boolean(findRegion(tx, input.regionId));
  const refusal = saleRefusal({ productCode: product.code, productStatus: product.status, regionId: input.regionId, regionExists, offered: regionExists && isOfferedIn(tx, product.code, input.regionId) });
  if (refusal) throw refusal;
  const sku = requireSku(tx, product, input.skuCode);
  const priced = priceOrder({ pricingModel: sku.pricingModel as PricingModel, priceFen: sku.priceFen }, input.quantity);

  const now = clock.now();
  const orderId = newResourceId('o');
  tx.insert(orders)
    .values({
      id: orderId,
      accountId: actor.accountId,
      productCode: product.code,
      skuCode: sku.code,
      pricingModel: sku.pricingModel,
      regionId: input.regionId,
      quantity: priced.quantity,
      unitPriceFen: priced.unitPriceFen,
      amountFen: priced.amountFen,
      status: 'paid',
      createdAt: now,
    })
    .run();
  paySale(tx, { buyerAccountId: actor.accountId, sellerAccountId: product.sellerAccountId, amountFen: priced.amountFen, orderId });
  const expiresAt = subscriptionEnd(sku.pricingModel as PricingModel, now);
  const licenseIds = Array.from({ length: priced.quantity }, () => newResourceId('l'));
  tx.insert(licenses)
    .values(
      licenseIds.map((id) => ({
        id,
        accountId: actor.accountId,
        productCode: product.code,
        regionId: input.regionId,
        orderId,
        pricingModel: sku.pricingModel,
        status: 'available',
        expiresAt,
        createdAt: now,
      })),
    )
    .run();
  for (const licenseId of licenseIds) tellSeller(tx, 'newInstance', { licenseId, amountFen: priced.unitPriceFen, period: periodOf(sku.pricingModel) });
  return { orderId, licenseIds, amountFen: priced.amountFen, pricingModel: sku.pricingModel as PricingModel };
}

/**
 * Takes an order's amount from the buyer's wallet: the seller's payable gets it less the
 * platform's commission (SEL-8). Refused, changing nothing, when the wallet cannot pay.
 */
export function paySale(tx: Tx, sale: { buyerAccountId: string; sellerAccountId: string; amountFen: number; orderId: string }): void {
  if (sale.amountFen === 0) return;
  const wallet = ensureBook(tx, 'wallet', sale.buyerAccountId);
  const unpaid = unpaidOrderRefusal(balanceOf(tx, wallet), sale.amountFen);
  if (unpaid) throw unpaid;
  const { platformFen, sellerFen } = splitSale(sale.amountFen, readSettings(tx).commissionBps);
  transfer(
    tx,
    [
      { bookId: wallet, amountFen: -sale.amountFen },
      { bookId: ensureBook(tx, 'seller_payable', sale.sellerAccountId), amountFen: sellerFen },
      { bookId: platformBook(tx, 'platform_revenue'), amountFen: platformFen },
    ],
    'purchase',
    sale.orderId,
  );
}

const purchaseSchema = z.object({
  productCode: z.string().min(1),
  skuCode: z.string().min(1),
  regionId: z.string().min(1),
  quantity: z.coerce.number().int().min(1).max(MAX_PURCHASE_QUANTITY),
  /** A form sent twice (a double click, a retried request) buys once. */
  clientToken: z.string().min(1).max(64).optional(),
});

/** Buy N licenses from the wallet in one transaction (MKT-2, MKT-3). Hourly SKUs are refused here. */
export function purchaseLicenses(actor: Actor, input: unknown) {
  return mutate(actor, 'BuyLicenses', (tx, note) => {
    authorize(actor, 'license.buy');
    const request = parseInput(purchaseSchema, input, { quantity: 'InvalidParameter.Quantity', productCode: 'InvalidProductCode.NotFound', skuCode: 'InvalidSkuCode.NotFound', regionId: 'RegionId.NotFound' });
    const { clientToken, ...purchase } = request;
    const product = requirePublicProduct(tx, purchase.productCode);
    assertBuyableAlone(requireSku(tx, product, purchase.skuCode).pricingModel as PricingModel);
    const result = once(tx, actor, 'BuyLicenses', clientToken, purchase, () => buyLicenses(tx, actor, purchase));
    note.target = result.orderId;
    note.detail = { ...purchase, amountFen: result.amountFen };
    return result;
  });
}

// ─── The pool ────────────────────────────────────────────────────────────────

/** isLicenseUsable (lib/domain/entitlement.ts) as SQL: change both together. */
function usableSql(now: Date): SQL {
  return and(eq(licenses.status, usableLicenseStatus), or(isNull(licenses.expiresAt), gt(licenses.expiresAt, now)))!;
}

export function availableLicenseCount(db: Db | Tx, accountId: string, productCode: string, regionId: string): number {
  return (
    db
      .select({ n: count() })
      .from(licenses)
      .where(and(eq(licenses.accountId, accountId), eq(licenses.productCode, productCode), eq(licenses.regionId, regionId), usableSql(clock.now())))
      .get()?.n ?? 0
  );
}

/** Binds one available license to each instance, oldest license first. The caller checked the count. */
export function consumeLicenses(tx: Tx, accountId: string, productCode: string, regionId: string, instanceIds: string[]): string[] {
  const now = clock.now();
  const pool = tx
    .select({ id: licenses.id })
    .from(licenses)
    .where(and(eq(licenses.accountId, accountId), eq(licenses.productCode, productCode), eq(licenses.regionId, regionId), usableSql(now)))
    .orderBy(asc(licenses.createdAt), asc(licenses.id))
    .limit(instanceIds.length)
    .all();
  if (pool.length < instanceIds.length) throw new Error('license pool shrank inside the transaction');
  return instanceIds.map((instanceId, i) => {
    tx.update(licenses)
      .set({ status: 'in_use', instanceId, firstDeployedAt: sql`coalesce(${licenses.firstDeployedAt}, ${now.getTime()})` })
      .where(and(eq(licenses.id, pool[i].id), eq(licenses.status, usableLicenseStatus)))
      .run();
    return pool[i].id;
  });
}

/** MKT-5: the license goes back to the account's pool, ready for another instance. */
export function returnLicense(tx: Tx, licenseId: string): void {
  tx.update(licenses).set({ status: 'available', instanceId: null }).where(and(eq(licenses.id, licenseId), eq(licenses.status, 'in_use'))).run();
}

// ─── What the buyer sees ─────────────────────────────────────────────────────

export type LicenseGroup = { productCode: string; title: string; productStatus: string; regionId: string; available: number; inUse: { licenseId: string; instanceId: string }[]; total: number };

/** "My licenses": by product and region, available ones and which instance holds each used one. */
export function listLicenses(actor: Actor, productCode?: string): LicenseGroup[] {
  authorize(actor, 'license.read');
  return read((db) => {
    const filters = [eq(licenses.accountId, actor.accountId), inArray(licenses.status, ['available', 'in_use'])];
    if (productCode) filters.push(eq(licenses.productCode, productCode));
    const rows = db
      .select({ license: licenses, title: products.title, productStatus: products.status })
      .from(licenses)
      .innerJoin(products, eq(products.code, licenses.productCode))
      .where(and(...filters))
      .orderBy(asc(products.title), asc(licenses.regionId), asc(licenses.createdAt))
      .all();
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

export type OrderRow = Order & { title: string };

export function listOrders(actor: Actor, paging: { page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'order.read');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return read((db) => {
    const where = eq(orders.accountId, actor.accountId);
    const total = db.select({ n: count() }).from(orders).where(where).get()?.n ?? 0;
    const items: OrderRow[] = db
      .select({ order: orders, title: products.title })
      .from(orders)
      .innerJoin(products, eq(products.code, orders.productCode))
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .all()
      .map((r) => ({ ...r.order, title: r.title }));
    return { items, total, page, pageSize };
  });
}
