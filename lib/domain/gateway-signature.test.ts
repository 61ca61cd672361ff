// Issue 12 (no free money): the payment gateway's signature. The vector is published in
// docs/payments.md; its signature was computed outside this code (openssl dgst -hmac and
// Python's hmac agree), so the doc and the code cannot drift apart.
import { describe, expect, it } from 'vitest';
import { MAX_PAYMENT_SKEW_MS, paymentStringToSign, signPayment, verifyPaymentSignature } from './gateway-signature';

const vector = {
  secret: 'test-payment-secret-do-not-use-in-production',
  timestamp: '1767225600', // 2026-01-01T00:00:00Z
  // UTF-8 on purpose: the HMAC is over bytes, and 充值 is 6 of them (135 bytes in all).
  body: '{"paymentId":"pay_0001","accountId":"1234567890123456","amountFen":10000,"paidAt":"2026-01-01T07:59:30+08:00","memo":"充值 (top-up)"}',
  signature: 'af2986868e15c143702c35db962a9d01e74a7bfe40bf9705d4f882c1b93777ed',
};
const at = (offsetMs: number) => new Date(Number(vector.timestamp) * 1000 + offsetMs);
const check = (over: Partial<Parameters<typeof verifyPaymentSignature>[0]> = {}) => verifyPaymentSignature({ ...vector, now: at(0), ...over });

describe('payment notification signature: the test vector of docs/payments.md', () => {
  it('signs timestamp, a newline and the body bytes', () => {
    expect(Buffer.byteLength(vector.body)).toBe(135);
    expect(paymentStringToSign(vector.timestamp, vector.body).toString('utf8')).toBe(`1767225600\n${vector.body}`);
    expect(signPayment(vector.secret, vector.timestamp, vector.body)).toBe(vector.signature);
    expect(signPayment(vector.secret, vector.timestamp, Buffer.from(vector.body))).toBe(vector.signature);
  });

  it('accepts the vector, in either case, up to 5 minutes either way', () => {
    expect(check()).toEqual({ ok: true });
    expect(check({ signature: vector.signature.toUpperCase() })).toEqual({ ok: true });
    expect(check({ now: at(MAX_PAYMENT_SKEW_MS) })).toEqual({ ok: true });
    expect(check({ now: at(-MAX_PAYMENT_SKEW_MS) })).toEqual({ ok: true });
  });

  it('refuses an old or future timestamp, one in milliseconds or ISO, and a missing one', () => {
    for (const now of [at(MAX_PAYMENT_SKEW_MS + 1000), at(-MAX_PAYMENT_SKEW_MS - 1000)]) expect(check({ now })).toEqual({ ok: false, reason: 'badTimestamp' });
    for (const timestamp of [null, '', '1767225600000', '2026-01-01T00:00:00Z', ' 1767225600', '1767225600.0', '-1']) expect(check({ timestamp })).toEqual({ ok: false, reason: 'badTimestamp' });
  });

  it('refuses another secret, body or timestamp, and signatures that are not 64 hex digits', () => {
    expect(check({ secret: `${vector.secret}x` })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ body: vector.body.replace('10000', '10001') })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ timestamp: '1767225601' })).toEqual({ ok: false, reason: 'badSignature' });
    for (const signature of [null, '', vector.signature.slice(1), `${vector.signature}00`, `sha256=${vector.signature}`, 'z'.repeat(64)]) expect(check({ signature })).toEqual({ ok: false, reason: 'badSignature' });
  });
});
