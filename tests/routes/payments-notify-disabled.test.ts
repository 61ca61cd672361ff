// Issue 12: without STRATUS_PAYMENT_SECRET the payment endpoint is off: 404, and nothing is
// ever accepted, however the request is signed (vitest sets no secret).
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST } from '../../app/api/payments/notify/route';
import { config } from '../../lib/config';
import { walletBalance } from '../../lib/services/wallet';
import { newBuyer, throwawayDatabase } from '../helpers/database';

throwawayDatabase();

describe('POST /api/payments/notify without a secret', () => {
  it('answers 404 PaymentNotification.Disabled and credits nothing', async () => {
    expect(config.paymentSecret).toBeUndefined();
    const buyer = await newBuyer();
    const body = JSON.stringify({ paymentId: 'pay_1', accountId: buyer.accountId, amountFen: 100, paidAt: '2026-01-05T10:00:00Z' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    for (const secret of ['', 'undefined']) {
      const signature = createHmac('sha256', secret).update(`${timestamp}\n${body}`).digest('hex');
      const response = await POST(new Request('http://127.0.0.1/api/payments/notify', { method: 'POST', headers: { 'x-stratus-timestamp': timestamp, 'x-stratus-signature': signature }, body }));
      expect([response.status, (await response.json()).code]).toEqual([404, 'PaymentNotification.Disabled']);
    }
    expect(await walletBalance(buyer)).toBe(0);
  });
});
