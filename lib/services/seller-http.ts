// One signed lifecycle call over HTTP (SEL-4) and the checks on its answer (SEL-5), shared by
// the outbox worker and interface debugging (SEL-6) so both judge an answer the same way.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import type { ReadableStream } from 'node:stream/web';
import ipaddr from 'ipaddr.js';
import { Agent, fetch } from 'undici';
import { localPortsFor, mayConnect, urlPort, type LocalPorts } from '../domain/interface-url';
import { parseSellerAnswer, resultCodes, signedQuery, verifyBodySign, type SellerActivity, type SellerAnswer } from '../domain/seller-calls';
import { clock } from '../clock';
import { config } from '../config';

const CALL_TIMEOUT_MS = 10_000;
/** An answer is a small JSON object: anything longer is not read further (and is a bad answer). */
const MAX_ANSWER_BYTES = 64 * 1024;
/** What the delivery log keeps of an answer, shown to the seller who wrote it. */
const KEPT_RESPONSE_CHARS = 4_000;

/** ok, or why the call failed. */
export type Verdict = 'ok' | 'unreachable' | 'privateAddress' | 'timeout' | 'httpError' | 'badBodySign' | 'badAnswer' | 'resultCode';

type Address = { address: string; family: number };
/** Every address a name resolves to (the system resolver by default; tests inject one). */
export type Resolve = (host: string) => Promise<Address[]>;

const systemResolve: Resolve = (host) => dnsLookup(host, { all: true });

/**
 * The addresses the call will connect to, resolved once and all allowed — or null when any is
 * not (SEL-4: a seller's name must not lead the platform into its own network).
 */
async function checkedAddresses(url: URL, resolve: Resolve, local: LocalPorts): Promise<Address[] | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await resolve(host);
  const port = urlPort(url);
  return addresses.length > 0 && addresses.every((a) => mayConnect(a.address, port, local)) ? addresses : null;
}

/**
 * A lookup that answers the addresses already checked instead of asking DNS again: the
 * connection goes exactly where the check looked, so a name that changes its answer between
 * the check and the connection (DNS rebinding) cannot lead anywhere else. TLS SNI and the
 * Host header still carry the name.
 */
function pinnedLookup(host: string, addresses: Address[]): LookupFunction {
  return (hostname, options, callback) => {
    if (hostname !== host) return callback(new Error(`unexpected name ${hostname}`), '', 0);
    const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    if (wanted.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) return callback(null, wanted);
    callback(null, wanted[0].address, wanted[0].family);
  };
}

/** The answer's text, read no further than MAX_ANSWER_BYTES (tooLong when there was more). */
async function boundedText(body: ReadableStream | null): Promise<{ text: string; tooLong: boolean }> {
  if (!body) return { text: '', tooLong: false };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(Buffer.from(chunk as Uint8Array));
    size += (chunk as Uint8Array).byteLength;
    // Leaving the loop cancels the stream: the rest is never read.
    if (size > MAX_ANSWER_BYTES) {
      return { text: new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES)), tooLong: true };
    }
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), tooLong: false };
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

/** How a call reaches the network; tests replace the resolver and the local ports allowed. */
export type CallOptions = { resolve?: Resolve; localPorts?: LocalPorts };

export async function callSeller(
  input: { url: string; keyId: string; secret: string; activity: SellerActivity; body: string },
  { resolve = systemResolve, localPorts = localPortsFor(config.mode, config.localInterfacePorts) }: CallOptions = {},
): Promise<Exchange> {
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
  let agent: Agent | undefined;
  let res: Awaited<ReturnType<typeof fetch>>;
  let answer: { text: string; tooLong: boolean };
  try {
    const addresses = await checkedAddresses(url, resolve, localPorts);
    if (!addresses) return done({ verdict: 'privateAddress' });
    agent = new Agent({ connect: { lookup: pinnedLookup(url.hostname.replace(/^\[|\]$/g, ''), addresses) } });
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: input.body,
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      redirect: 'manual',
      dispatcher: agent,
    });
    answer = await boundedText(res.body);
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return done({ verdict: timedOut ? 'timeout' : 'unreachable', response: error instanceof Error ? error.message.slice(0, 300) : null });
  } finally {
    void agent?.destroy().catch(() => {});
  }
  const { text, tooLong } = answer;
  const bodySign = res.headers.get('body-sign');
  const seen = { httpStatus: res.status, response: text.slice(0, KEPT_RESPONSE_CHARS), bodySign };
  if (!res.ok) return done({ ...seen, verdict: 'httpError' });
  if (tooLong) return done({ ...seen, verdict: 'badAnswer' });
  // The signature covers the exact bytes, so it is checked before the body is parsed.
  const bodySignValid = verifyBodySign(input.secret, bodySign, text);
  if (!bodySignValid) return done({ ...seen, verdict: 'badBodySign' });
  const parsed = parseSellerAnswer(text, input.activity);
  if (!parsed.ok) return done({ ...seen, bodySignValid, verdict: 'badAnswer' });
  return done({ ...seen, bodySignValid, answer: parsed.answer, verdict: parsed.answer.resultCode === resultCodes.success ? 'ok' : 'resultCode' });
}
