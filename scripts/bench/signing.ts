// Signed v1 (HMAC-SHA1) GET queries, as pop-core signs them: a fresh SignatureNonce and
// Timestamp on every call. Shared by the in-process ceilings and the load generator's process.
import { randomUUID } from 'node:crypto';
import { v1Signature } from '../../lib/domain/signatures';

export type Key = { accessKeyId: string; accessKeySecret: string };

/** The query string of a signed v1 GET of the ECS API (`/api/ecs?…`). */
export function signedQuery(key: Key, params: Record<string, string>): string {
  const all: Record<string, string> = {
    Format: 'JSON',
    Version: '2014-05-26',
    AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...params,
  };
  return new URLSearchParams({ ...all, Signature: v1Signature(key.accessKeySecret, 'GET', all) }).toString();
}
