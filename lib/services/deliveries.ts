// The outbox worker (SEL-4, SEL-5): sends due lifecycle calls, signed with the seller's key, to
// the product's interface; records every attempt; retries with exponential backoff for at
// least 24 hours; tells the seller when calls keep failing. Rows are claimed with a lease, so a
// worker that dies mid-call leaves its rows to be claimed again: a call is never lost, and a
// call sent twice is answered idempotently by the seller (same orderId/orderLineId).
import { and, asc, count, desc, eq, getTableColumns, gt, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { deliveryAttempts, products, sellerDeliveries } from '../../db/schema';
import { clock } from '../clock';
import { config } from '../config';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { sellerCallBody, type SellerActivity, type SellerCall } from '../domain/seller-calls';
import { notify } from './notifications';
import { signingKey } from './seller-keys';
import { callSeller, type Exchange } from './seller-http';
import { checkInterfaceUrl } from '../domain/interface-url';
import { infrastructure, mutate, read } from './transaction';
import { parsePaging } from '../domain/paging';

export type Delivery = typeof sellerDeliveries.$inferSelect;

const earlier = alias(sellerDeliveries, 'earlier');

/** Retried for 25 hours from the first attempt (SEL-5 asks for at least 24). */
export const RETRY_PERIOD_MS = 25 * 3_600_000;
/** The seller hears after this many failed attempts in a row, once. */
const FAILURES_BEFORE_NOTICE = 3;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;

function backoffMs(failedAttempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
}

/** Claims up to `limit` due deliveries with a lease, in one transaction. */
async function claimDue(limit: number): Promise<Delivery[]> {
  return await infrastructure(async (tx) => {
    const now = clock.now();
    const due = await tx
      .select()
      .from(sellerDeliveries)
      .where(
        and(
          eq(sellerDeliveries.status, 'pending'),
          lte(sellerDeliveries.nextAttemptAt, now),
          or(isNull(sellerDeliveries.leaseUntil), lte(sellerDeliveries.leaseUntil, now)),
          // The calls of one order line go in order: a freeze is not overtaken by its unfreeze.
          notExists(tx.select({ id: earlier.id }).from(earlier).where(and(eq(earlier.orderLineId, sellerDeliveries.orderLineId), lt(earlier.id, sellerDeliveries.id), eq(earlier.status, 'pending')))),
        ),
      )
      .orderBy(asc(sellerDeliveries.nextAttemptAt), asc(sellerDeliveries.id))
      .limit(limit);
    const leaseUntil = new Date(now.getTime() + config.jobLeaseMs);
    for (const d of due) await tx.update(sellerDeliveries).set({ leaseUntil }).where(eq(sellerDeliveries.id, d.id));
    return due;
  });
}

/** Sends every due delivery once (in parallel, each bounded by the call timeout); returns how many were tried. */
export async function deliverDue(limit = 20): Promise<number> {
  const due = await claimDue(limit);
  // One broken row must not hold up the others: it is recorded as a failed attempt and retried.
  await Promise.all(due.map((d) => attempt(d, false).catch(async (error: unknown) => await record(d, false, { verdict: 'internalError', url: '', keyId: null, exchange: null, instanceId: null, error }))));
  return due.length;
}

type Prepared = { url: string; keyId: string; secret: string; body: string; instanceId: string | null } | { wait: 'noUrl' | 'noKey' | 'notSent' };

/** What the call needs now: the interface, the key, and the seller's instance id for later activities. */
async function prepare(delivery: Delivery): Promise<Prepared> {
  return await read(async (db) => {
    const url = (await db.select({ url: products.interfaceUrl }).from(products).where(eq(products.code, delivery.productCode)).limit(1)).at(0)?.url;
    // Checked again at every send (SEL-4): the rules may be stricter than when the URL was saved.
    if (!url || checkInterfaceUrl(url, config.mode, config.localInterfacePorts)) return { wait: 'noUrl' as const };
    const key = await signingKey(db, delivery.sellerAccountId);
    if (!key) return { wait: 'noKey' as const };
    let instanceId = delivery.instanceId;
    if (delivery.activity !== 'newInstance' && !instanceId) {
      // Every later call names the instance the seller made; it waits until that call went through.
      const created = (await db
        .select({ instanceId: sellerDeliveries.instanceId })
        .from(sellerDeliveries)
        .where(and(eq(sellerDeliveries.orderLineId, delivery.orderLineId), eq(sellerDeliveries.activity, 'newInstance'), eq(sellerDeliveries.status, 'delivered'))).limit(1)).at(0);
      // Only reached when newInstance was given up: calls of a line are claimed in order.
      if (!created?.instanceId) return { wait: 'notSent' as const };
      instanceId = created.instanceId;
    }
    // The facts stored by tellSeller, now with the seller's instance on every later activity.
    const facts = JSON.parse(delivery.body) as SellerCall;
    const body = sellerCallBody({ ...facts, instanceId: delivery.activity === 'newInstance' ? undefined : (instanceId ?? undefined) });
    return { url, keyId: key.keyId, secret: key.secret, body, instanceId };
  });
}

async function attempt(delivery: Delivery, manual: boolean): Promise<Exchange | null> {
  const prepared = await prepare(delivery);
  if ('wait' in prepared) {
    await record(delivery, manual, { verdict: prepared.wait, url: '', keyId: null, exchange: null, instanceId: null });
    return null;
  }
  const exchange = await callSeller({ url: prepared.url, keyId: prepared.keyId, secret: prepared.secret, activity: delivery.activity as SellerActivity, body: prepared.body });
  const instanceId = delivery.activity === 'newInstance' ? (exchange.answer?.instanceId ?? null) : prepared.instanceId;
  await record(delivery, manual, { verdict: exchange.verdict, url: exchange.url, keyId: prepared.keyId, exchange, instanceId });
  return exchange;
}

async function record(delivery: Delivery, manual: boolean, outcome: { verdict: string; url: string; keyId: string | null; exchange: Exchange | null; instanceId: string | null; error?: unknown }): Promise<void> {
  if (outcome.error) console.error(`[deliveries] #${delivery.id} failed inside Stratus:`, outcome.error);
  await infrastructure(async (tx) => {
    const now = clock.now();
    const { exchange } = outcome;
    await tx.insert(deliveryAttempts)
      .values({
        deliveryId: delivery.id,
        at: now,
        url: outcome.url,
        keyId: outcome.keyId,
        httpStatus: exchange?.httpStatus ?? null,
        latencyMs: exchange?.latencyMs ?? 0,
        resultCode: exchange?.answer?.resultCode ?? null,
        response: exchange?.response ?? null,
        verdict: outcome.verdict,
        manual,
      });
    const current = (await tx.select().from(sellerDeliveries).where(eq(sellerDeliveries.id, delivery.id)).limit(1)).at(0)!;
    if (outcome.verdict === 'ok') {
      await tx.update(sellerDeliveries)
        .set({ status: 'delivered', deliveredAt: current.deliveredAt ?? now, instanceId: outcome.instanceId, leaseUntil: null, lastError: null })
        .where(eq(sellerDeliveries.id, delivery.id));
      return;
    }
    // A replay of a call already delivered changes nothing but the log.
    if (current.status === 'delivered') return;
    const attempts = current.attempts + 1;
    const expired = now.getTime() - current.createdAt.getTime() >= RETRY_PERIOD_MS;
    const lastError = exchange?.answer ? `${outcome.verdict} ${exchange.answer.resultCode}: ${exchange.answer.resultMsg}`.slice(0, 300) : outcome.verdict;
    await tx.update(sellerDeliveries)
      .set({ status: expired ? 'failed' : 'pending', attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), leaseUntil: null, lastError })
      .where(eq(sellerDeliveries.id, delivery.id));
    const params = { productCode: current.productCode, activity: current.activity, orderId: current.orderId, attempts };
    if (expired) await notify(tx, current.sellerAccountId, 'deliveryFailed', params);
    else if (attempts === FAILURES_BEFORE_NOTICE) await notify(tx, current.sellerAccountId, 'deliveryFailing', params);
  });
}

