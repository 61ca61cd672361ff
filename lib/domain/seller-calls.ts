// The lifecycle calls the marketplace makes to a seller's production interface (SEL-4) and the
// answers it accepts (SEL-5): activities, result codes, the request signature in the URL, the
// Body-Sign header on the answer. Pure apart from node:crypto, so the outbox, the interface
// debugging page (SEL-6) and the tests share one definition of the scheme.
// docs/seller-interface.md is the seller's side of the same contract, with the test vectors.
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sameSignature, sha256Hex } from './signatures';

export const sellerActivities = ['newInstance', 'refreshInstance', 'expireInstance', 'releaseInstance', 'upgradeInstance', 'updateInstanceStatus'] as const;
export type SellerActivity = (typeof sellerActivities)[number];

export const resultCodes = {
  success: '000000',
  authFailed: '000001',
  invalidParams: '000002',
  instanceNotFound: '000003',
  stillProcessing: '000004',
  internalError: '000005',
  noResources: '000100',
} as const;
export type ResultCode = (typeof resultCodes)[keyof typeof resultCodes];
const knownResultCodes = Object.values(resultCodes) as [ResultCode, ...ResultCode[]];

/** SEL-4: a seller refuses a timestamp further than this from its clock, either way. */
export const MAX_SKEW_MS = 60_000;
export const MIN_NONCE_LENGTH = 16;
export const MAX_RESULT_MSG_LENGTH = 255;
export const MAX_FRONT_END_URL_LENGTH = 512;
/** Not in SEL-5: Stratus's own bound, so a seller cannot make us store an unbounded id. */
export const MAX_INSTANCE_ID_LENGTH = 128;

/**
 * The JSON body of every call (SEL-4). `instanceId` is there once the seller gave one (every
 * activity but newInstance); `period` is null for licenses that are not prepaid for a time
 * (free, one-time, hourly); `status` only on updateInstanceStatus; `testOrder` on debugging calls.
 */
export type SellerCall = {
  activity: SellerActivity;
  orderId: string;
  orderLineId: string;
  instanceId?: string;
  productCode: string;
  skuCode: string;
  accountId: string;
  regionId: string;
  period: { unit: 'month' | 'year'; count: number } | null;
  amountFen: number;
  status?: 'frozen' | 'normal';
  testOrder?: true;
};

/**
 * The body as sent, built here only: the outbox, the delivery worker and interface debugging
 * all call this. Fields in SEL-4's order (the test vectors in docs/seller-interface.md sign
 * these bytes); absent optional fields are left out.
 */
export function sellerCallBody(call: SellerCall): string {
  const { activity, orderId, orderLineId, instanceId, productCode, skuCode, accountId, regionId, period, amountFen, status, testOrder } = call;
  // JSON.stringify drops the undefined ones.
  return JSON.stringify({ activity, orderId, orderLineId, instanceId, productCode, skuCode, accountId, regionId, period, amountFen, status, testOrder });
}

// ─── The request signature (URL parameters) ──────────────────────────────────────────────

export type SignInput = { accessKey: string; secret: string; nonce: string; timestamp: number | string; body: string | Uint8Array };
export type SignedQuery = { accessKey: string; timestamp: string; nonce: string; signature: string };

/** accessKey + nonce + timestamp + hex(SHA-256(body's UTF-8 bytes)), concatenated without separators. */
export function requestStringToSign({ accessKey, nonce, timestamp, body }: Omit<SignInput, 'secret'>): string {
  return `${accessKey}${nonce}${timestamp}${sha256Hex(body)}`;
}

export function signRequest(input: SignInput): string {
  return createHmac('sha256', input.secret).update(requestStringToSign(input)).digest('hex');
}

/** 16 random bytes as 32 hex characters: comfortably over the 16-character minimum. */
export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The four URL parameters of one delivery attempt; every attempt gets a fresh nonce and timestamp. */
export function signedQuery(input: Omit<SignInput, 'nonce' | 'timestamp'> & { timestamp: number; nonce?: string }): SignedQuery {
  const nonce = input.nonce ?? newNonce();
  const timestamp = String(input.timestamp);
  return { accessKey: input.accessKey, timestamp, nonce, signature: signRequest({ ...input, nonce, timestamp }) };
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'badSignature' | 'staleTimestamp' | 'missingParameter' };

/**
 * The seller's check of a call, minus the nonce store (the caller remembers nonces it accepted).
 * `missingParameter` also covers a nonce shorter than 16 characters. The timestamp is signed
 * as the string in the URL, so it is used as received, never re-formatted.
 */
