// Telling a seller what happened to an order or instance of its product (SEL-3, SEL-4): each
// call is written inside the transaction of the change it reports, so it exists if and only if
// the change does.
import { eq } from 'drizzle-orm';
import { instances, licenses, products } from '../../db/schema';
import { notify } from './notifications';
import type { Tx } from './transaction';

export type SellerActivity = 'newInstance' | 'refreshInstance' | 'expireInstance' | 'releaseInstance' | 'upgradeInstance' | 'updateInstanceStatus';

export type SellerCallFacts = {
  sellerAccountId: string;
  orderId: string;
  productCode: string;
  accountId: string;
  regionId: string;
  instanceId?: string;
  amountFen?: number;
  status?: 'frozen' | 'normal';
};

export function tellSeller(tx: Tx, activity: SellerActivity, facts: SellerCallFacts): void {
  notify(tx, facts.sellerAccountId, 'sellerActivity', { activity, productCode: facts.productCode, orderId: facts.orderId, instanceId: facts.instanceId ?? '—' });
}

/** The seller of the product an instance runs is told what happened to it (SEL-3). */
export function tellSellerAbout(tx: Tx, instance: typeof instances.$inferSelect, activity: Exclude<SellerActivity, 'newInstance' | 'refreshInstance'>, status?: 'frozen' | 'normal'): void {
  if (!instance.licenseId) return;
  const row = tx
    .select({ orderId: licenses.orderId, productCode: licenses.productCode, sellerAccountId: products.sellerAccountId })
    .from(licenses)
    .innerJoin(products, eq(products.code, licenses.productCode))
    .where(eq(licenses.id, instance.licenseId))
    .get();
  if (!row) return;
  tellSeller(tx, activity, { ...row, instanceId: instance.id, accountId: instance.accountId, regionId: instance.regionId, ...(status ? { status } : {}) });
}
