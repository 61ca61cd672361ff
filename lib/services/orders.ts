// Orders: buying licenses from the wallet (MKT-2, MKT-3), paying a sale with the seller's share
// and the platform's commission (SEL-8), and the buyer's list of orders.
import { and, count, eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { z } from 'zod';
import { images, licenses, orders, products, skus } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { isPublicProduct, MAX_PURCHASE_QUANTITY, pricingModels, type PricingModel } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { assertBuyableAlone, priceOrder, saleRefusal, splitSale, subscriptionEnd, unpaidOrderRefusal, type PricedOrder } from '../domain/pricing';
import { parseInput } from '../domain/validation';
import { findRegion, offeringImages } from './catalogue';
import { balanceOf, ensureBook, platformBook, transfer } from './ledger';
import { once } from './idempotency';
import { retryFailingGroups } from './scaling-retry';
import { periodOf, tellSeller } from './seller-calls';
import { readSettings } from './settings';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';
import { parseSort } from '../domain/list-query';
import { orderFor, searchTerms } from './list-sql';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Product } from './products';

export type Sku = typeof skus.$inferSelect;
export type Order = typeof orders.$inferSelect;

/** A product a buyer may see (MKT-8); drafts and rejected ones do not exist for them. */
export async function requirePublicProduct(db: Db | Tx, productCode: string): Promise<Product> {
  const product = (await db.select().from(products).where(eq(products.code, productCode)).limit(1)).at(0);
  if (!product || !isPublicProduct(product.status)) {
    throw new CloudError('InvalidProductCode.NotFound', { productCode }, 'productCode');
  }
  return product;
}

/** MKT-1: a product is offered in a region when one of its versions has an image there. */
const offeringImage = preparedQuery((db) =>
  db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.productCode, sql.placeholder('productCode')), offeringImages(sql.placeholder('regionId'))))
    .prepare(),
);

/** Runs on the process connection, inside the caller's transaction (db/prepared.ts). */
export async function isOfferedIn(_db: Db | Tx, productCode: string, regionId: string): Promise<boolean> {
  return Boolean((await offeringImage().execute({ productCode, regionId })).at(0));
}

async function requireSku(db: Db | Tx, product: Product, skuCode: string): Promise<Sku> {
  const sku = (await db.select().from(skus).where(and(eq(skus.code, skuCode), eq(skus.productCode, product.code))).limit(1)).at(0);
  if (!sku) throw new CloudError('InvalidSkuCode.NotFound', { skuCode }, 'skuCode');
  return sku;
}

type Purchase = { productCode: string; skuCode: string; regionId: string; quantity: number };

/** A sale checked (the product can be sold in the region, MKT-1, MKT-8) and priced (MKT-2), nothing written. */
async function priceSale(db: Db | Tx, input: Purchase) {
  const product = await requirePublicProduct(db, input.productCode);
  const regionExists = Boolean(await findRegion(db, input.regionId));
  const refusal = saleRefusal({ productCode: product.code, productStatus: product.status, regionId: input.regionId, regionExists, offered: regionExists && await isOfferedIn(db, product.code, input.regionId) });
  if (refusal) throw refusal;
  const sku = await requireSku(db, product, input.skuCode);
  return { product, sku, priced: priceOrder({ pricingModel: sku.pricingModel as PricingModel, priceFen: sku.priceFen }, input.quantity) };
}

/** What a purchase returns, and how a replayed one (IMP-8) is read back. */
const purchaseResult = z.object({ orderId: z.string(), licenseIds: z.array(z.string()), amountFen: z.number(), pricingModel: z.enum(pricingModels) });
export type PurchaseResult = z.infer<typeof purchaseResult>;

/**
 * The purchase itself, inside the caller's transaction: checks the product can be sold here,
 * takes the money from the wallet (seller payable and platform commission on the other side),
 * writes the order and its licenses. Used by purchaseLicenses and by a launch that buys its shortfall.
 */
export async function buyLicenses(tx: Tx, actor: Actor, input: Purchase): Promise<PurchaseResult> {
  const { product, sku, priced } = await priceSale(tx, input);

  const now = clock.now();
  const orderId = newResourceId('o');
  await tx.insert(orders)
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
    });
  await paySale(tx, { buyerAccountId: actor.accountId, sellerAccountId: product.sellerAccountId, amountFen: priced.amountFen, orderId });
  const expiresAt = subscriptionEnd(sku.pricingModel as PricingModel, now);
  const licenseIds = Array.from({ length: priced.quantity }, () => newResourceId('l'));
  await tx.insert(licenses)
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
    );
  for (const licenseId of licenseIds) await tellSeller(tx, 'newInstance', { licenseId, amountFen: priced.unitPriceFen, period: periodOf(sku.pricingModel) });
  return { orderId, licenseIds, amountFen: priced.amountFen, pricingModel: sku.pricingModel as PricingModel };
}

/**
 * Takes an order's amount from the buyer's wallet: the seller's payable gets it less the
 * platform's commission (SEL-8). Refused, changing nothing, when the wallet cannot pay.
 */
