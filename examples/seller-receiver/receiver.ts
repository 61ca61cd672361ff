// The HTTP side of the reference receiver: one POST endpoint takes every activity (SEL-3).
// The checks run in an order that matters: the signature before the nonce is remembered (a
// forger cannot burn nonces), the nonce before anything is applied (a replay changes
// nothing), and every answer we can sign carries Body-Sign.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCall } from './calls.js';
import { createNonceStore } from './nonces.js';
import { createOrderBook, type Answer, type OrderBook } from './orders.js';
import { bodySign, MAX_SKEW_MS, verifyRequest } from './signing.js';

export const failModes = ['none', 'internal'] as const;
/** `internal` answers every authenticated call 000005, to test the marketplace's retries. */
export type FailMode = (typeof failModes)[number];

export type ReceiverOptions = {
  /** accessKey → secret; two of them while a key is rotated (SEL-2). */
  keys: Record<string, string>;
  failMode?: FailMode;
  /** Turns on GET /_state and POST /_fail-mode, unauthenticated: for tests only. */
  exposeState?: boolean;
  /** A JSON file keeping applied orders across restarts. */
  dataFile?: string;
  /** If set, newInstance answers frontEndUrl = <base>/<instanceId>. */
  frontEndBaseUrl?: string;
  maxSkewMs?: number;
  /** The clock, in UNIX ms; tests may move it. */
  now?: () => number;
  log?: (line: string) => void;
};

export type ReceiverState = OrderBook & { readonly failMode: FailMode };

const MAX_BODY_BYTES = 1 << 20;
const MAX_RESULT_MSG = 255;
const authFailed = (why: string): Answer => ({ resultCode: '000001', resultMsg: `authentication failed: ${why}` });
const authReasons = {
  missingParameter: 'accessKey, timestamp, nonce (at least 16 characters) and signature are required',
  staleTimestamp: 'timestamp is more than 60 s from our clock',
  badSignature: 'signature does not match',
} as const;

function send(res: http.ServerResponse, status: number, answer: Answer | Record<string, unknown>, secret?: string): void {
  const shaped = 'resultMsg' in answer && typeof answer.resultMsg === 'string' ? { ...answer, resultMsg: answer.resultMsg.slice(0, MAX_RESULT_MSG) } : answer;
  const text = JSON.stringify(shaped);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  // Signed over the very string we send, so the bytes the marketplace hashes are these.
  if (secret) headers['body-sign'] = bodySign(secret, text);
  res.writeHead(status, headers).end(text);
}

/** The raw bytes, or null past the size limit (the rest is drained so the answer can be sent). */
async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : null;
}

export function createReceiver(options: ReceiverOptions) {
  const keys = new Map(Object.entries(options.keys));
  const now = options.now ?? Date.now;
  const maxSkewMs = options.maxSkewMs ?? MAX_SKEW_MS;
  const nonces = createNonceStore(maxSkewMs);
  const orders = createOrderBook({ dataFile: options.dataFile, frontEndBaseUrl: options.frontEndBaseUrl });
  let failMode: FailMode = options.failMode ?? 'none';
  const state: ReceiverState = {
    answers: orders.book.answers,
    instances: orders.book.instances,
    effects: orders.book.effects,
    get failMode() {
      return failMode;
    },
  };

  function setFailMode(mode: FailMode): void {
    if (!failModes.includes(mode)) throw new Error(`unknown fail mode ${mode}`);
    failMode = mode;
  }

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (!options.exposeState) return send(res, 404, { error: 'not found' });
    if (req.method === 'GET' && pathname === '/_state') {
      return send(res, 200, { failMode, effects: Object.fromEntries(orders.book.effects), instances: Object.fromEntries(orders.book.instances) });
    }
    if (req.method === 'POST' && pathname === '/_fail-mode') {
      const wanted = /"failMode"\s*:\s*"(\w+)"/.exec((await readBody(req))?.toString('utf8') ?? '')?.[1] as FailMode | undefined;
      if (!wanted || !failModes.includes(wanted)) return send(res, 400, { error: `failMode must be one of ${failModes.join(', ')}` });
      setFailMode(wanted);
      return send(res, 200, { failMode });
    }
    return send(res, 404, { error: 'not found' });
  }

  async function call(req: http.IncomingMessage, res: http.ServerResponse, query: URLSearchParams): Promise<void> {
    const body = await readBody(req);
    if (!body) return send(res, 413, { resultCode: '000002', resultMsg: `body over ${MAX_BODY_BYTES} bytes` });
    const accessKey = query.get('accessKey');
    if (!accessKey) return send(res, 200, authFailed(authReasons.missingParameter));
    const secret = keys.get(accessKey);
    // Without a known key there is no secret to sign the answer with: it goes unsigned.
    if (!secret) return send(res, 200, authFailed('unknown accessKey'));
    const reply = (answer: Answer) => send(res, 200, answer, secret);

    const verified = verifyRequest({ query, body, secret, now: now(), maxSkewMs });
    if (!verified.ok) return reply(authFailed(authReasons[verified.reason]));
    if (!nonces.claim(query.get('nonce')!, Number(query.get('timestamp')), now())) return reply(authFailed('nonce already used'));
    if (failMode === 'internal') return reply({ resultCode: '000005', resultMsg: 'internal error (FAIL_MODE=internal)' });

    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return reply({ resultCode: '000002', resultMsg: 'body is not UTF-8' });
    }
    const read = readCall(text);
    if (!read.ok) return reply({ resultCode: '000002', resultMsg: read.message });
    let answer: Answer;
    try {
      answer = orders.apply(read.call);
    } catch (error) {
      options.log?.(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
      return reply({ resultCode: '000005', resultMsg: 'internal error' });
    }
    options.log?.(`${read.call.activity} ${read.call.orderId}/${read.call.orderLineId} → ${answer.resultCode} ${answer.resultMsg}`);
    return reply(answer);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (url.pathname.startsWith('/_')) return admin(req, res, url.pathname);
    if (req.method === 'POST') return call(req, res, url.searchParams);
    res.setHeader('allow', 'POST');
    return send(res, 405, { error: 'POST only' });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log?.(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) send(res, 500, { resultCode: '000005', resultMsg: 'internal error' });
    });
  });

  return {
    server,
    state,
    setFailMode,
    /** SEL-2 rotation without a restart: accept a new key next to the old one, then drop the old. */
    setKey(accessKey: string, secret: string): void {
      keys.set(accessKey, secret);
    },
    removeKey(accessKey: string): void {
      keys.delete(accessKey);
    },
    /** Resolves to the base URL; port 0 picks a free one. */
    listen(port = 0, host = '127.0.0.1'): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
        });
      });
    },
    close(): Promise<void> {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

export type Receiver = ReturnType<typeof createReceiver>;
