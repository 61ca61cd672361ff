// Who sent an ECS API request (API-1, API-2): the parameters from query and form body, the
// signature checked with the AccessKey's secret (v1 HMAC-SHA1 or ACS3-HMAC-SHA256), the time
// window and the nonce. Any failure is a CloudError with the code API-2 names.
import { clock } from '../clock';
import { rolesOf, type Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { ACS3_REQUIRED_SIGNED_HEADERS, acs3Signature, isFresh, MAX_CLOCK_SKEW_MS, parseAcs3Authorization, parseTimestamp, sameSignature, sha256Hex, v1Signature } from '../domain/signatures';
import { activeKey, claimNonce, nonceUsed, type ApiKey } from '../services/access-keys';
import type { EcsCall } from './ecs-call';
import { paramsOf, type Params } from './params';

/** A signed request; its nonce is claimed in the call's transaction (claimNonceOf), not here. */
export type EcsRequest = { action: string; version: string; params: Params; accessKeyId: string; actor: Actor; nonce: { value: string; keptUntil: Date } };

/** What an unauthenticated request already tells us, for the audit log and the error answer. */
export type Envelope = { action: string; version: string; params: Params; accessKeyId: string | null };

export function readEnvelope(call: EcsCall): Envelope {
  const form = call.body && (call.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded');
  const params = paramsOf(queryOf(call), form ? new URLSearchParams(call.body) : undefined);
  const acs3 = parseAcs3Authorization(call.headers.get('authorization') ?? '');
  // Each signature names the action where it signs it: ACS3 in its header, v1 in the parameters.
  const action = (acs3 ? call.headers.get('x-acs-action') : params.Action) ?? '';
  // …and the API version the same way: it picks the dialect (ECS or Marketplace).
  const version = (acs3 ? call.headers.get('x-acs-version') : params.Version) ?? '';
  return { action, version, params, accessKeyId: acs3?.accessKeyId ?? params.AccessKeyId ?? null };
}

function queryOf(call: EcsCall): URLSearchParams {
  const mark = call.url.indexOf('?');
  return new URLSearchParams(mark < 0 ? '' : call.url.slice(mark + 1));
}

async function keyOf(accessKeyId: string | null): Promise<ApiKey> {
  if (!accessKeyId) throw new CloudError('MissingParameter', { param: 'AccessKeyId' });
  const key = await activeKey(accessKeyId);
  // A disabled key answers like an unknown one.
  if (!key) throw new CloudError('InvalidAccessKeyId.NotFound');
  return key;
}

/** API-2: an exact ISO 8601 UTC time within the allowed skew. */
function timeOf(value: string | undefined, param: string): Date {
  if (!value) throw new CloudError('MissingParameter', { param }, param);
  const at = parseTimestamp(value);
  if (!at) throw new CloudError('InvalidTimeStamp.Format', { param }, param);
  if (!isFresh(at, clock.now())) throw new CloudError('InvalidTimeStamp.Expired');
  return at;
}

function checkAcs3(call: EcsCall, secret: string, acs3: NonNullable<ReturnType<typeof parseAcs3Authorization>>) {
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of call.headers) headers[name] = value;
  const signed = new Set(acs3.signedHeaders.map((h) => h.toLowerCase()));
  // A signature over `host` alone would let anyone re-send it as another action, date or nonce.
  const required: string[] = [...ACS3_REQUIRED_SIGNED_HEADERS, ...(call.body ? ['content-type'] : [])];
  for (const name of required) {
    if (headers[name] === undefined) throw new CloudError('MissingParameter', { param: name }, name);
    if (!signed.has(name)) throw new CloudError('SignatureDoesNotMatch');
  }
  const bodySha256 = sha256Hex(call.body);
  if (headers['x-acs-content-sha256'] !== bodySha256) throw new CloudError('SignatureDoesNotMatch');
  const query: Record<string, string> = Object.create(null);
  for (const [name, value] of queryOf(call)) query[name] = value;
  const expected = acs3Signature(secret, { method: call.method, query, headers, signedHeaders: acs3.signedHeaders, bodySha256 });
  if (!sameSignature(expected, acs3.signature)) throw new CloudError('SignatureDoesNotMatch');
  return { nonce: headers['x-acs-signature-nonce'], at: timeOf(headers['x-acs-date'], 'x-acs-date') };
}

function checkV1(method: string, params: Params, secret: string) {
  const signature = params.Signature;
  if (!signature) throw new CloudError('MissingParameter', { param: 'Signature' });
  // Only the one method and version the spec defines: no NONE, no other algorithm to downgrade to.
  for (const [param, value] of [['SignatureMethod', 'HMAC-SHA1'], ['SignatureVersion', '1.0']]) {
    if (!params[param]) throw new CloudError('MissingParameter', { param }, param);
    if (params[param] !== value) throw new CloudError('InvalidParameter', { param }, param);
  }
  if (!sameSignature(v1Signature(secret, method, params), signature)) throw new CloudError('SignatureDoesNotMatch');
  return { nonce: params.SignatureNonce, at: timeOf(params.Timestamp, 'Timestamp') };
}

export async function authenticate(call: EcsCall, envelope: Envelope, requestId: string): Promise<EcsRequest> {
  const acs3 = parseAcs3Authorization(call.headers.get('authorization') ?? '');
  const key = await keyOf(envelope.accessKeyId);
  const { nonce, at } = acs3 ? checkAcs3(call, key.secret, acs3) : checkV1(call.method, envelope.params, key.secret);
  if (!nonce) throw new CloudError('MissingParameter', { param: acs3 ? 'x-acs-signature-nonce' : 'SignatureNonce' });
  const actor: Actor = { userId: null, accountId: key.accountId, roles: rolesOf({ sellerStatus: key.sellerStatus, isAdmin: false }), requestId, accessKeyId: envelope.accessKeyId! };
  // Kept while the request's own timestamp would still be accepted, however far ahead it was.
  return { action: envelope.action, version: envelope.version, params: envelope.params, accessKeyId: envelope.accessKeyId!, actor, nonce: { value: nonce, keptUntil: new Date(at.getTime() + MAX_CLOCK_SKEW_MS) } };
}

/** API-2: SignatureNonceUsed for a nonce its key already used, checked without writing. */
export async function refuseUsedNonce(request: EcsRequest): Promise<void> {
  if (await nonceUsed(request.accessKeyId, request.nonce.value)) throw new CloudError('SignatureNonceUsed');
}

/** API-2: the request's nonce, recorded; SignatureNonceUsed when its key already used it. */
export async function claimNonceOf(request: EcsRequest): Promise<void> {
  if (!await claimNonce(request.accessKeyId, request.nonce.value, request.nonce.keptUntil)) throw new CloudError('SignatureNonceUsed');
}
