// Issue 12, "no free money" (b): the operator's payment gateway notifies POST /api/payments/notify,
// signed with STRATUS_PAYMENT_SECRET over timestamp + "\n" + body (docs/payments.md). Each
// test drives the route's own handler: a Request in, a Response out.
import { vi } from 'vitest';

const SECRET = vi.hoisted(() => (process.env.STRATUS_PAYMENT_SECRET = 'route-test-payment-secret-0123456789abcdef'));

import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, gatewayPayments } from '../../db/schema';
import { POST } from '../../app/api/payments/notify/route';
import { clock } from '../../lib/clock';
import type { Actor } from '../../lib/domain/actor';
import { walletBalance, walletEntries } from '../../lib/services/wallet';
import { newBuyer, throwawayDatabase } from '../helpers/database';
import { ledgerSum } from '../helpers/marketplace';
import { signedNotification, yuanToFen } from '../../scripts/send-payment';

const { db } = throwawayDatabase();
afterEach(() => clock.reset());

let paymentCount = 0;
const nowSeconds = () => String(Math.floor(clock.now().getTime() / 1000));
// Signed here with node:crypto directly, not with the code under test.
const sign = (timestamp: string, body: string, secret = SECRET) => createHmac('sha256', secret).update(`${timestamp}\n${body}`).digest('hex');

async function notify(body: string, { timestamp = nowSeconds(), signature = sign(timestamp, body), headers = {} }: { timestamp?: string; signature?: string; headers?: Record<string, string> } = {}) {
  return await POST(new Request('http://127.0.0.1/api/payments/notify', { method: 'POST', headers: { 'content-type': 'application/json', 'x-stratus-timestamp': timestamp, 'x-stratus-signature': signature, ...headers }, body }));
}

function payment(buyer: Actor, over: Record<string, unknown> = {}) {
  return { paymentId: `pay_${++paymentCount}`, accountId: buyer.accountId, amountFen: 10_000, paidAt: '2026-01-05T10:00:00+08:00', ...over };
}

async function answer(response: Response) {
  expect(response.headers.get('content-type')).toContain('application/json');
  return { status: response.status, body: await response.json() };
}

