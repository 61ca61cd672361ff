// Refunds (REF-1 … REF-7): the buyer asks from an order, with a reason; the rules are checked
// when asked and again, atomically, when an admin approves (REF-5). An approved refund returns
// the money along the path it came, marks the licenses refunded and writes a refund order (REF-6).
import { and, asc, count, desc, eq, gt, gte, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, instances, invoices, ledgerEntries, licenses, orders, products, refundRequests } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError, type CloudErrorCode } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { formatFen } from '../domain/money';
import { authorize } from '../domain/permissions';
import { chinaMinute, chinaYear, chinaYearStart } from '../domain/calendar';
import { decideRefund, REFUND_REASON_MAX, type RefundDecision, type RefundReason } from '../domain/refunds';
import { parseDecisionNote, parseInput } from '../domain/validation';
import { transfer } from './ledger';
import { requireOwnOrder, type Order } from './orders';
import { notify } from './notifications';
import { tellSeller } from './seller-calls';
import { readSettings } from './settings';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';
import { changedRows, descNullsLast, lockForCount, oneAfterAnother } from '../../db/portable';

export type RefundRequest = typeof refundRequests.$inferSelect;

export type Eligibility = RefundDecision & { deployed: boolean; refundsThisYear: number; refundsPerYear: number; invoiceIssued: boolean };

const reasonCodes: Record<RefundReason, CloudErrorCode> = {
  windowClosed: 'InvalidRefund.WindowClosed',
  deployed: 'InvalidRefund.Deployed',
  yearlyLimit: 'InvalidRefund.YearlyLimit',
  invoiceIssued: 'InvalidRefund.InvoiceIssued',
};

/** The facts of REF-1 … REF-4 and REF-7 for an order, as they stand now. `askedAt` is when the window is judged. */
async function eligibility(db: Db | Tx, order: Order, askedAt: Date): Promise<Eligibility> {
  const settings = await readSettings(db);
  const now = clock.now();
  const unstartedRenewal = order.kind === 'renewal' && order.termStartsAt !== null && order.termStartsAt > now;
  // REF-2 for a renewal: its license is in use by definition, so what counts is whether its term
  // has begun (REF-4) — a renewal in effect is being used, like a deployed license.
  const deployed =
    order.kind === 'renewal'
      ? !unstartedRenewal
      : Boolean((await db.select({ id: licenses.id }).from(licenses).where(and(eq(licenses.orderId, order.id), isNotNull(licenses.firstDeployedAt))).limit(1)).at(0));
  const refundsThisYear =
    (await db
      .select({ n: count() })
      .from(refundRequests)
      .where(and(eq(refundRequests.accountId, order.accountId), eq(refundRequests.status, 'approved'), eq(refundRequests.countsTowardLimit, true), gte(refundRequests.decidedAt, chinaYearStart(now)))).limit(1)).at(0)?.n ?? 0;
  const invoiceIssued = Boolean((await db.select({ id: invoices.orderId }).from(invoices).where(and(eq(invoices.orderId, order.id), eq(invoices.status, 'issued'))).limit(1)).at(0));
  const decision = decideRefund({
    paidAt: order.createdAt,
    now: askedAt,
    deployed,
    unstartedRenewal,
    refundsThisYear,
    invoiceIssued,
    windowDays: settings.refundWindowDays,
    refundsPerYear: settings.refundsPerYear,
  });
  return { ...decision, deployed, refundsThisYear, refundsPerYear: settings.refundsPerYear, invoiceIssued };
}

/**
 * The eligibility a change acts on: the buyer's account is locked first (db/portable.ts
 * lockForCount), so REF-3's count of the year's refunds includes one approved on another
 * connection meanwhile, and two approvals at once cannot both take the last one.
 */
async function eligibilityToDecide(tx: Tx, order: Order, askedAt: Date): Promise<Eligibility> {
  await lockForCount(tx, accounts, order.accountId);
  return await eligibility(tx, order, askedAt);
}

function refusal(order: Order, e: Eligibility): CloudError {
  const reason = e.reasons[0];
  return new CloudError(reasonCodes[reason], {
    windowEndsAt: `${chinaMinute(e.windowEndsAt)} (UTC+8)`,
    days: Math.round((e.windowEndsAt.getTime() - order.createdAt.getTime()) / 86_400_000),
    limit: e.refundsPerYear,
    year: chinaYear(clock.now()),
  });
}

async function pendingRequest(db: Db | Tx, orderId: string): Promise<RefundRequest | undefined> {
  return (await db.select().from(refundRequests).where(and(eq(refundRequests.orderId, orderId), eq(refundRequests.status, 'pending'))).limit(1)).at(0);
}

export type OrderDetail = {
  order: Order;
  title: string;
  eligibility: Eligibility;
  requests: RefundRequest[];
  invoice: typeof invoices.$inferSelect | null;
  licenses: { id: string; status: string; instanceId: string | null; firstDeployedAt: Date | null }[];
};

