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
export function requirePublicProduct(db: Db | Tx, productCode: string): Product {
  const product = db.select().from(products).where(eq(products.code, productCode)).get();
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
export function isOfferedIn(_db: Db | Tx, productCode: string, regionId: string): boolean {
  return Boolean(offeringImage().get({ productCode, regionId }));
}

function requireSku(db: Db | Tx, product: Product, skuCode: string): Sku {
  const sku = db.select().from(skus).where(and(eq(skus.code, skuCode), eq(skus.productCode, product.code))).get();
  if (!sku) throw new CloudError('InvalidSkuCode.NotFound', { skuCode }, 'skuCode');
  return sku;
}

type Purchase = { productCode: string; skuCode: string; regionId: string; quantity: number };

/** A sale checked (the product can be sold in the region, MKT-1, MKT-8) and priced (MKT-2), nothing written. */
function priceSale(db: Db | Tx, input: Purchase) {
  const product = requirePublicProduct(db, input.productCode);
  const regionExists = Boolean(findRegion(db, input.regionId));
  const refusal = saleRefusal({ productCode: product.code, productStatus: product.status, regionId: input.regionId, regionExists, offered: regionExists && isOfferedIn(db, product.code, input.regionId) });
  if (refusal) throw refusal;
  const sku = requireSku(db, product, input.skuCode);
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
export function buyLicenses(tx: Tx, actor: Actor, input: Purchase): PurchaseResult {
  const { product, sku, priced } = priceSale(tx, input);

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
  const refusal = (balanceFen: number) => unpaidOrderRefusal(balanceFen, sale.amountFen);
  const unpaid = refusal(balanceOf(tx, wallet));
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
function assertSoldAlone(db: Db | Tx, purchase: Purchase): void {
  assertBuyableAlone(requireSku(db, requirePublicProduct(db, purchase.productCode), purchase.skuCode).pricingModel as PricingModel);
}

/** Buy N licenses from the wallet in one transaction (MKT-2, MKT-3). Hourly SKUs are refused here. */
export async function purchaseLicenses(actor: Actor, input: unknown) {
  return await mutate(actor, 'BuyLicenses', (tx, note) => {
    authorize(actor, 'license.buy');
    const { clientToken, ...purchase } = parsePurchase(input);
    assertSoldAlone(tx, purchase);
    const result = once(tx, actor, 'BuyLicenses', clientToken, purchase, purchaseResult, () => {
      // Licenses in the pool are a new attempt for the account's groups of the product that lack them (MKT-9).
      retryFailingGroups(tx, actor.accountId, { productCode: purchase.productCode, regionId: purchase.regionId });
      return buyLicenses(tx, actor, purchase);
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
  return await read((db) => {
    assertSoldAlone(db, purchase);
    const { sku, priced } = priceSale(db, purchase);
    return { ...priced, pricingModel: sku.pricingModel as PricingModel };
  });
}

/** One of the caller's own orders (a refund order is not one they can act on); another's does not exist for them. */
export function requireOwnOrder(db: Db | Tx, actor: Actor, orderId: string): Order {
  const order = db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.accountId, actor.accountId))).get();
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
  return await read((db) => {
    // Read through orders_account_created_idx: the region and the search filter the account's rows.
    const where = and(eq(orders.accountId, actor.accountId), query.regionId ? eq(orders.regionId, query.regionId) : undefined, searchTerms(query.search?.trim(), [orders.id, orders.productCode], [products.title]));
    const total = db.select({ n: count() }).from(orders).innerJoin(products, eq(products.code, orders.productCode)).where(where).get()?.n ?? 0;
    const items: OrderRow[] = db
      .select({ order: orders, title: products.title })
      .from(orders)
      .innerJoin(products, eq(products.code, orders.productCode))
      .where(where)
      .orderBy(...orderFor(sort, orderSortColumns, orders.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .all()
      .map((r) => ({ ...r.order, title: r.title }));
    return { items, total, page, pageSize };
  });
}
