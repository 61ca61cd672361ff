// Who sent an ECS API request (API-1, API-2): the parameters from query and form body, the
// signature checked with the AccessKey's secret (v1 HMAC-SHA1 or ACS3-HMAC-SHA256), the time
// window and the nonce. Any failure is a CloudError with the code API-2 names.
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { acs3Signature, isFresh, parseAcs3Authorization, sameSignature, sha256Hex, v1Signature } from '../domain/signatures';
import { loadAccountActor } from '../services/accounts';
import { activeKey, claimNonce } from '../services/access-keys';

export type EcsRequest = { action: string; params: Record<string, string>; accessKeyId: string; actor: Actor };

/** What an unauthenticated request already tells us, for the audit log and the error answer. */
export type Envelope = { action: string; params: Record<string, string>; accessKeyId: string | null };

export async function readEnvelope(request: Request): Promise<Envelope & { body: string }> {
  const url = new URL(request.url);
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const body = request.method === 'POST' ? await request.text() : '';
  if (body && (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  }
  const acs3 = parseAcs3Authorization(request.headers.get('authorization') ?? '');
  const action = request.headers.get('x-acs-action') ?? params.Action ?? '';
  return { action, params, accessKeyId: acs3?.accessKeyId ?? params.AccessKeyId ?? null, body };
}

function keyOf(accessKeyId: string | null): { accountId: string; secret: string } {
  if (!accessKeyId) throw new CloudError('MissingParameter', { param: 'AccessKeyId' });
  const key = activeKey(accessKeyId);
  // A disabled key answers like an unknown one.
  if (!key) throw new CloudError('InvalidAccessKeyId.NotFound');
  return key;
}

export function authenticate(request: Request, envelope: Envelope & { body: string }, requestId: string): EcsRequest {
  const authorization = request.headers.get('authorization');
  const acs3 = authorization ? parseAcs3Authorization(authorization) : null;
  let nonce: string | undefined;
  let timestamp: string | undefined;
  const key = keyOf(envelope.accessKeyId);

  if (acs3) {
    const headers = Object.fromEntries([...request.headers].map(([k, v]) => [k.toLowerCase(), v]));
    const bodySha256 = sha256Hex(envelope.body);
    if (headers['x-acs-content-sha256'] && headers['x-acs-content-sha256'] !== bodySha256) throw new CloudError('SignatureDoesNotMatch');
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const expected = acs3Signature(key.secret, { method: request.method, query, headers, signedHeaders: acs3.signedHeaders, bodySha256 });
    if (!sameSignature(expected, acs3.signature)) throw new CloudError('SignatureDoesNotMatch');
    nonce = headers['x-acs-signature-nonce'];
    timestamp = headers['x-acs-date'];
  } else {
    const signature = envelope.params.Signature;
    if (!signature) throw new CloudError('MissingParameter', { param: 'Signature' });
    if (!sameSignature(v1Signature(key.secret, request.method, envelope.params), signature)) throw new CloudError('SignatureDoesNotMatch');
    nonce = envelope.params.SignatureNonce;
    timestamp = envelope.params.Timestamp;
  }
  if (!isFresh(timestamp, clock.now())) throw new CloudError('InvalidTimeStamp.Expired');
  if (!nonce) throw new CloudError('MissingParameter', { param: acs3 ? 'x-acs-signature-nonce' : 'SignatureNonce' });
  if (!claimNonce(envelope.accessKeyId!, nonce)) throw new CloudError('SignatureNonceUsed');

  const actor = loadAccountActor(key.accountId, requestId, envelope.accessKeyId!);
  if (!actor) throw new CloudError('InvalidAccessKeyId.NotFound');
  return { action: envelope.action, params: envelope.params, accessKeyId: envelope.accessKeyId!, actor };
}