export async function paySale(tx: Tx, sale: { buyerAccountId: string; sellerAccountId: string; amountFen: number; orderId: string }): Promise<void> {
  if (sale.amountFen === 0) return;
  const wallet = await ensureBook(tx, 'wallet', sale.buyerAccountId);
  const refusal = (balanceFen: number) => unpaidOrderRefusal(balanceFen, sale.amountFen);
  const unpaid = refusal(await balanceOf(tx, wallet));
  if (unpaid) throw unpaid;
  const { platformFen, sellerFen } = splitSale(sale.amountFen, (await readSettings(tx)).commissionBps);
  await transfer(
    tx,
    [
      { bookId: wallet, amountFen: -sale.amountFen },
      { bookId: await ensureBook(tx, 'seller_payable', sale.sellerAccountId), amountFen: sellerFen },
      { bookId: await platformBook(tx, 'platform_revenue'), amountFen: platformFen },
    ],
    'purchase',
    sale.orderId,
    undefined,
    // Checked again as the wallet is debited: a purchase on another connection may have spent it since.
    { bookId: wallet, refusal },
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

const parsePurchase = (input: unknown) => parseInput(purchaseSchema, input, { quantity: 'InvalidParameter.Quantity', productCode: 'InvalidProductCode.NotFound', skuCode: 'InvalidSkuCode.NotFound', regionId: 'RegionId.NotFound' });

/** Hourly SKUs are bought only with a launch (MKT-2). */
async function assertSoldAlone(db: Db | Tx, purchase: Purchase): Promise<void> {
  assertBuyableAlone((await requireSku(db, await requirePublicProduct(db, purchase.productCode), purchase.skuCode)).pricingModel as PricingModel);
}

/** Buy N licenses from the wallet in one transaction (MKT-2, MKT-3). Hourly SKUs are refused here. */
export async function purchaseLicenses(actor: Actor, input: unknown) {
  return await mutate(actor, 'BuyLicenses', async (tx, note) => {
    authorize(actor, 'license.buy');
    const { clientToken, ...purchase } = parsePurchase(input);
    await assertSoldAlone(tx, purchase);
    const result = await once(tx, actor, 'BuyLicenses', clientToken, purchase, purchaseResult, async () => {
      // Licenses in the pool are a new attempt for the account's groups of the product that lack them (MKT-9).
      await retryFailingGroups(tx, actor.accountId, { productCode: purchase.productCode, regionId: purchase.regionId });
      return await buyLicenses(tx, actor, purchase);
    });
    note.target = result.orderId;
    note.detail = { ...purchase, amountFen: result.amountFen };
    return result;
  });
}

/** What purchaseLicenses would charge for the same input, refused the same way, changing nothing (the API's DescribePrice). */
export async function quoteLicenses(actor: Actor, input: unknown): Promise<PricedOrder & { pricingModel: PricingModel }> {
  authorize(actor, 'license.buy');
  const { clientToken: _, ...purchase } = parsePurchase(input);
  return await read(async (db) => {
    await assertSoldAlone(db, purchase);
    const { sku, priced } = await priceSale(db, purchase);
    return { ...priced, pricingModel: sku.pricingModel as PricingModel };
  });
}

/** One of the caller's own orders (a refund order is not one they can act on); another's does not exist for them. */
export async function requireOwnOrder(db: Db | Tx, actor: Actor, orderId: string): Promise<Order> {
  const order = (await db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.accountId, actor.accountId))).limit(1)).at(0);
  if (!order || order.kind === 'refund') throw new CloudError('InvalidOrderId.NotFound', { orderId }, 'orderId');
  return order;
}

export type OrderRow = Order & { title: string };

/** The order list's sortable columns (issue 16). */
export const orderSortKeys = ['product', 'quantity', 'amount', 'status', 'created'] as const;
const orderSortColumns = new Map<(typeof orderSortKeys)[number], SQLiteColumn>([
  ['product', products.title],
  ['quantity', orders.quantity],
  ['amount', orders.amountFen],
  ['status', orders.status],
  ['created', orders.createdAt],
]);

export type OrderListQuery = { regionId?: string; search?: string; sort?: string; page?: unknown; pageSize?: unknown };

/** The caller's orders, newest first by default, in one region or all, searched by order id, product code or title. */
export async function listOrders(actor: Actor, query: OrderListQuery = {}) {
  authorize(actor, 'order.read');
  const { page, pageSize } = parsePaging(query, { defaultPageSize: 20 });
  const sort = parseSort(query.sort, orderSortKeys, { key: 'created', direction: 'desc' });
  return await read(async (db) => {
    // Read through orders_account_created_idx: the region and the search filter the account's rows.
    const where = and(eq(orders.accountId, actor.accountId), query.regionId ? eq(orders.regionId, query.regionId) : undefined, searchTerms(query.search?.trim(), [orders.id, orders.productCode], [products.title]));
    const total = (await db.select({ n: count() }).from(orders).innerJoin(products, eq(products.code, orders.productCode)).where(where).limit(1)).at(0)?.n ?? 0;
    const items: OrderRow[] = (await db
      .select({ order: orders, title: products.title })
      .from(orders)
      .innerJoin(products, eq(products.code, orders.productCode))
      .where(where)
      .orderBy(...orderFor(sort, orderSortColumns, orders.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize))
      .map((r) => ({ ...r.order, title: r.title }));
    return { items, total, page, pageSize };
  });
}