/** An order with its live refund eligibility, its refund requests and its invoice (product.md §10). */
export async function getOrder(actor: Actor, orderId: string): Promise<OrderDetail> {
  authorize(actor, 'order.read');
  return await read(async (db) => {
    const order = await requireOwnOrder(db, actor, orderId);
    const title = (await db.select({ title: products.title }).from(products).where(eq(products.code, order.productCode)).limit(1)).at(0)!.title;
    return {
      order,
      title,
      eligibility: await eligibility(db, order, clock.now()),
      requests: await db.select().from(refundRequests).where(eq(refundRequests.orderId, order.id)).orderBy(desc(refundRequests.id)),
      invoice: (await db.select().from(invoices).where(eq(invoices.orderId, order.id)).limit(1)).at(0) ?? null,
      licenses: await db
        .select({ id: licenses.id, status: licenses.status, instanceId: licenses.instanceId, firstDeployedAt: licenses.firstDeployedAt })
        .from(licenses)
        .where(eq(licenses.orderId, order.id))
        .orderBy(asc(licenses.id)),
    };
  });
}

const requestSchema = z.object({ orderId: z.string().min(1), reason: z.string().trim().min(1).max(REFUND_REASON_MAX) });

/** REF-1 … REF-5: ask for a refund; refused at once when the rules already say no. */
export async function requestRefund(actor: Actor, input: { orderId?: unknown; reason?: unknown }): Promise<RefundRequest> {
  return await mutate(actor, 'RequestRefund', async (tx, note) => {
    authorize(actor, 'refund.request');
    if (!String(input.reason ?? '').trim()) throw new CloudError('InvalidParameter.RefundReason', {}, 'reason');
    const request = parseInput(requestSchema, input, { orderId: 'InvalidOrderId.NotFound', reason: 'InvalidParameter.RefundReason' });
    note.target = request.orderId;
    const order = await requireOwnOrder(tx, actor, request.orderId);
    if (order.status !== 'paid') throw new CloudError('IncorrectOrderStatus', { status: order.status });
    if (await pendingRequest(tx, order.id)) throw new CloudError('InvalidRefund.Pending', { orderId: order.id });
    const now = clock.now();
    const e = await eligibilityToDecide(tx, order, now);
    if (!e.eligible) throw refusal(order, e);
    await assertLastRenewal(tx, order);
    const row = (await tx
      .insert(refundRequests)
      .values({ orderId: order.id, accountId: actor.accountId, reason: request.reason, status: 'pending', countsTowardLimit: e.countsTowardLimit, requestedAt: now })
      .returning())[0];
    note.detail = { requestId: row.id, amountFen: order.amountFen };
    // REF-5: the operator may let requests that pass the rules through without review.
    if ((await readSettings(tx)).autoApproveRefunds) return await approveInside(tx, row, order, null);
    return row;
  });
}

/** REF-5: the admin's approval re-checks every rule inside the transaction that pays the refund. */
export async function approveRefund(actor: Actor, requestId: number): Promise<RefundRequest> {
  return await mutate(actor, 'ApproveRefund', async (tx, note) => {
    authorize(actor, 'refund.review');
    note.target = String(requestId);
    const request = await requirePending(tx, requestId);
    const order = (await tx.select().from(orders).where(eq(orders.id, request.orderId)).limit(1)).at(0)!;
    // The window is judged when the buyer asked; deployment, the yearly count and invoices as they are now.
    const e = await eligibilityToDecide(tx, order, request.requestedAt);
    if (!e.eligible) throw refusal(order, e);
    await assertLastRenewal(tx, order);
    note.detail = { orderId: order.id, amountFen: order.amountFen };
    return await approveInside(tx, request, order, actor.userId);
  });
}

export async function rejectRefund(actor: Actor, requestId: number, input: { note?: unknown }): Promise<RefundRequest> {
  return await mutate(actor, 'RejectRefund', async (tx, audit) => {
    authorize(actor, 'refund.review');
    audit.target = String(requestId);
    const request = await requirePending(tx, requestId);
    const note = parseDecisionNote(input);
    const decided = (await tx
      .update(refundRequests)
      .set({ status: 'rejected', decisionNote: note, decidedAt: clock.now(), decidedBy: actor.userId })
      .where(eq(refundRequests.id, request.id))
      .returning())[0];
    await notify(tx, request.accountId, 'refundRejected', { orderId: request.orderId, note });
    return decided;
  });
}

async function requirePending(tx: Tx, requestId: number): Promise<RefundRequest> {
  const request = Number.isInteger(requestId) ? (await tx.select().from(refundRequests).where(eq(refundRequests.id, requestId)).limit(1)).at(0) : undefined;
  if (!request) throw new CloudError('InvalidRefundId.NotFound', { requestId });
  if (request.status !== 'pending') throw new CloudError('IncorrectRefundStatus', { status: request.status });
  return request;
}

