// Interface debugging (SEL-6): the seller sends each activity of a test order to its product's
// interface, signed like a real call; a product is listed only once every activity has passed
// against its current interface URL.
import { and, asc, eq } from 'drizzle-orm';
import { interfaceChecks, skus } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { resultCodes, sellerActivities, sellerCallBody, type SellerActivity } from '../domain/seller-calls';
import { requireOwnProduct } from './products';
import { callSeller, type Exchange } from './seller-http';
import { signingKey } from './seller-keys';
import { mutate, read } from './transaction';

export type DebugResult = Exchange & { activity: SellerActivity; keyId: string; passed: boolean };

/** Sends one activity of a test order to the product's interface, signed like a real call; records whether it passed. */
export async function debugInterface(actor: Actor, code: string, activity: SellerActivity): Promise<DebugResult> {
  authorize(actor, 'product.publish');
  if (!sellerActivities.includes(activity)) throw new CloudError('InvalidParameter', { param: 'activity' });
  const { product, key, instanceId, sku } = await read(async (db) => {
    const product = await requireOwnProduct(db, actor, code);
    const created = (await db.select().from(interfaceChecks).where(and(eq(interfaceChecks.productCode, code), eq(interfaceChecks.activity, 'newInstance'))).limit(1)).at(0);
    return {
      product,
      key: await signingKey(db, actor.accountId),
      instanceId: (created?.exchange as { instanceId?: string } | undefined)?.instanceId,
      sku: (await db.select().from(skus).where(eq(skus.productCode, code)).orderBy(asc(skus.code)).limit(1)).at(0),
    };
  });
  if (!product.interfaceUrl) throw new CloudError('InvalidParameter.InterfaceUrl', { problem: 'missing' }, 'interfaceUrl');
  if (!key) throw new CloudError('InvalidSellerKey.Missing');
  // A test order's life: the instance the seller made on newInstance, a month's renewal, a freeze.
  const body = sellerCallBody({
    activity,
    orderId: `test-order-${code}`,
    orderLineId: `test-line-${code}`,
    instanceId: activity !== 'newInstance' ? (instanceId ?? 'test-instance') : undefined,
    productCode: code,
    skuCode: sku?.code ?? `${code}-test`,
    accountId: actor.accountId,
    regionId: 'cn-hangzhou',
    period: activity === 'refreshInstance' ? { unit: 'month', count: 1 } : null,
    amountFen: 0,
    status: activity === 'updateInstanceStatus' ? 'frozen' : undefined,
    testOrder: true,
  });
  const exchange = await callSeller({ url: product.interfaceUrl, keyId: key.keyId, secret: key.secret, activity, body });
  const passed = exchange.verdict === 'ok' && exchange.answer?.resultCode === resultCodes.success;
  await mutate(actor, 'DebugInterface', async (tx, note) => {
    note.target = code;
    note.detail = { activity, verdict: exchange.verdict };
    const now = clock.now();
    const row = { productCode: code, activity, url: product.interfaceUrl!, passedAt: passed ? now : null, exchange: { ...exchange, instanceId: exchange.answer?.instanceId }, checkedAt: now };
    // A later failure does not undo a pass: the rule is that every activity has passed once.
    await tx.insert(interfaceChecks)
      .values(row)
      .onConflictDoUpdate({ target: [interfaceChecks.productCode, interfaceChecks.activity], set: passed ? row : { exchange: row.exchange, checkedAt: now } });
  });
  return { ...exchange, activity, keyId: key.keyId, passed };
}
