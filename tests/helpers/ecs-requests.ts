// Signed ECS API requests for tests that drive the real handler (handleEcsRequest), signed as
// pop-core (v1) and @alicloud/openapi-client (ACS3) sign them.
import { clock } from '../../lib/clock';
import { acs3Signature, sha256Hex, v1Signature } from '../../lib/domain/signatures';

export type Key = { accessKeyId: string; accessKeySecret: string };

/** The SDKs' time format: ISO 8601 UTC without milliseconds. */
export const sdkTime = (at: Date = clock.now()) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A v1 (HMAC-SHA1) GET; `params` may override any common parameter, or drop it with ''. */
export function v1Request(key: Key, params: Record<string, string>, method: 'GET' | 'POST' = 'GET'): Request {
  const common = { Format: 'JSON', Version: '2014-05-26', AccessKeyId: key.accessKeyId, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: crypto.randomUUID(), Timestamp: sdkTime() };
  const all = Object.fromEntries(Object.entries({ ...common, ...params }).filter(([, v]) => v !== ''));
  const signed = new URLSearchParams({ ...all, Signature: v1Signature(key.accessKeySecret, method, all) });
  if (method === 'GET') return new Request(`http://127.0.0.1/api/ecs?${signed}`);
  return new Request('http://127.0.0.1/api/ecs', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signed.toString() });
}

export type Acs3Options = { headers?: Record<string, string>; signedHeaders?: string[]; body?: string };

/** An ACS3-HMAC-SHA256 POST with the parameters in the query, signing every header the SDK signs unless told otherwise. */
export function acs3Request(key: Key, action: string, query: Record<string, string> = {}, options: Acs3Options = {}): Request {
  const body = options.body ?? '';
  const headers: Record<string, string> = {
    host: '127.0.0.1',
    'x-acs-action': action,
    'x-acs-version': '2014-05-26',
    'x-acs-date': sdkTime(),
    'x-acs-signature-nonce': crypto.randomUUID(),
    'x-acs-content-sha256': sha256Hex(body),
    ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...options.headers,
  };
  const signedHeaders = options.signedHeaders ?? Object.keys(headers).sort();
  const signature = acs3Signature(key.accessKeySecret, { method: 'POST', query, headers, signedHeaders, bodySha256: sha256Hex(body) });
  const authorization = `ACS3-HMAC-SHA256 Credential=${key.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  const url = `http://127.0.0.1/api/ecs${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
  return new Request(url, { method: 'POST', headers: { ...headers, authorization }, body: body || undefined });
}

/** The Cloud Marketplace's version (issue 18), as each signature carries it. */
export const MARKET = { v1: { Version: '2015-11-01' }, acs3: { 'x-acs-version': '2015-11-01' } } as const;

/** Auto Scaling's version (ESS, MKT-9), as each signature carries it. */
export const ESS = { v1: { Version: '2014-08-28' }, acs3: { 'x-acs-version': '2014-08-28' } } as const;
