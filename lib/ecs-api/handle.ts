// One ECS API request, start to end (API-1 … API-3): authenticate, dispatch, answer JSON with
// RequestId — or {RequestId, HostId, Code, Message} with the code's HTTP status. Never HTML.
import { englishMessage } from '../english-errors';
import { CloudError, retryAfterHeader } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { config } from '../config';
import { clientAddress } from '../domain/client-address';
import { assertRefusalBudget, spendRefusal } from '../services/refusal-budget';
import { auditCall, auditRefusedCall, callTransaction, wasAudited, type CallOutcome } from '../services/transaction';
import { authenticate, claimNonceOf, readEnvelope, refuseUsedNonce, type Envelope } from './authenticate';
import { dialectOf } from './dialects';
import { callOfRequest, responseOf, type EcsAnswer, type EcsCall } from './ecs-call';
import { throttle } from './throttle';

function answer(body: Record<string, unknown>, status: number, headers: Record<string, string> = {}): EcsAnswer {
  return { status, headers: [['content-type', 'application/json;charset=utf-8'], ...Object.entries(headers)], body: JSON.stringify(body) };
}

export function errorAnswer(requestId: string, host: string, error: unknown): EcsAnswer {
  const cloud = error instanceof CloudError ? error : new CloudError('InternalError');
  if (!(error instanceof CloudError)) console.error(`[ecs-api] ${requestId}:`, error);
  return answer({ RequestId: requestId, HostId: host, Code: cloud.code, Message: englishMessage(cloud) }, cloud.httpStatus, retryAfterHeader(cloud));
}

async function outcomeOf<T>(work: () => Promise<T>): Promise<CallOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}

export async function answerEcsCall(call: EcsCall): Promise<EcsAnswer> {
  const requestId = newRequestId();
  const host = call.headers.get('host') ?? 'ecs.stratus.local';
  let envelope: Envelope | undefined;
  let dispatched = false;
  const address = clientAddress(call.headers.get('x-forwarded-for') ?? null, config.trustedProxyHops);
  try {
    await assertRefusalBudget('ecs', address);
    envelope = readEnvelope(call);
    const request = await authenticate(call, envelope, requestId);
    const dialect = dialectOf(request.version);
    const handler = dialect.actions.get(request.action);
    if (!handler) throw new CloudError('InvalidAction.NotFound', { action: request.action });
    const read = dialect.reads.has(request.action);
    // A replay costs its key's rate budget nothing and runs nothing (the claim below is what settles a race).
    await refuseUsedNonce(request);
    try {
      // After the signature, so nobody can spend another key's budget; before any work.
      await throttle(request.accessKeyId, read);
    } catch (refusal) {
      // Refused for now, but never to be replayed later, when the client may have retried already.
      const claimed = await callTransaction(async () => await claimNonceOf(request), () => { throw refusal; }, async () => {});
      throw claimed.ok ? refusal : claimed.error;
    }
    // A read runs before the call's transaction, so the write lock is never held while reading;
    // a change runs inside it. Either way the nonce, the change and the audit row commit together.
    const earlier = read ? await outcomeOf(() => handler(request.actor, request.params)) : undefined;
    const outcome = await callTransaction(
      async () => await claimNonceOf(request),
      () => {
        dispatched = true;
        if (!earlier) return handler(request.actor, request.params);
        if (!earlier.ok) throw earlier.error;
        return earlier.value;
      },
      async (error) => {
        // A change's use case audits itself, its refusal too; a read, or a change refused before
        // its use case ran (a missing parameter), is audited here.
        if (read || (error !== undefined && !wasAudited(error))) await auditCall(request.actor, request.action, error);
      },
    );
    if (!outcome.ok) throw outcome.error;
    return answer({ RequestId: requestId, ...outcome.value }, 200);
  } catch (error) {
    // Refusals before a use case ran (signature, key, time, nonce, action) are audited without an
    // account, within the address's budget; a key over its own rate limit is not an intruder.
    // A busy database (ServiceUnavailable) is not the caller's refusal either.
    if (!dispatched && error instanceof CloudError && !error.code.startsWith('Throttling') && error.code !== 'ServiceUnavailable' && (await spendRefusal('ecs', address))) {
      await auditRefusedCall(requestId, (envelope?.action ?? '').slice(0, 64), envelope?.accessKeyId?.slice(0, 64) ?? null, error);
    }
    return errorAnswer(requestId, host, error);
  }
}

/** The same, for a web Request (Next's route handler under `next dev`, and tests). */
export async function handleEcsRequest(request: Request): Promise<Response> {
  return responseOf(await answerEcsCall(await callOfRequest(request)));
}
