// The signature on a payment gateway's notification (issue 12): SEL-4 in reverse — here the
// operator's gateway signs and Stratus checks. docs/payments.md is the gateway's side of the
// same contract, with the test vector. Pure apart from node:crypto.
import { createHmac } from 'node:crypto';
import { sameSignature } from './signatures';

export const TIMESTAMP_HEADER = 'x-stratus-timestamp';
export const SIGNATURE_HEADER = 'x-stratus-signature';

/** A notification older or newer than this, by Stratus's clock, is refused. */
export const MAX_PAYMENT_SKEW_MS = 5 * 60_000;
/** The secret is an environment setting; shorter ones are refused at startup. */
export const MIN_PAYMENT_SECRET_LENGTH = 32;

/** The timestamp header exactly as sent (unix seconds), a newline, the raw body bytes. */
export function paymentStringToSign(timestamp: string, body: string | Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n`, 'utf8'), typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)]);
}

/** hex(HMAC-SHA256(secret, timestamp + "\n" + body)), lower case. */
export function signPayment(secret: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(paymentStringToSign(timestamp, body)).digest('hex');
}

export type PaymentSignatureCheck = { ok: true } | { ok: false; reason: 'badTimestamp' | 'badSignature' };

/**
 * The timestamp is whole unix seconds, signed as the string received (never re-formatted);
 * the signature is 64 hex digits in either case, compared in constant time.
 */
export function verifyPaymentSignature(input: { timestamp: string | null; signature: string | null; body: string | Uint8Array; secret: string; now: Date }): PaymentSignatureCheck {
  const { timestamp, signature } = input;
  const seconds = timestamp && /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(input.now.getTime() - seconds * 1000) <= MAX_PAYMENT_SKEW_MS)) return { ok: false, reason: 'badTimestamp' };
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: 'badSignature' };
  return sameSignature(signPayment(input.secret, timestamp!, input.body), signature.toLowerCase()) ? { ok: true } : { ok: false, reason: 'badSignature' };
}
