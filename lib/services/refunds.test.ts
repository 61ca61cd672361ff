// REF-1 … REF-7: refund requests, the admin's approval that re-checks the rules, invoices.
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instances, licenses, notifications, orders, refundRequests } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, fund, ledgerSum, productImage } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { runInstances } from './instances';
import { balanceOf, bookId } from './ledger';
import { purchaseLicenses } from './orders';
import { approveRefund, getOrder, listRefundRequests, rejectRefund, requestRefund } from './refunds';
import { requestInvoice, voidInvoice } from './invoices';
import { updateSettings } from './settings';
import { renewInstance } from './subscriptions';
import { walletBalance } from './wallet';

const { db } = throwawayDatabase();
let sellers: Map<string, { accountId: string }>;
beforeAll(async () => {
  sellers = await seedTestMarketplace(db());
});
afterEach(() => clock.reset());

const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };
const DAY = 86_400_000;

/** lnmp000101 one-time license, ¥99.00, sold by cloudsail. */
async function buy(buyer: Actor, quantity = 1) {
  return (await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity })).orderId;
}
const seller = () => sellers.get('cloudsail')!.accountId;
const payable = async () => await balanceOf(db(), bookId('seller_payable', seller()));

describe('REF-5 request, review and approval', () => {
  it('an approved refund returns the money the way it came, refunds the licenses, writes a refund order and tells both sides', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    const payableBefore = await payable();
    const orderId = await buy(buyer, 2);
    expect(await walletBalance(buyer)).toBe(50_000 - 19_800);
    const request = await requestRefund(buyer, { orderId, reason: 'Bought the wrong product' });
    expect(request.status).toBe('pending');
    const queued = (await listRefundRequests(admin)).items.find((r) => r.request.id === request.id)!;
    expect(queued.eligibility).toMatchObject({ eligible: true, deployed: false, refundsThisYear: 0, refundsLeft: 10 });

    const approved = await approveRefund(admin, request.id);
    expect(approved.status).toBe('approved');
    expect(await walletBalance(buyer)).toBe(50_000);
    expect(await payable()).toBe(payableBefore);
    expect(await ledgerSum()).toBe(0);
    const refundOrder = (await db().select().from(orders).where(eq(orders.id, approved.refundOrderId!)).limit(1)).at(0)!;
    expect(refundOrder).toMatchObject({ kind: 'refund', refundOf: orderId, amountFen: -19_800 });
    expect((await db().select().from(orders).where(eq(orders.id, orderId)).limit(1)).at(0)!.status).toBe('refunded');
    expect((await db().select().from(licenses).where(eq(licenses.orderId, orderId))).map((l) => l.status)).toEqual(['refunded', 'refunded']);
    const kinds = async (accountId: string) => (await db().select().from(notifications).where(eq(notifications.accountId, accountId))).map((n) => n.kind);
    expect(await kinds(buyer.accountId)).toContain('refundApproved');
    expect(await kinds(seller())).toContain('orderRefunded');
    await expectCloudError(async () => await approveRefund(admin, request.id), 'IncorrectRefundStatus');
  });

  it('REF-2: a license deployed after the request is not refunded — the approval is refused with the reason', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    const orderId = await buy(buyer);
    const request = await requestRefund(buyer, { orderId, reason: 'Changed my mind' });
    await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('lnmp000101'), instanceTypeId: 'ecs.g7.large', amount: 1 });
    expect((await listRefundRequests(admin)).items.find((r) => r.request.id === request.id)!.eligibility).toMatchObject({ eligible: false, reasons: ['deployed'] });
    await expectCloudError(async () => await approveRefund(admin, request.id), 'InvalidRefund.Deployed');
    expect(await walletBalance(buyer)).toBe(50_000 - 9_900);
    // It stays in the queue for the admin to reject, with words the buyer reads.
    await expectCloudError(async () => await rejectRefund(admin, request.id, { note: ' ' }), 'InvalidParameter.DecisionNote');
    expect(await rejectRefund(admin, request.id, { note: 'The license is in use on an instance.' })).toMatchObject({ status: 'rejected', decisionNote: 'The license is in use on an instance.' });
    await expectCloudError(async () => await requestRefund(buyer, { orderId, reason: 'again' }), 'InvalidRefund.Deployed');
  });

  it('a reason is required; one pending request per order; another account’s order does not exist; buyers cannot review', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    const orderId = await buy(buyer);
    await expectCloudError(async () => await requestRefund(buyer, { orderId, reason: '   ' }), 'InvalidParameter.RefundReason');
    const request = await requestRefund(buyer, { orderId, reason: 'Not needed' });
    await expectCloudError(async () => await requestRefund(buyer, { orderId, reason: 'Not needed' }), 'InvalidRefund.Pending');
    await expectCloudError(async () => await requestRefund(await newBuyer(), { orderId, reason: 'mine?' }), 'InvalidOrderId.NotFound');
    await expectCloudError(async () => await getOrder(await newBuyer(), orderId), 'InvalidOrderId.NotFound');
    await expectCloudError(async () => await approveRefund(buyer, request.id), 'Forbidden');
    await expectCloudError(async () => await listRefundRequests(buyer), 'Forbidden');
  });

  it('two pending requests for one order (asked at once on two connections) refund it once: the second approval is refused (issue 15)', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    const orderId = await buy(buyer);
    const first = await requestRefund(buyer, { orderId, reason: 'Not needed' });
    // What a second request on another connection leaves when both checked for a pending one before either wrote (READ COMMITTED).
    const second = (await db().insert(refundRequests).values({ ...first, id: undefined, reason: 'Asked twice' }).returning())[0];
    await approveRefund(admin, first.id);
    const refunded = await walletBalance(buyer);
    expect(refunded).toBe(50_000);
    await expectCloudError(async () => await approveRefund(admin, second.id), 'IncorrectOrderStatus');
    expect(await walletBalance(buyer)).toBe(refunded);
    expect(await db().select().from(orders).where(eq(orders.refundOf, orderId))).toHaveLength(1);
    expect(await ledgerSum()).toBe(0);
  });
});