async function approveInside(tx: Tx, request: RefundRequest, order: Order, decidedBy: string | null): Promise<RefundRequest> {
  const now = clock.now();
  // The order is refunded once: a second request for it (two asked at once on two connections),
  // or a second approval, loses this guarded update and pays nothing.
  if (changedRows(await tx.update(orders).set({ status: 'refunded' }).where(and(eq(orders.id, order.id), eq(orders.status, 'paid')))) !== 1) {
    throw new CloudError('IncorrectOrderStatus', { status: 'refunded' });
  }
  const refundOrderId = newResourceId('o');
  await tx.insert(orders)
    .values({ ...order, id: refundOrderId, amountFen: -order.amountFen, status: 'refunded', kind: 'refund', refundOf: order.id, createdAt: now });
  // The money goes back the way it came: every book of the sale gives back what it got.
  const sale = await tx.select().from(ledgerEntries).where(and(eq(ledgerEntries.reference, order.id), eq(ledgerEntries.reason, 'purchase')));
  if (sale.length > 0) await transfer(tx, sale.map((e) => ({ bookId: e.bookId, amountFen: -e.amountFen })), 'refund', refundOrderId);
  if (order.kind === 'renewal') await undoRenewal(tx, order);
  else {
    const refunded = await tx.update(licenses).set({ status: 'refunded' }).where(and(eq(licenses.orderId, order.id), eq(licenses.status, 'available'))).returning({ id: licenses.id });
    // REF-2 once more, now that the order's available licenses are taken: one that a launch on
    // another connection bound since the check was made is deployed, and stays with its instance.
    if ((await tx.select({ id: licenses.id }).from(licenses).where(and(eq(licenses.orderId, order.id), isNotNull(licenses.firstDeployedAt))).limit(1)).at(0)) throw new CloudError('InvalidRefund.Deployed');
    // Each refunded order line ends for the seller too (SEL-3).
    for (const { id } of refunded) await tellSeller(tx, 'releaseInstance', { licenseId: id });
  }
  const product = (await tx.select().from(products).where(eq(products.code, order.productCode)).limit(1)).at(0)!;
  await notify(tx, order.accountId, 'refundApproved', { orderId: order.id, amount: formatFen(order.amountFen) });
  await notify(tx, product.sellerAccountId, 'orderRefunded', { orderId: order.id, productCode: product.code, amount: formatFen(order.amountFen) });
  return (await tx
    .update(refundRequests)
    .set({ status: 'approved', decidedAt: now, decidedBy, refundOrderId })
    .where(eq(refundRequests.id, request.id))
    .returning())[0];
}

/** REF-4: a refunded renewal takes its periods back off the instance's term. */
async function undoRenewal(tx: Tx, order: Order): Promise<void> {
  if (!order.instanceId || !order.termStartsAt) return;
  const instance = (await tx.select().from(instances).where(eq(instances.id, order.instanceId)).limit(1)).at(0);
  if (!instance) return;
  // The term ends again where this renewal would have begun: exact, whatever the months' lengths.
  await tx.update(instances).set({ expiresAt: order.termStartsAt }).where(eq(instances.id, instance.id));
  if (instance.licenseId) await tx.update(licenses).set({ expiresAt: order.termStartsAt }).where(eq(licenses.id, instance.licenseId));
}

/** Renewals stack: only the last one can be taken back, or a later one would start in a gap. */
async function assertLastRenewal(db: Db | Tx, order: Order): Promise<void> {
  if (order.kind !== 'renewal' || !order.instanceId || !order.termStartsAt) return;
  const later = (await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.instanceId, order.instanceId), eq(orders.kind, 'renewal'), eq(orders.status, 'paid'), gt(orders.termStartsAt, order.termStartsAt))).limit(1)).at(0);
  if (later) throw new CloudError('InvalidRefund.LaterRenewal', { orderId: later.id });
}

export type RefundQueueRow = { request: RefundRequest; order: Order; title: string; accountName: string; eligibility: Eligibility };

/** ADM-1, REF-5: the refund queue with the facts the rules decide on, computed live. */
export async function listRefundRequests(actor: Actor, { status = 'pending', ...paging }: { status?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'refund.review');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return await read(async (db) => {
    const where = eq(refundRequests.status, status);
    const total = (await db.select({ n: count() }).from(refundRequests).where(where).limit(1)).at(0)?.n ?? 0;
    const rows = await db
      .select({ request: refundRequests, order: orders, title: products.title, accountName: accounts.name })
      .from(refundRequests)
      .innerJoin(orders, eq(orders.id, refundRequests.orderId))
      .innerJoin(products, eq(products.code, orders.productCode))
      .innerJoin(accounts, eq(accounts.id, refundRequests.accountId))
      .where(where)
      .orderBy(status === 'pending' ? asc(refundRequests.requestedAt) : descNullsLast(refundRequests.decidedAt), asc(refundRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const items: RefundQueueRow[] = await oneAfterAnother(rows, async (r) => ({ ...r, eligibility: await eligibility(db, r.order, r.request.requestedAt) }));
    return { items, total, page, pageSize };
  });
}

/** How many requests wait for review (the admin's navigation shows it). */
export async function pendingRefundCount(actor: Actor): Promise<number> {
  authorize(actor, 'refund.review');
  return await read(async (db) => (await db.select({ n: count() }).from(refundRequests).where(eq(refundRequests.status, 'pending')).limit(1)).at(0)?.n ?? 0);
}