async function requireOwnDelivery(actor: Actor, deliveryId: number): Promise<Delivery> {
  const delivery = Number.isInteger(deliveryId)
    ? await read(async (db) => (await db.select().from(sellerDeliveries).where(and(eq(sellerDeliveries.id, deliveryId), eq(sellerDeliveries.sellerAccountId, actor.accountId))).limit(1)).at(0))
    : undefined;
  if (!delivery) throw new CloudError('InvalidDelivery.NotFound', { deliveryId });
  return delivery;
}

/** SEL-5: the seller sends a delivery again by hand, whatever its state; the answer is logged. */
export async function replayDelivery(actor: Actor, deliveryId: number): Promise<Exchange | null> {
  authorize(actor, 'delivery.read');
  const delivery = await requireOwnDelivery(actor, deliveryId);
  await mutate(actor, 'ReplayDelivery', (_tx, note) => {
    note.target = String(deliveryId);
  });
  return attempt(delivery, true);
}

/**
 * Every try of the call, as the delivery page lists them (a delivered call tried once shows 1);
 * `attempts` on the row counts the failures in a row, which set the backoff.
 */
const tries = sql<number>`(select count(*) from ${deliveryAttempts} as tried where tried.delivery_id = ${sellerDeliveries}.id)`.mapWith(Number);

export async function listDeliveries(actor: Actor, { status, ...paging }: { status?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'delivery.read');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return await read(async (db) => {
    const where = and(eq(sellerDeliveries.sellerAccountId, actor.accountId), status ? eq(sellerDeliveries.status, status) : undefined);
    const total = (await db.select({ n: count() }).from(sellerDeliveries).where(where).limit(1)).at(0)?.n ?? 0;
    const items = await db
      .select({ ...getTableColumns(sellerDeliveries), tries })
      .from(sellerDeliveries)
      .where(where)
      .orderBy(desc(sellerDeliveries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items, total, page, pageSize };
  });
}

export async function getDelivery(actor: Actor, deliveryId: number) {
  authorize(actor, 'delivery.read');
  const delivery = await requireOwnDelivery(actor, deliveryId);
  const attempts = await read(async (db) => await db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, delivery.id)).orderBy(desc(deliveryAttempts.id)));
  return { delivery, attempts };
}

/** SEL-5: the seller's calls that failed and were not delivered since: given up, or still being retried. */
export async function listFailedDeliveries(actor: Actor, paging: { page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'delivery.read');
  const { page, pageSize } = parsePaging(paging);
  return await read(async (db) => {
    const where = and(eq(sellerDeliveries.sellerAccountId, actor.accountId), or(eq(sellerDeliveries.status, 'failed'), and(eq(sellerDeliveries.status, 'pending'), gt(sellerDeliveries.attempts, 0))));
    const total = (await db.select({ n: count() }).from(sellerDeliveries).where(where).limit(1)).at(0)?.n ?? 0;
    const items = await db.select().from(sellerDeliveries).where(where).orderBy(desc(sellerDeliveries.id)).limit(pageSize).offset((page - 1) * pageSize);
    return { items, total, page, pageSize };
  });
}