describe('REF-1 the 5-day window', () => {
  it('4 days 23 h 59 min after payment a refund may be asked; at 5 days it may not', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    clock.set(new Date('2026-05-01T10:00:00Z'));
    const early = await buy(buyer);
    const late = await buy(buyer);
    clock.set(new Date(new Date('2026-05-01T10:00:00Z').getTime() + 5 * DAY - 60_000));
    expect((await getOrder(buyer, early)).eligibility.eligible).toBe(true);
    await requestRefund(buyer, { orderId: early, reason: 'In time' });
    clock.set(new Date(new Date('2026-05-01T10:00:00Z').getTime() + 5 * DAY + 1_000));
    expect((await getOrder(buyer, late)).eligibility.reasons).toEqual(['windowClosed']);
    await expectCloudError(async () => await requestRefund(buyer, { orderId: late, reason: 'Too late' }), 'InvalidRefund.WindowClosed');
  });

  it('an approval after the window closed still honours a request made inside it', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    const orderId = await buy(buyer);
    const request = await requestRefund(buyer, { orderId, reason: 'In time' });
    clock.advance(10 * DAY);
    expect((await approveRefund(admin, request.id)).status).toBe('approved');
  });
});

describe('REF-3 ten refunds a calendar year', () => {
  it('the 10th refund of a year is allowed, the 11th refused; from 1 January (UTC+8) the count starts again', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 500_000);
    clock.set(new Date('2026-12-30T08:00:00Z'));
    for (let i = 1; i <= 10; i++) await approveRefund(admin, (await requestRefund(buyer, { orderId: await buy(buyer), reason: `refund ${i}` })).id);
    const eleventh = await buy(buyer);
    expect((await getOrder(buyer, eleventh)).eligibility).toMatchObject({ eligible: false, reasons: ['yearlyLimit'], refundsLeft: 0 });
    await expectCloudError(async () => await requestRefund(buyer, { orderId: eleventh, reason: 'one more' }), 'InvalidRefund.YearlyLimit');
    // 31 Dec 23:59 in China is still 2026; 1 Jan 00:00 (UTC+8) is 2027.
    clock.set(new Date('2026-12-31T15:59:00Z'));
    await expectCloudError(async () => await requestRefund(buyer, { orderId: eleventh, reason: 'still 2026' }), 'InvalidRefund.YearlyLimit');
    clock.set(new Date('2026-12-31T16:00:00Z'));
    expect((await getOrder(buyer, eleventh)).eligibility.refundsLeft).toBe(10);
    await approveRefund(admin, (await requestRefund(buyer, { orderId: eleventh, reason: 'new year' })).id);
    expect(await ledgerSum()).toBe(0);
  });
});

