// One signed lifecycle call over HTTP (SEL-4) and the checks on its answer (SEL-5), shared by
// the outbox worker and interface debugging (SEL-6) so both judge an answer the same way.
import { lookup } from 'node:dns/promises';
import { isPrivateAddress } from '../domain/interface-url';
import { parseSellerAnswer, resultCodes, signedQuery, verifyBodySign, type SellerActivity, type SellerAnswer } from '../domain/seller-calls';
import { clock } from '../clock';
import { config } from '../config';

const CALL_TIMEOUT_MS = 10_000;
const KEPT_RESPONSE_CHARS = 4_000;

/** ok, or why the call failed. */
export type Verdict = 'ok' | 'unreachable' | 'privateAddress' | 'timeout' | 'httpError' | 'badBodySign' | 'badAnswer' | 'resultCode';

/** Whether the URL's name resolves only to public addresses (always true where local interfaces are allowed). */
async function reachesOnlyPublic(url: URL): Promise<boolean> {
  if (config.mode === 'test' || config.allowLocalInterfaces) return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true });
  return addresses.length > 0 && addresses.every((a) => !isPrivateAddress(a.address));
}

export type Exchange = {
  url: string;
  body: string;
  httpStatus: number | null;
  response: string | null;
  bodySign: string | null;
  bodySignValid: boolean;
  latencyMs: number;
  verdict: Verdict;
  answer: SellerAnswer | null;
};

export async function callSeller(input: { url: string; keyId: string; secret: string; activity: SellerActivity; body: string }): Promise<Exchange> {
  const query = signedQuery({ accessKey: input.keyId, secret: input.secret, body: input.body, timestamp: clock.now().getTime() });
  const url = new URL(input.url);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const started = performance.now();
  const done = (rest: Partial<Exchange> & { verdict: Verdict }): Exchange => ({
    url: url.toString(),
    body: input.body,
    httpStatus: null,
    response: null,
    bodySign: null,
    bodySignValid: false,
    answer: null,
    latencyMs: Math.round(performance.now() - started),
    ...rest,
  });
  let res: Response;
  let text: string;
  try {
    // SEL-4: a seller's name must not lead the platform into its own network.
    if (!(await reachesOnlyPublic(url))) return done({ verdict: 'privateAddress' });
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: input.body, signal: AbortSignal.timeout(CALL_TIMEOUT_MS), redirect: 'manual' });
    text = await res.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return done({ verdict: timedOut ? 'timeout' : 'unreachable', response: error instanceof Error ? error.message.slice(0, 300) : null });
  }
  const bodySign = res.headers.get('body-sign');
  const seen = { httpStatus: res.status, response: text.slice(0, KEPT_RESPONSE_CHARS), bodySign };
  if (!res.ok) return done({ ...seen, verdict: 'httpError' });
  // The signature covers the exact bytes, so it is checked before the body is parsed.
  const bodySignValid = verifyBodySign(input.secret, bodySign, text);
  if (!bodySignValid) return done({ ...seen, verdict: 'badBodySign' });
  const parsed = parseSellerAnswer(text, input.activity);
  if (!parsed.ok) return done({ ...seen, bodySignValid, verdict: 'badAnswer' });
  return done({ ...seen, bodySignValid, answer: parsed.answer, verdict: parsed.answer.resultCode === resultCodes.success ? 'ok' : 'resultCode' });
}