describe('POST /api/payments/notify', () => {
  it('credits the wallet for a correctly signed payment, through the clearing book, audited', async () => {
    const buyer = await newBuyer();
    const p = payment(buyer);
    const { status, body } = await answer(await notify(JSON.stringify(p)));
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'credited', paymentId: p.paymentId, accountId: buyer.accountId, amountFen: 10_000 });
    expect(await walletBalance(buyer)).toBe(10_000);
    expect((await walletEntries(buyer)).items).toMatchObject([{ amountFen: 10_000, reason: 'gateway_payment', reference: p.paymentId, transferId: body.transferId }]);
    expect((await db().select().from(gatewayPayments).where(eq(gatewayPayments.paymentId, p.paymentId)).limit(1)).at(0)).toMatchObject({ accountId: buyer.accountId, amountFen: 10_000, transferId: body.transferId, paidAt: new Date('2026-01-05T02:00:00Z') });
    expect(await db().select().from(auditLog).where(eq(auditLog.target, p.paymentId))).toMatchObject([{ action: 'ReceiveGatewayPayment', accountId: buyer.accountId, actorUserId: null, outcome: 'ok', detail: { amountFen: 10_000, transferId: body.transferId } }]);
    expect(await ledgerSum()).toBe(0);
  });

  it('credits a replay of the same payment once and answers the same success', async () => {
    const buyer = await newBuyer();
    const body = JSON.stringify(payment(buyer));
    const first = await answer(await notify(body));
    clock.advance(60_000); // the gateway retries a minute later, freshly signed
    const second = await answer(await notify(body));
    const third = await answer(await notify(body.replace('"amountFen"', '"note":"retry","amountFen"')));
    expect([second, third]).toEqual([first, first]);
    expect(await walletBalance(buyer)).toBe(10_000);
    expect((await walletEntries(buyer)).total).toBe(1);
  });

  it('refuses the same payment id with another amount or account (409) and credits nothing more', async () => {
    const buyer = await newBuyer();
    const other = await newBuyer();
    const p = payment(buyer);
    await notify(JSON.stringify(p));
    for (const conflicting of [{ ...p, amountFen: 99_999 }, { ...p, accountId: other.accountId }]) {
      const { status, body } = await answer(await notify(JSON.stringify(conflicting)));
      expect([status, body.code]).toEqual([409, 'InvalidPayment.Conflict']);
      expect(body.message).toContain(p.paymentId);
    }
    expect([await walletBalance(buyer), await walletBalance(other)]).toEqual([10_000, 0]);
  });

  it('refuses a wrong signature with 401 and credits nothing', async () => {
    const buyer = await newBuyer();
    const body = JSON.stringify(payment(buyer));
    const timestamp = nowSeconds();
    for (const signature of [sign(timestamp, body, `${SECRET}-other`), sign(timestamp, `${body} `), sign(String(Number(timestamp) - 1), body), '', 'sha256=abc', '0'.repeat(64)]) {
      const { status, body: answered } = await answer(await notify(body, { timestamp, signature }));
      expect([status, answered.code]).toEqual([401, 'PaymentSignature.Invalid']);
    }
    // The body was signed, then changed on the way: one fen more.
    const { status } = await answer(await notify(body.replace('10000', '10001'), { timestamp, signature: sign(timestamp, body) }));
    expect(status).toBe(401);
    expect(await walletBalance(buyer)).toBe(0);
    expect((await db().select().from(auditLog).where(eq(auditLog.errorCode, 'PaymentSignature.Invalid'))).length).toBeGreaterThanOrEqual(7);
  });

  it('refuses a timestamp more than 5 minutes away (old, replayed later, future, malformed) with 401', async () => {
    const buyer = await newBuyer();
    const body = JSON.stringify(payment(buyer));
    const now = Math.floor(clock.now().getTime() / 1000);
    for (const timestamp of [String(now - 301), String(now + 301), `${now}000`, clock.now().toISOString(), '']) {
      const { status, body: answered } = await answer(await notify(body, { timestamp }));
      expect([timestamp, status, answered.code]).toEqual([timestamp, 401, 'PaymentSignature.Expired']);
    }
    // A captured notification replayed 6 minutes later: its signature is right, its time is not.
    const captured = { timestamp: nowSeconds(), body: JSON.stringify(payment(buyer)) };
    clock.advance(6 * 60_000);
    expect((await notify(captured.body, { timestamp: captured.timestamp })).status).toBe(401);
    expect(await walletBalance(buyer)).toBe(0);
  });

  it('answers 400 with a clear code for garbage bodies, and never a 500', async () => {
    const buyer = await newBuyer();
    const good = payment(buyer);
    const cases: [string, string][] = [
      ['', 'InvalidPayment.MalformedBody'],
      ['not json', 'InvalidPayment.MalformedBody'],
      ['[1,2]', 'InvalidPayment.MalformedBody'],
      ['null', 'InvalidPayment.MalformedBody'],
      ['"pay"', 'InvalidPayment.MalformedBody'],
      [`{"a":"${'x'.repeat(20_000)}"}`, 'InvalidPayment.MalformedBody'],
      ['{}', 'MissingParameter'],
      [JSON.stringify({ ...good, amountFen: 0 }), 'InvalidParameter'],
      [JSON.stringify({ ...good, amountFen: -100 }), 'InvalidParameter'],
      [JSON.stringify({ ...good, amountFen: 100.5 }), 'InvalidParameter'],
      [JSON.stringify({ ...good, amountFen: '100' }), 'InvalidParameter'],
      [JSON.stringify({ ...good, amountFen: 1e20 }), 'InvalidParameter'],
      [JSON.stringify({ ...good, accountId: 1234567890123456 }), 'InvalidParameter'],
      [JSON.stringify({ ...good, accountId: '12345' }), 'InvalidParameter'],
      [JSON.stringify({ ...good, paymentId: 'x'.repeat(65) }), 'InvalidParameter'],
      [JSON.stringify({ ...good, paymentId: 'pay 1' }), 'InvalidParameter'],
      [JSON.stringify({ ...good, paidAt: 'yesterday' }), 'InvalidParameter'],
      [JSON.stringify({ ...good, paidAt: '2026-01-05T10:00:00' }), 'InvalidParameter'],
      ['{"__proto__":{"amountFen":1},"constructor":1}', 'MissingParameter'],
    ];
    for (const [body, code] of cases) {
      const { status, body: answered } = await answer(await notify(body));
      expect([body.slice(0, 60), status, answered.code]).toEqual([body.slice(0, 60), 400, code]);
      expect(typeof answered.message).toBe('string');
    }
    // Not UTF-8, signed as bytes.
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const timestamp = nowSeconds();
    const signature = createHmac('sha256', SECRET).update(Buffer.concat([Buffer.from(`${timestamp}\n`), bytes])).digest('hex');
    const response = await POST(new Request('http://127.0.0.1/api/payments/notify', { method: 'POST', headers: { 'x-stratus-timestamp': timestamp, 'x-stratus-signature': signature }, body: bytes }));
    expect([response.status, (await response.json()).code]).toEqual([400, 'InvalidPayment.MalformedBody']);
    expect(await walletBalance(buyer)).toBe(0);
  });

  it('refuses a payment for an account that does not exist (404)', async () => {
    const { status, body } = await answer(await notify(JSON.stringify(payment(await newBuyer(), { accountId: '9999999999999998' }))));
    expect([status, body.code]).toEqual([404, 'InvalidAccount.NotFound']);
  });
});

