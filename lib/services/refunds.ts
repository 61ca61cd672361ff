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
import { changedRows, descNullsLast, lockForCount } from '../../db/portable';

export type RefundRequest = typeof refundRequests.$inferSelect;

export type Eligibility = RefundDecision & { deployed: boolean; refundsThisYear: number; refundsPerYear: number; invoiceIssued: boolean };

const reasonCodes: Record<RefundReason, CloudErrorCode> = {
  windowClosed: 'InvalidRefund.WindowClosed',
  deployed: 'InvalidRefund.Deployed',
  yearlyLimit: 'InvalidRefund.YearlyLimit',
  invoiceIssued: 'InvalidRefund.InvoiceIssued',
};

/** The facts of REF-1 … REF-4 and REF-7 for an order, as they stand now. `askedAt` is when the window is judged. */
function eligibility(db: Db | Tx, order: Order, askedAt: Date): Eligibility {
  const settings = readSettings(db);
  const now = clock.now();
  const unstartedRenewal = order.kind === 'renewal' && order.termStartsAt !== null && order.termStartsAt > now;
  // REF-2 for a renewal: its license is in use by definition, so what counts is whether its term
  // has begun (REF-4) — a renewal in effect is being used, like a deployed license.
  const deployed =
    order.kind === 'renewal'
      ? !unstartedRenewal
      : Boolean(db.select({ id: licenses.id }).from(licenses).where(and(eq(licenses.orderId, order.id), isNotNull(licenses.firstDeployedAt))).get());
  const refundsThisYear =
    db
      .select({ n: count() })
      .from(refundRequests)
      .where(and(eq(refundRequests.accountId, order.accountId), eq(refundRequests.status, 'approved'), eq(refundRequests.countsTowardLimit, true), gte(refundRequests.decidedAt, chinaYearStart(now))))
      .get()?.n ?? 0;
  const invoiceIssued = Boolean(db.select({ id: invoices.orderId }).from(invoices).where(and(eq(invoices.orderId, order.id), eq(invoices.status, 'issued'))).get());
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
function eligibilityToDecide(tx: Tx, order: Order, askedAt: Date): Eligibility {
  lockForCount(tx, accounts, order.accountId);
  return eligibility(tx, order, askedAt);
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

function pendingRequest(db: Db | Tx, orderId: string): RefundRequest | undefined {
  return db.select().from(refundRequests).where(and(eq(refundRequests.orderId, orderId), eq(refundRequests.status, 'pending'))).get();
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
  return await read((db) => {
    const order = requireOwnOrder(db, actor, orderId);
    const title = db.select({ title: products.title }).from(products).where(eq(products.code, order.productCode)).get()!.title;
    return {
      order,
      title,
      eligibility: eligibility(db, order, clock.now()),
      requests: db.select().from(refundRequests).where(eq(refundRequests.orderId, order.id)).orderBy(desc(refundRequests.id)).all(),
      invoice: db.select().from(invoices).where(eq(invoices.orderId, order.id)).get() ?? null,
      licenses: db
        .select({ id: licenses.id, status: licenses.status, instanceId: licenses.instanceId, firstDeployedAt: licenses.firstDeployedAt })
        .from(licenses)
        .where(eq(licenses.orderId, order.id))
        .orderBy(asc(licenses.id))
        .all(),
    };
  });
}

const requestSchema = z.object({ orderId: z.string().min(1), reason: z.string().trim().min(1).max(REFUND_REASON_MAX) });

/** REF-1 … REF-5: ask for a refund; refused at once when the rules already say no. */
export async function requestRefund(actor: Actor, input: { orderId?: unknown; reason?: unknown }): Promise<RefundRequest> {
  return await mutate(actor, 'RequestRefund', (tx, note) => {
    authorize(actor, 'refund.request');
    if (!String(input.reason ?? '').trim()) throw new CloudError('InvalidParameter.RefundReason', {}, 'reason');
    const request = parseInput(requestSchema, input, { orderId: 'InvalidOrderId.NotFound', reason: 'InvalidParameter.RefundReason' });
    note.target = request.orderId;
    const order = requireOwnOrder(tx, actor, request.orderId);
    if (order.status !== 'paid') throw new CloudError('IncorrectOrderStatus', { status: order.status });
    if (pendingRequest(tx, order.id)) throw new CloudError('InvalidRefund.Pending', { orderId: order.id });
    const now = clock.now();
    const e = eligibilityToDecide(tx, order, now);
    if (!e.eligible) throw refusal(order, e);
    assertLastRenewal(tx, order);
    const row = tx
      .insert(refundRequests)
      .values({ orderId: order.id, accountId: actor.accountId, reason: request.reason, status: 'pending', countsTowardLimit: e.countsTowardLimit, requestedAt: now })
      .returning()
      .get();
    note.detail = { requestId: row.id, amountFen: order.amountFen };
    // REF-5: the operator may let requests that pass the rules through without review.
    if (readSettings(tx).autoApproveRefunds) return approveInside(tx, row, order, null);
    return row;
  });
}

/** REF-5: the admin's approval re-checks every rule inside the transaction that pays the refund. */
export async function approveRefund(actor: Actor, requestId: number): Promise<RefundRequest> {
  return await mutate(actor, 'ApproveRefund', (tx, note) => {
    authorize(actor, 'refund.review');
    note.target = String(requestId);
    const request = requirePending(tx, requestId);
    const order = tx.select().from(orders).where(eq(orders.id, request.orderId)).get()!;
    // The window is judged when the buyer asked; deployment, the yearly count and invoices as they are now.
    const e = eligibilityToDecide(tx, order, request.requestedAt);
    if (!e.eligible) throw refusal(order, e);
    assertLastRenewal(tx, order);
    note.detail = { orderId: order.id, amountFen: order.amountFen };
    return approveInside(tx, request, order, actor.userId);
  });
}

export async function rejectRefund(actor: Actor, requestId: number, input: { note?: unknown }): Promise<RefundRequest> {
  return await mutate(actor, 'RejectRefund', (tx, audit) => {
    authorize(actor, 'refund.review');
    audit.target = String(requestId);
    const request = requirePending(tx, requestId);
    const note = parseDecisionNote(input);
    const decided = tx
      .update(refundRequests)
      .set({ status: 'rejected', decisionNote: note, decidedAt: clock.now(), decidedBy: actor.userId })
      .where(eq(refundRequests.id, request.id))
      .returning()
      .get();
    notify(tx, request.accountId, 'refundRejected', { orderId: request.orderId, note });
    return decided;
  });
}

function requirePending(tx: Tx, requestId: number): RefundRequest {
  const request = Number.isInteger(requestId) ? tx.select().from(refundRequests).where(eq(refundRequests.id, requestId)).get() : undefined;
  if (!request) throw new CloudError('InvalidRefundId.NotFound', { requestId });
  if (request.status !== 'pending') throw new CloudError('IncorrectRefundStatus', { status: request.status });
  return request;
}

function approveInside(tx: Tx, request: RefundRequest, order: Order, decidedBy: string | null): RefundRequest {
  const now = clock.now();
  // The order is refunded once: a second request for it (two asked at once on two connections),
  // or a second approval, loses this guarded update and pays nothing.
  if (changedRows(tx.update(orders).set({ status: 'refunded' }).where(and(eq(orders.id, order.id), eq(orders.status, 'paid'))).run()) !== 1) {
    throw new CloudError('IncorrectOrderStatus', { status: 'refunded' });
  }
  const refundOrderId = newResourceId('o');
  tx.insert(orders)
    .values({ ...order, id: refundOrderId, amountFen: -order.amountFen, status: 'refunded', kind: 'refund', refundOf: order.id, createdAt: now })
    .run();
  // The money goes back the way it came: every book of the sale gives back what it got.
  const sale = tx.select().from(ledgerEntries).where(and(eq(ledgerEntries.reference, order.id), eq(ledgerEntries.reason, 'purchase'))).all();
  if (sale.length > 0) transfer(tx, sale.map((e) => ({ bookId: e.bookId, amountFen: -e.amountFen })), 'refund', refundOrderId);
  if (order.kind === 'renewal') undoRenewal(tx, order);
  else {
    const refunded = tx.update(licenses).set({ status: 'refunded' }).where(and(eq(licenses.orderId, order.id), eq(licenses.status, 'available'))).returning({ id: licenses.id }).all();
    // REF-2 once more, now that the order's available licenses are taken: one that a launch on
    // another connection bound since the check was made is deployed, and stays with its instance.
    if (tx.select({ id: licenses.id }).from(licenses).where(and(eq(licenses.orderId, order.id), isNotNull(licenses.firstDeployedAt))).get()) throw new CloudError('InvalidRefund.Deployed');
    // Each refunded order line ends for the seller too (SEL-3).
    for (const { id } of refunded) tellSeller(tx, 'releaseInstance', { licenseId: id });
  }
  const product = tx.select().from(products).where(eq(products.code, order.productCode)).get()!;
  notify(tx, order.accountId, 'refundApproved', { orderId: order.id, amount: formatFen(order.amountFen) });
  notify(tx, product.sellerAccountId, 'orderRefunded', { orderId: order.id, productCode: product.code, amount: formatFen(order.amountFen) });
  return tx
    .update(refundRequests)
    .set({ status: 'approved', decidedAt: now, decidedBy, refundOrderId })
    .where(eq(refundRequests.id, request.id))
    .returning()
    .get();
}

/** REF-4: a refunded renewal takes its periods back off the instance's term. */
function undoRenewal(tx: Tx, order: Order): void {
  if (!order.instanceId || !order.termStartsAt) return;
  const instance = tx.select().from(instances).where(eq(instances.id, order.instanceId)).get();
  if (!instance) return;
  // The term ends again where this renewal would have begun: exact, whatever the months' lengths.
  tx.update(instances).set({ expiresAt: order.termStartsAt }).where(eq(instances.id, instance.id)).run();
  if (instance.licenseId) tx.update(licenses).set({ expiresAt: order.termStartsAt }).where(eq(licenses.id, instance.licenseId)).run();
}

/** Renewals stack: only the last one can be taken back, or a later one would start in a gap. */
function assertLastRenewal(db: Db | Tx, order: Order): void {
  if (order.kind !== 'renewal' || !order.instanceId || !order.termStartsAt) return;
  const later = db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.instanceId, order.instanceId), eq(orders.kind, 'renewal'), eq(orders.status, 'paid'), gt(orders.termStartsAt, order.termStartsAt)))
    .get();
  if (later) throw new CloudError('InvalidRefund.LaterRenewal', { orderId: later.id });
}

