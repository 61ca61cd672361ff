// The Stratus signing scheme, seller side (docs/seller-interface.md). Self-contained on purpose:
// a seller copies this folder, so it depends on node:crypto only, not on the Stratus app.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A call whose timestamp is further than this from our clock, either way, is refused. */
export const MAX_SKEW_MS = 60_000;
export const MIN_NONCE_LENGTH = 16;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmacHex(secret: string, data: string | Uint8Array): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

/** hex(HMAC-SHA256(secret, accessKey + nonce + timestamp + hex(SHA-256(body bytes)))). */
export function signRequest(input: { accessKey: string; secret: string; nonce: string; timestamp: string | number; body: string | Uint8Array }): string {
  return hmacHex(input.secret, `${input.accessKey}${input.nonce}${input.timestamp}${sha256Hex(input.body)}`);
}

/** Compares without leaking, through timing, how much of a guess was right. */
function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missingParameter' | 'staleTimestamp' | 'badSignature' };

/**
 * Checks the URL parameters against the raw body bytes (never a re-serialised JSON: any
 * difference in spacing or key order changes the hash). Remembering nonces is the caller's job.
 */
export function verifyRequest(input: { query: URLSearchParams; body: string | Uint8Array; secret: string; now: number; maxSkewMs?: number }): VerifyResult {
  const accessKey = input.query.get('accessKey');
  const timestamp = input.query.get('timestamp');
  const nonce = input.query.get('nonce');
  const signature = input.query.get('signature');
  if (!accessKey || !timestamp || !nonce || !signature || nonce.length < MIN_NONCE_LENGTH) return { ok: false, reason: 'missingParameter' };
  const at = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(input.now - at) <= (input.maxSkewMs ?? MAX_SKEW_MS))) return { ok: false, reason: 'staleTimestamp' };
  // The timestamp is hashed exactly as it came in the URL.
  const expected = signRequest({ accessKey, secret: input.secret, nonce, timestamp, body: input.body });
  return sameHex(expected, signature) ? { ok: true } : { ok: false, reason: 'badSignature' };
}

/** The Body-Sign header value for an answer: the HMAC of its exact bytes. */
export function bodySign(secret: string, responseBody: string | Uint8Array): string {
  return `sign_type="HMAC-SHA256", signature="${hmacHex(secret, responseBody)}"`;
}

/** What the marketplace does with our answer; here for tests and for sellers who want to check theirs. */
export function verifyBodySign(secret: string, header: string | null | undefined, responseBody: string | Uint8Array): boolean {
  const match = header ? /(?:^|,)\s*signature\s*=\s*"([0-9a-fA-F]{64})"/.exec(header) : null;
  const signType = header ? /(?:^|,)\s*sign_type\s*=\s*"HMAC-SHA256"/i.test(header) : false;
  return match !== null && signType && sameHex(hmacHex(secret, responseBody), match[1]);
}
