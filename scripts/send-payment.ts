// A reference sender of payment notifications: what an operator's payment gateway does, written
// from docs/payments.md alone — no import from lib/ — so it checks the contract independently.
//
//   STRATUS_PAYMENT_SECRET=… npx tsx scripts/send-payment.ts --url http://localhost:3000 \
//     --account 1234567890123456 --amount 100.00 --payment-id pay_1 [--paid-at 2026-01-05T10:00:00+08:00]
//
// Prints the answer; exits 0 on HTTP 200, 1 on any other answer, 2 on a usage error.
import { createHmac } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export type Notification = { paymentId: string; accountId: string; amountFen: number; paidAt: string };

/** "100", "100.5" or "100.50" yuan → fen, with integer arithmetic only. */
export function yuanToFen(text: string): number {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not an amount in yuan with at most two decimals: ${text}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The body as sent, and its two headers: unix seconds, hex(HMAC-SHA256(secret, timestamp + "\n" + body)). */
export function signedNotification(secret: string, notification: Notification, now = new Date()): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(notification);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}\n${body}`, 'utf8').digest('hex');
  return { body, headers: { 'content-type': 'application/json; charset=utf-8', 'x-stratus-timestamp': timestamp, 'x-stratus-signature': signature } };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, account: { type: 'string' }, amount: { type: 'string' }, 'payment-id': { type: 'string' }, 'paid-at': { type: 'string' } } });
  const secret = process.env.STRATUS_PAYMENT_SECRET;
  if (!values.url || !values.account || !values.amount || !values['payment-id'] || !secret) {
    console.error('usage: STRATUS_PAYMENT_SECRET=… npx tsx scripts/send-payment.ts --url URL --account ACCOUNT_ID --amount YUAN --payment-id ID [--paid-at ISO-8601]');
    return 2;
  }
  const notification = { paymentId: values['payment-id'], accountId: values.account, amountFen: yuanToFen(values.amount), paidAt: values['paid-at'] ?? new Date().toISOString() };
  const { body, headers } = signedNotification(secret, notification);
  const response = await fetch(new URL('/api/payments/notify', values.url), { method: 'POST', headers, body });
  console.log(`HTTP ${response.status}`);
  console.log(await response.text());
  return response.status === 200 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
