// Issue 12: the operator's payment gateway tells Stratus that a buyer paid (docs/payments.md).
// The notification is signed with the operator's secret (gateway-signature.ts); each payment id
// credits its wallet once, through the ledger like any money paid in, and is audited.
import { eq } from 'drizzle-orm';
import { accounts, gatewayPayments } from '../../db/schema';
import { englishMessage } from '../english-errors';
import { clock } from '../clock';
import { config } from '../config';
import { platformActor } from '../domain/actor';
import { CloudError, retryAfterHeader } from '../domain/errors';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyPaymentSignature } from '../domain/gateway-signature';
import { newRequestId } from '../domain/ids';
import { gatewayPaymentSchema, MAX_NOTIFICATION_BYTES, type GatewayPayment } from '../domain/payments';
import { parseInput } from '../domain/validation';
import { clientAddress } from '../domain/client-address';
import { assertRefusalBudget, spendRefusal } from './refusal-budget';
import { auditRefusedCall, mutate } from './transaction';
import { payIn } from './wallet';

const ACTION = 'ReceiveGatewayPayment';

export type PaymentReceipt = { status: 'credited'; paymentId: string; accountId: string; amountFen: number; transferId: string };

/** The same payment again answers the same receipt and credits nothing; the same id with other facts is refused. */
export async function recordGatewayPayment(payment: GatewayPayment, requestId: string): Promise<PaymentReceipt> {
  return await mutate(platformActor(payment.accountId, requestId), ACTION, async (tx, audit) => {
    const { paymentId, accountId, amountFen, paidAt } = payment;
    audit.target = paymentId;
    audit.detail = { amountFen, paidAt: paidAt.toISOString() };
    const seen = (await tx.select().from(gatewayPayments).where(eq(gatewayPayments.paymentId, paymentId)).limit(1)).at(0);
    if (seen) {
      if (seen.accountId !== accountId || seen.amountFen !== amountFen) throw new CloudError('InvalidPayment.Conflict', { paymentId });
      audit.detail = { ...audit.detail, transferId: seen.transferId, repeated: true };
      return { status: 'credited', paymentId, accountId, amountFen, transferId: seen.transferId };
    }
    if (!(await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).limit(1)).at(0)) throw new CloudError('InvalidAccount.NotFound', { account: accountId }, 'accountId');
    const transferId = await payIn(tx, accountId, amountFen, 'gateway_payment', { reference: paymentId });
    await tx.insert(gatewayPayments).values({ paymentId, accountId, amountFen, transferId, paidAt, receivedAt: clock.now() });
    audit.detail = { ...audit.detail, transferId };
    return { status: 'credited', paymentId, accountId, amountFen, transferId };
  });
}

// ─── The HTTP side: POST /api/payments/notify ────────────────────────────────────────────

function answer(status: number, body: object, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=utf-8', 'x-stratus-request-id': requestId, ...headers } });
}

const malformed = () => new CloudError('InvalidPayment.MalformedBody', { max: MAX_NOTIFICATION_BYTES });

/** The raw bytes, refused past the limit without reading further. */
async function readBody(request: Request): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_NOTIFICATION_BYTES) {
      await reader.cancel();
      throw malformed();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function parseNotification(body: Uint8Array): GatewayPayment {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw malformed();
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw malformed();
  return parseInput(gatewayPaymentSchema, json, {});
}

/** A refusal is audited when it can be; a busy database must not turn the answer into a 500. */
async function auditRefusal(requestId: string, error: CloudError): Promise<void> {
  try {
    await auditRefusedCall(requestId, ACTION, null, error);
  } catch (auditError) {
    console.error(`[payments] ${requestId}: refusal not audited:`, auditError);
  }
}

/**
 * Checks in this order: enabled, size, signature over the raw bytes (before anything is parsed),
 * then the fields, then the payment. Every answer is JSON; no input makes it a 500.
 */
export async function handlePaymentNotification(request: Request): Promise<Response> {
  const requestId = newRequestId();
  const address = clientAddress(request.headers.get('x-forwarded-for'), config.trustedProxyHops);
  let recorded = false;
  try {
    await assertRefusalBudget('payments', address);
    const secret = config.paymentSecret;
    if (!secret) throw new CloudError('PaymentNotification.Disabled');
    const body = await readBody(request);
    const check = verifyPaymentSignature({ timestamp: request.headers.get(TIMESTAMP_HEADER), signature: request.headers.get(SIGNATURE_HEADER), body, secret, now: clock.now() });
    if (!check.ok) throw new CloudError(check.reason === 'badTimestamp' ? 'PaymentSignature.Expired' : 'PaymentSignature.Invalid');
    const payment = parseNotification(body);
    recorded = true; // from here on the use case audits its own outcome
    return answer(200, await recordGatewayPayment(payment, requestId), requestId);
  } catch (error) {
    const cloud = error instanceof CloudError ? error : new CloudError('InternalError');
    if (!(error instanceof CloudError)) console.error(`[payments] ${requestId}:`, error);
    if (!recorded && cloud.code !== 'PaymentNotification.Disabled' && cloud.code !== 'Throttling' && (await spendRefusal('payments', address))) await auditRefusal(requestId, cloud);
    return answer(cloud.httpStatus, { code: cloud.code, message: englishMessage(cloud), requestId }, requestId, retryAfterHeader(cloud));
  }
}