describe('the reference sender (scripts/send-payment.ts)', () => {
  it('sends unix seconds and hex HMAC-SHA256 over timestamp + newline + body, and the endpoint accepts it', async () => {
    const vector = { paymentId: 'pay_0001', accountId: '1234567890123456', amountFen: 10_000, paidAt: '2026-01-01T07:59:30+08:00' };
    const signed = signedNotification('test-payment-secret-do-not-use-in-production', vector, new Date('2026-01-01T00:00:00.999Z'));
    expect(signed.headers['x-stratus-timestamp']).toBe('1767225600');
    expect(signed.headers['x-stratus-signature']).toBe(createHmac('sha256', 'test-payment-secret-do-not-use-in-production').update(`1767225600\n${signed.body}`).digest('hex'));
    expect(['1', '100.5', '100.05', '0.01'].map(yuanToFen)).toEqual([100, 10_050, 10_005, 1]);

    const buyer = await newBuyer();
    const { body, headers } = signedNotification(SECRET, { paymentId: 'pay_sender', accountId: buyer.accountId, amountFen: yuanToFen('100.5'), paidAt: new Date().toISOString() }, clock.now());
    const response = await POST(new Request('http://127.0.0.1/api/payments/notify', { method: 'POST', headers, body }));
    expect(response.status).toBe(200);
    expect(await walletBalance(buyer)).toBe(10_050);
  });
});

describe('forged notifications from one address (issue 12: each refusal costs an audit row)', () => {
  it('past apiRefusalsPerAddressPerMinute an address gets 429 Throttling with Retry-After and writes no more audit rows; a good payment from elsewhere still credits', async () => {
    const { platformSettings } = await import('../../db/schema');
    await db().insert(platformSettings).values({ key: 'apiRefusalsPerAddressPerMinute', value: 3, updatedAt: new Date() }).onConflictDoUpdate({ target: platformSettings.key, set: { value: 3 } });
    const buyer = await newBuyer();
    const body = JSON.stringify(payment(buyer));
    const audits = async () => (await db().select().from(auditLog).where(eq(auditLog.outcome, 'error'))).length;
    const before = await audits();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let n = 0; n < 5; n++) {
      last = await notify(body, { signature: 'f'.repeat(64), headers: { 'x-forwarded-for': '203.0.113.50' } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await audits() - before).toBe(3);
    expect((await notify(body, { headers: { 'x-forwarded-for': '198.51.100.50' } })).status).toBe(200);
    expect(await walletBalance(buyer)).toBe(10_000);
  });
});
