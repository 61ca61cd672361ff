// The two request signatures of the Alibaba Cloud RPC API (API-2), computed exactly as the
// SDKs compute them, so a signature can be recomputed and compared on our side.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding as the spec requires: space %20, * %2A, ~ kept. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
}

/** v1 (HMAC-SHA1): every parameter but Signature, sorted, encoded; METHOD&%2F&encode(query). */
export function v1StringToSign(method: string, params: Record<string, string>): string {
  const { Signature: _ignored, ...signed } = params;
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(signed))}`;
}

export function v1Signature(secret: string, method: string, params: Record<string, string>): string {
  return createHmac('sha1', `${secret}&`).update(v1StringToSign(method, params)).digest('base64');
}

export type Acs3Request = { method: string; query: Record<string, string>; headers: Record<string, string>; signedHeaders: string[]; bodySha256: string };

/** ACS3: method, "/", sorted query, signed headers as name:value lines, their list, body hash. */
export function acs3CanonicalRequest(request: Acs3Request): string {
  const names = [...request.signedHeaders].map((h) => h.toLowerCase()).sort();
  // The names come from the caller's SignedHeaders: only the request's own headers count (issue 12).
  const headerLines = names.map((name) => `${name}:${(Object.hasOwn(request.headers, name) ? request.headers[name] : '').trim()}\n`).join('');
  return [request.method.toUpperCase(), '/', canonicalQuery(request.query), headerLines, names.join(';'), request.bodySha256].join('\n');
}

export function acs3Signature(secret: string, request: Acs3Request): string {
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(acs3CanonicalRequest(request))}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Parses "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex". */
export function parseAcs3Authorization(header: string): { accessKeyId: string; signedHeaders: string[]; signature: string } | null {
  const match = /^ACS3-HMAC-SHA256\s+Credential=([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]+)$/i.exec(header.trim());
  return match ? { accessKeyId: match[1], signedHeaders: match[2].split(';'), signature: match[3].toLowerCase() } : null;
}

/** Compares two signatures without leaking where they differ. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API-2: a request's time may be at most 15 minutes away from ours. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/**
 * ISO 8601 in UTC as the SDKs send it (`2026-01-01T12:00:00Z`, pop-core and openapi-client both
 * drop the milliseconds; we allow them): anything else, or a day that does not exist, is null.
 */
export function parseTimestamp(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/.exec(value);
  if (!match) return null;
  const at = new Date(value);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const exact = at.getUTCFullYear() === y && at.getUTCMonth() + 1 === mo && at.getUTCDate() === d && at.getUTCHours() === h && at.getUTCMinutes() === mi && at.getUTCSeconds() === s;
  return exact ? at : null;
}

export const isFresh = (at: Date, now: Date): boolean => Math.abs(now.getTime() - at.getTime()) <= MAX_CLOCK_SKEW_MS;

/** The ACS3 headers a signature must cover (the SDK signs them all), so none can be swapped. */
export const ACS3_REQUIRED_SIGNED_HEADERS = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'] as const;
