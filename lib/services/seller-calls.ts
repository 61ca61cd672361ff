// Telling a seller what happened to a license of its product (SEL-3, SEL-4): each lifecycle call
// is an outbox row written inside the transaction of the change it reports, so the call exists
// if and only if the change does. The worker in deliveries.ts sends it.
import { eq } from 'drizzle-orm';
import { instances, licenses, orders, products, sellerDeliveries } from '../../db/schema';
import { clock } from '../clock';
import { sellerCallBody, type SellerActivity, type SellerCall } from '../domain/seller-calls';
import type { Tx } from './transaction';

type CallFacts = {
  /** One license is one order line: the unit a seller provisions. */
  licenseId: string;
  /** The order the call is about when it is not the one that bought the license (a renewal). */
  orderId?: string;
  amountFen?: number;
  period?: SellerCall['period'];
  status?: 'frozen' | 'normal';
};

/** The body's facts, fixed now; the seller's instanceId is added when it is known (deliveries.ts). */
export async function tellSeller(tx: Tx, activity: SellerActivity, facts: CallFacts): Promise<void> {
  const row = (await tx
    .select({ license: licenses, order: orders, product: products })
    .from(licenses)
    .innerJoin(orders, eq(orders.id, licenses.orderId))
    .innerJoin(products, eq(products.code, licenses.productCode))
    .where(eq(licenses.id, facts.licenseId)).limit(1)).at(0);
  // The seeded demo catalogue predates SEL-3: a product without an interface has nobody to call.
  if (!row?.product.interfaceUrl) return;
  const { license, order, product } = row;
  const call: Omit<SellerCall, 'instanceId'> = {
    activity,
    orderId: facts.orderId ?? order.id,
    orderLineId: license.id,
    productCode: product.code,
    skuCode: order.skuCode,
    accountId: license.accountId,
    regionId: license.regionId,
    period: facts.period ?? null,
    amountFen: facts.amountFen ?? 0,
    status: facts.status,
  };
  const now = clock.now();
  await tx.insert(sellerDeliveries)
    .values({ sellerAccountId: product.sellerAccountId, productCode: product.code, activity, orderId: call.orderId, orderLineId: license.id, body: sellerCallBody(call), status: 'pending', nextAttemptAt: now, createdAt: now });
}

/** MKT-2: what a subscription license's purchase pays for. */
export function periodOf(model: string, count = 1): SellerCall['period'] {
  if (model === 'monthly') return { unit: 'month', count };
  if (model === 'yearly') return { unit: 'year', count };
  return null;
}

/** The seller of the product an instance runs is told what happened to it (SEL-3, ADM-2, MKT-11). */
export async function tellSellerAbout(tx: Tx, instance: typeof instances.$inferSelect, activity: 'expireInstance' | 'releaseInstance' | 'updateInstanceStatus', status?: 'frozen' | 'normal'): Promise<void> {
  if (instance.licenseId) await tellSeller(tx, activity, { licenseId: instance.licenseId, status });
}