export function verifyRequest(input: {
  query: Readonly<Record<string, string | undefined>>;
  body: string | Uint8Array;
  secret: string;
  now: Date;
  maxSkewMs?: number;
}): VerifyResult {
  const { accessKey, timestamp, nonce, signature } = input.query;
  if (!accessKey || !timestamp || !nonce || !signature || nonce.length < MIN_NONCE_LENGTH) return { ok: false, reason: 'missingParameter' };
  const at = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(input.now.getTime() - at) <= (input.maxSkewMs ?? MAX_SKEW_MS))) return { ok: false, reason: 'staleTimestamp' };
  const expected = signRequest({ accessKey, secret: input.secret, nonce, timestamp, body: input.body });
  return sameSignature(expected, signature.toLowerCase()) ? { ok: true } : { ok: false, reason: 'badSignature' };
}

// ─── The answer's Body-Sign header ───────────────────────────────────────────────────────

/** The seller signs the exact bytes of its answer body, so we check it before parsing them. */
export function bodySignHeader(secret: string, responseBody: string | Uint8Array): string {
  return `sign_type="HMAC-SHA256", signature="${createHmac('sha256', secret).update(responseBody).digest('hex')}"`;
}

/** Reads `sign_type="HMAC-SHA256", signature="<hex>"` in any order and spacing; null if it is not that. */
export function parseBodySign(header: string | null | undefined): { signType: 'HMAC-SHA256'; signature: string } | null {
  if (!header) return null;
  const fields = new Map<string, string>();
  for (const part of header.split(',')) {
    const match = /^\s*([a-z_]+)\s*=\s*"([^"]*)"\s*$/i.exec(part);
    if (!match) return null;
    fields.set(match[1].toLowerCase(), match[2]);
  }
  const signature = fields.get('signature') ?? '';
  if (fields.get('sign_type')?.toUpperCase() !== 'HMAC-SHA256' || !/^[0-9a-f]{64}$/i.test(signature)) return null;
  return { signType: 'HMAC-SHA256', signature: signature.toLowerCase() };
}

export function verifyBodySign(secret: string, header: string | null | undefined, responseBody: string | Uint8Array): boolean {
  const parsed = parseBodySign(header);
  if (!parsed) return false;
  return sameSignature(createHmac('sha256', secret).update(responseBody).digest('hex'), parsed.signature);
}

// ─── The answer ──────────────────────────────────────────────────────────────────────────

export const sellerAnswerSchema = z.object(
  {
    resultCode: z.enum(knownResultCodes, { error: (issue) => (issue.input === undefined ? 'badShape' : 'unknownResultCode') }),
    resultMsg: z.string({ error: 'badShape' }).max(MAX_RESULT_MSG_LENGTH, { error: 'resultMsgTooLong' }),
    instanceId: z.string({ error: 'badShape' }).min(1, { error: 'missingInstanceId' }).max(MAX_INSTANCE_ID_LENGTH, { error: 'instanceIdTooLong' }).optional(),
    frontEndUrl: z
      .string({ error: 'badShape' })
      .max(MAX_FRONT_END_URL_LENGTH, { error: 'frontEndUrlTooLong' })
      .refine((url) => /^https?:\/\//i.test(url) && URL.canParse(url), { error: 'badFrontEndUrl' })
      .optional(),
  },
  { error: 'badShape' },
);
export type SellerAnswer = z.infer<typeof sellerAnswerSchema>;

const answerProblems = ['notJson', 'badShape', 'unknownResultCode', 'resultMsgTooLong', 'missingInstanceId', 'instanceIdTooLong', 'frontEndUrlTooLong', 'badFrontEndUrl'] as const;
export type AnswerProblem = (typeof answerProblems)[number];

/**
 * Whether an answer body is acceptable for the activity that was called. Any `resultCode` but
 * 000000 is still a well-formed answer (the delivery failed, SEL-5); the caller decides that.
 * A successful newInstance must name the seller's instance, which every later call carries.
 */
export function parseSellerAnswer(text: string, activity: SellerActivity): { ok: true; answer: SellerAnswer } | { ok: false; reason: AnswerProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  const parsed = sellerAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message;
    return { ok: false, reason: answerProblems.find((problem) => problem === message) ?? 'badShape' };
  }
  if (activity === 'newInstance' && parsed.data.resultCode === resultCodes.success && !parsed.data.instanceId) return { ok: false, reason: 'missingInstanceId' };
  return { ok: true, answer: parsed.data };
}

/** SEL-5: when the worker tries a call again, for a call that failed and is still being retried. */
export function nextRetryAt(delivery: { status: string; attempts: number; nextAttemptAt: Date }): Date | null {
  return delivery.status === 'pending' && delivery.attempts > 0 ? delivery.nextAttemptAt : null;
}

/**
 * SEL-5: a delivery's stored last error — its verdict, then the seller's answer when there was
 * one ("resultCode 1001: out of stock", lib/services/deliveries.ts) — split so the verdict can
 * be worded in the reader's language and the answer shown as the seller wrote it.
 */
export function lastErrorParts(lastError: string): { verdict: string; answer: string | null } {
  const space = lastError.indexOf(' ');
  return space < 0 ? { verdict: lastError, answer: null } : { verdict: lastError.slice(0, space), answer: lastError.slice(space + 1) };
}