describe('REF-7 invoices', () => {
  it('an order with an issued invoice must have it voided before it can be refunded', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    const orderId = await buy(buyer);
    await requestInvoice(buyer, { orderId, title: 'Example Ltd', taxId: '91330100MA2ABCDE1X' });
    await expectCloudError(async () => await requestInvoice(buyer, { orderId, title: 'Example Ltd' }), 'InvalidInvoice.Issued');
    expect((await getOrder(buyer, orderId)).eligibility.reasons).toEqual(['invoiceIssued']);
    await expectCloudError(async () => await requestRefund(buyer, { orderId, reason: 'x' }), 'InvalidRefund.InvoiceIssued');
    await voidInvoice(buyer, orderId);
    await expectCloudError(async () => await voidInvoice(buyer, orderId), 'InvalidInvoice.NotFound');
    expect((await requestRefund(buyer, { orderId, reason: 'x' })).status).toBe('pending');
  });

  it('an invoice is issued again after a request that raced it', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50_000);
    const orderId = await buy(buyer);
    const request = await requestRefund(buyer, { orderId, reason: 'x' });
    await requestInvoice(buyer, { orderId, title: 'Example Ltd' });
    await expectCloudError(async () => await approveRefund(admin, request.id), 'InvalidRefund.InvoiceIssued');
    await expectCloudError(async () => await requestInvoice(buyer, { orderId, title: '' }), 'MissingParameter');
    await expectCloudError(async () => await requestInvoice(buyer, { orderId, title: 'Example', taxId: 'short' }), 'InvalidParameter.InvoiceTitle');
  });
});

describe('REF-5 automatic approval (a platform setting)', () => {
  it('with auto-approval on, a request that passes the rules is refunded at once', async () => {
    await updateSettings(admin, { autoApproveRefunds: true });
    try {
      const buyer = await newBuyer();
      await fund(buyer, 50_000);
      const request = await requestRefund(buyer, { orderId: await buy(buyer), reason: 'auto' });
      expect(request.status).toBe('approved');
      expect(await walletBalance(buyer)).toBe(50_000);
    } finally {
      await updateSettings(admin, { autoApproveRefunds: false });
    }
  });
});

describe('REF-4 a renewal not yet started', () => {
  it('is refundable after the window, does not use up the yearly allowance, and takes its months back off the term', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(new Date('2026-06-01T00:00:00Z'));
    await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    const [instanceId] = (await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('ndpm000105'), instanceTypeId: 'ecs.g7.large', amount: 1 })).instanceIds;
    const { orderId, expiresAt } = await renewInstance(buyer, { instanceId, periods: 3 });
    clock.set(new Date('2026-06-20T00:00:00Z'));
    const e = (await getOrder(buyer, orderId)).eligibility;
    expect(e).toMatchObject({ eligible: true, countsTowardLimit: false });
    const request = await requestRefund(buyer, { orderId, reason: 'Will not need it after July' });
    await approveRefund(admin, request.id);
    expect(await walletBalance(buyer)).toBe(100_000 - 2_900);
    expect((await getOrder(buyer, orderId)).eligibility.refundsThisYear).toBe(0);
    const instance = (await db().select().from(instances).where(eq(instances.id, instanceId)).limit(1)).at(0)!;
    expect(expiresAt.getTime() - instance.expiresAt!.getTime()).toBeGreaterThan(89 * DAY);
    expect(instance.expiresAt!.getUTCMonth()).toBe(6); // back to 1 July
  });

  it('a renewal already in effect counts as used (REF-2); of stacked renewals only the last can be refunded; the term comes back exactly', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(new Date('2026-01-31T00:00:00Z'));
    await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    const [instanceId] = (await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('ndpm000105'), instanceTypeId: 'ecs.g7.large', amount: 1 })).instanceIds;
    const end = async () => (await db().select().from(instances).where(eq(instances.id, instanceId)).limit(1)).at(0)!.expiresAt!;
    const first = await renewInstance(buyer, { instanceId, periods: 1 });
    const termOfSecond = await end();
    const second = await renewInstance(buyer, { instanceId, periods: 1 });
    await expectCloudError(async () => await requestRefund(buyer, { orderId: first.orderId, reason: 'x' }), 'InvalidRefund.LaterRenewal');
    await approveRefund(admin, (await requestRefund(buyer, { orderId: second.orderId, reason: 'one month is enough' })).id);
    expect(await end()).toEqual(termOfSecond);
    // The first renewal has begun: it is in use and no longer refundable.
    clock.set(new Date((await getOrder(buyer, first.orderId)).order.termStartsAt!.getTime() + DAY));
    expect((await getOrder(buyer, first.orderId)).eligibility).toMatchObject({ eligible: false, deployed: true, reasons: ['windowClosed', 'deployed'] });
  });
});