export type RefundQueueRow = { request: RefundRequest; order: Order; title: string; accountName: string; eligibility: Eligibility };

/** ADM-1, REF-5: the refund queue with the facts the rules decide on, computed live. */
export async function listRefundRequests(actor: Actor, { status = 'pending', ...paging }: { status?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'refund.review');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return await read((db) => {
    const where = eq(refundRequests.status, status);
    const total = db.select({ n: count() }).from(refundRequests).where(where).get()?.n ?? 0;
    const rows = db
      .select({ request: refundRequests, order: orders, title: products.title, accountName: accounts.name })
      .from(refundRequests)
      .innerJoin(orders, eq(orders.id, refundRequests.orderId))
      .innerJoin(products, eq(products.code, orders.productCode))
      .innerJoin(accounts, eq(accounts.id, refundRequests.accountId))
      .where(where)
      .orderBy(status === 'pending' ? asc(refundRequests.requestedAt) : descNullsLast(refundRequests.decidedAt), asc(refundRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .all();
    const items: RefundQueueRow[] = rows.map((r) => ({ ...r, eligibility: eligibility(db, r.order, r.request.requestedAt) }));
    return { items, total, page, pageSize };
  });
}

/** How many requests wait for review (the admin's navigation shows it). */
export async function pendingRefundCount(actor: Actor): Promise<number> {
  authorize(actor, 'refund.review');
  return await read((db) => db.select({ n: count() }).from(refundRequests).where(eq(refundRequests.status, 'pending')).get()?.n ?? 0);
}
