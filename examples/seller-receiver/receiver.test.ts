// The reference receiver over real HTTP on localhost (SEL-4, SEL-5): what it accepts, what it
// refuses and with which code, that every answer it can sign is signed, and that a repeated
// call is answered the same way without its effect applied twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiver, type Receiver, type ReceiverOptions } from './receiver.js';
import { signRequest, verifyBodySign } from './signing.js';

const KEY = { accessKey: 'ak-current', secret: 'secret-current-0123456789' };
const OLD_KEY = { accessKey: 'ak-previous', secret: 'secret-previous-0123456789' };
const T0 = Date.parse('2026-03-01T08:00:00Z');

let clock = T0;
let receiver: Receiver;
let url: string;
let lineNumber = 0;

async function start(options: Partial<ReceiverOptions> = {}): Promise<void> {
  receiver = createReceiver({ keys: { [KEY.accessKey]: KEY.secret, [OLD_KEY.accessKey]: OLD_KEY.secret }, now: () => clock, ...options });
  url = await receiver.listen(0);
}

beforeEach(async () => {
  clock = T0;
  await start();
});
afterEach(() => receiver.close());

function order(over: Record<string, unknown> = {}) {
  lineNumber += 1;
  return {
    activity: 'newInstance',
    orderId: `o-test${lineNumber}`,
    orderLineId: `l-test${lineNumber}`,
    productCode: 'lnmp000101',
    skuCode: 'lnmp000101-monthly',
    accountId: '1234567890123456',
    regionId: 'cn-hangzhou',
    period: { unit: 'month', count: 1 },
    amountFen: 9900,
    ...over,
  };
}

let nonceCounter = 0;
type Sent = { status: number; answer: Record<string, unknown>; bodySign: string | null; raw: Buffer; query: URLSearchParams };

/** Signs `signedBody` and sends `sentBody` (the same unless a test tampers with it). */
async function post(
  body: unknown,
  opts: { key?: { accessKey: string; secret: string }; signWith?: string; timestamp?: number; nonce?: string; sentBody?: string; query?: URLSearchParams } = {},
): Promise<Sent> {
  const key = opts.key ?? KEY;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const nonce = opts.nonce ?? `nonce-${Date.now()}-${(nonceCounter += 1)}-padding`;
  const timestamp = String(opts.timestamp ?? clock);
  const signature = signRequest({ accessKey: key.accessKey, secret: opts.signWith ?? key.secret, nonce, timestamp, body: text });
  const query = opts.query ?? new URLSearchParams({ accessKey: key.accessKey, timestamp, nonce, signature });
  const res = await fetch(`${url}/stratus/calls?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: opts.sentBody ?? text });
  const raw = Buffer.from(await res.arrayBuffer());
  return { status: res.status, answer: JSON.parse(raw.toString('utf8')), bodySign: res.headers.get('body-sign'), raw, query };
}

const signedBy = (sent: Sent, secret = KEY.secret) => verifyBodySign(secret, sent.bodySign, sent.raw);

describe('signed calls (SEL-4)', () => {
  it('a correctly signed newInstance → 000000 with an instanceId and a valid Body-Sign', async () => {
    const sent = await post(order());
    expect(sent.status).toBe(200);
    expect(sent.answer).toEqual({ resultCode: '000000', resultMsg: 'instance created', instanceId: expect.stringMatching(/^inst-/) });
    expect(signedBy(sent)).toBe(true);
    expect(signedBy(sent, 'another-secret')).toBe(false);
  });

  it('a body changed after signing → 000001', async () => {
    const body = order();
    const sent = await post(body, { sentBody: JSON.stringify({ ...body, amountFen: 1 }) });
    expect(sent.answer).toEqual({ resultCode: '000001', resultMsg: 'authentication failed: signature does not match' });
    expect(signedBy(sent)).toBe(true);
    expect(receiver.state.effects.size).toBe(0);
  });

  it('signed with the wrong secret → 000001', async () => {
    const sent = await post(order(), { signWith: 'not-the-secret' });
    expect(sent.answer.resultCode).toBe('000001');
    expect(receiver.state.instances.size).toBe(0);
  });

  it('an unknown accessKey → 000001, unsigned since there is no secret to sign with', async () => {
    const sent = await post(order(), { key: { accessKey: 'ak-unknown', secret: KEY.secret } });
    expect(sent.answer).toEqual({ resultCode: '000001', resultMsg: 'authentication failed: unknown accessKey' });
    expect(sent.bodySign).toBeNull();
  });

  it('missing parameters and a short nonce → 000001', async () => {
    expect((await post(order(), { query: new URLSearchParams() })).answer.resultCode).toBe('000001');
    expect((await post(order(), { nonce: 'fifteen-chars!!' })).answer).toEqual({
      resultCode: '000001',
      resultMsg: 'authentication failed: accessKey, timestamp, nonce (at least 16 characters) and signature are required',
    });
  });

  it('a timestamp 61 s old or ahead → 000001; 60 s is still accepted', async () => {
    for (const offset of [-61_000, 61_000]) {
      const sent = await post(order(), { timestamp: clock + offset });
      expect(sent.answer).toEqual({ resultCode: '000001', resultMsg: 'authentication failed: timestamp is more than 60 s from our clock' });
      expect(signedBy(sent)).toBe(true);
    }
    expect((await post(order(), { timestamp: clock - 60_000 })).answer.resultCode).toBe('000000');
    expect((await post(order(), { timestamp: clock + 60_000 })).answer.resultCode).toBe('000000');
  });

  it('a reused nonce → 000001 and nothing applied again, even for an identical request', async () => {
    const body = order();
    const first = await post(body, { nonce: 'replayed-nonce-0001' });
    expect(first.answer.resultCode).toBe('000000');
    const replay = await post(body, { nonce: 'replayed-nonce-0001' });
    expect(replay.answer).toEqual({ resultCode: '000001', resultMsg: 'authentication failed: nonce already used' });
    expect(signedBy(replay)).toBe(true);
    expect(receiver.state.effects.get(body.orderLineId)).toBe(1);
  });

  it('a nonce is forgotten only once its timestamp is stale anyway', async () => {
    const body = order();
    await post(body, { nonce: 'remembered-nonce-01' });
    clock += 60_000;
    expect((await post(body, { nonce: 'remembered-nonce-01', timestamp: T0 })).answer.resultMsg).toBe('authentication failed: nonce already used');
    clock += 1;
    expect((await post(body, { nonce: 'remembered-nonce-01', timestamp: T0 })).answer.resultMsg).toBe('authentication failed: timestamp is more than 60 s from our clock');
  });

  it('both keys of a rotation are accepted (SEL-2), and each answer is signed with the caller key', async () => {
    const sent = await post(order(), { key: OLD_KEY });
    expect(sent.answer.resultCode).toBe('000000');
    expect(signedBy(sent, OLD_KEY.secret)).toBe(true);
  });
});

describe('idempotency (SEL-5)', () => {
  it('the same order line twice with fresh nonces → the same answer and instanceId, applied once', async () => {
    const body = order();
    const first = await post(body);
    clock += 30_000; // a retry a little later
    const second = await post(body);
    expect(second.answer).toEqual(first.answer);
    expect(signedBy(second)).toBe(true);
    expect(receiver.state.effects.get(body.orderLineId)).toBe(1);
    expect(receiver.state.instances.size).toBe(1);
  });

  it('a whole lifecycle: renewals and upgrades apply once per order line, freeze is a state', async () => {
    const created = await post(order());
    const instanceId = created.answer.instanceId as string;
    const later = (activity: string, over: Record<string, unknown> = {}) => order({ activity, instanceId, ...over });

    const renewal = later('refreshInstance');
    expect((await post(renewal)).answer).toEqual({ resultCode: '000000', resultMsg: 'renewed' });
    expect((await post(renewal)).answer).toEqual({ resultCode: '000000', resultMsg: 'renewed' });
    expect(receiver.state.instances.get(instanceId)?.renewals).toBe(1);
    expect((await post(later('refreshInstance'))).answer.resultCode).toBe('000000');
    expect(receiver.state.instances.get(instanceId)?.renewals).toBe(2);

    expect((await post(later('upgradeInstance', { skuCode: 'lnmp000101-yearly' }))).answer.resultMsg).toBe('upgraded');
    expect(receiver.state.instances.get(instanceId)?.skuCode).toBe('lnmp000101-yearly');

    const freeze = later('updateInstanceStatus', { status: 'frozen' });
    expect((await post(freeze)).answer).toEqual({ resultCode: '000000', resultMsg: 'frozen' });
    expect((await post(freeze)).answer).toEqual({ resultCode: '000000', resultMsg: 'frozen' });
    expect(receiver.state.effects.get(freeze.orderLineId)).toBe(1);
    expect((await post(later('updateInstanceStatus', { status: 'normal' }))).answer.resultMsg).toBe('unfrozen');
    expect((await post(later('updateInstanceStatus', { status: 'frozen' }))).answer.resultMsg).toBe('frozen');
    expect(receiver.state.instances.get(instanceId)?.frozen).toBe(true);

    expect((await post(later('expireInstance'))).answer.resultMsg).toBe('expired');
    const release = later('releaseInstance');
    expect((await post(release)).answer.resultMsg).toBe('released');
    expect((await post(release)).answer.resultMsg).toBe('released');
    expect((await post(later('refreshInstance'))).answer).toEqual({ resultCode: '000003', resultMsg: `instance not found: ${instanceId}` });
  });

  it('an instance that does not exist, or is another buyer’s → 000003, not remembered (a retry may succeed)', async () => {
    const created = await post(order());
    const otherBuyers = order({ activity: 'refreshInstance', instanceId: created.answer.instanceId, accountId: '6543210987654321' });
    expect((await post(otherBuyers)).answer.resultCode).toBe('000003');
    expect((await post(order({ activity: 'expireInstance', instanceId: 'inst-nope' }))).answer.resultCode).toBe('000003');
    expect(receiver.state.effects.get(otherBuyers.orderLineId)).toBeUndefined();
  });

  it('DATA_FILE keeps applied orders across a restart', async () => {
    const dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seller-receiver-')), 'orders.json');
    await receiver.close();
    await start({ dataFile });
    const body = order();
    const first = await post(body);
    await receiver.close();
    await start({ dataFile });
    expect((await post(body)).answer).toEqual(first.answer);
    expect(receiver.state.effects.get(body.orderLineId)).toBe(1);
  });
});

describe('invalid calls and failure modes', () => {
  it('malformed JSON, correctly signed → 000002 (signed)', async () => {
    const sent = await post('{"activity":"newInstance",');
    expect(sent.answer).toEqual({ resultCode: '000002', resultMsg: 'body is not JSON' });
    expect(signedBy(sent)).toBe(true);
  });

  it.each([
    [{ activity: 'cancelInstance' }, 'unknown activity: cancelInstance'],
    [{ orderLineId: '' }, 'orderLineId must be a non-empty string'],
    [{ activity: 'refreshInstance' }, 'refreshInstance needs instanceId'],
    [{ amountFen: 99.5 }, 'amountFen must be an integer >= 0'],
    [{ period: { unit: 'week', count: 1 } }, 'period must be null or { unit: "month" | "year", count: integer >= 1 }'],
    [{ activity: 'updateInstanceStatus', instanceId: 'inst-1', status: 'paused' }, 'status must be "frozen" or "normal"'],
  ])('%j → 000002', async (over, resultMsg) => {
    expect((await post(order(over))).answer).toEqual({ resultCode: '000002', resultMsg });
  });

  it('FAIL_MODE internal → 000005 (signed), nothing applied; flipped back, the retry succeeds', async () => {
    const body = order();
    receiver.setFailMode('internal');
    const failed = await post(body);
    expect(failed.answer).toEqual({ resultCode: '000005', resultMsg: 'internal error (FAIL_MODE=internal)' });
    expect(signedBy(failed)).toBe(true);
    expect(receiver.state.effects.get(body.orderLineId)).toBeUndefined();
    receiver.setFailMode('none');
    expect((await post(body)).answer.resultCode).toBe('000000');
    expect(receiver.state.effects.get(body.orderLineId)).toBe(1);
  });

  it('answers only POST', async () => {
    const res = await fetch(`${url}/stratus/calls`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('test switches for out-of-process tests', () => {
  it('/_state and /_fail-mode are off unless exposeState', async () => {
    expect((await fetch(`${url}/_state`)).status).toBe(404);
    expect((await fetch(`${url}/_fail-mode`, { method: 'POST', body: '{"failMode":"internal"}' })).status).toBe(404);
    expect(receiver.state.failMode).toBe('none');
  });

  it('with exposeState: GET /_state gives effects per orderLineId; POST /_fail-mode flips the mode', async () => {
    await receiver.close();
    await start({ exposeState: true });
    const body = order();
    await post(body);
    await post(body);
    const state = await (await fetch(`${url}/_state`)).json();
    expect(state).toMatchObject({ failMode: 'none', effects: { [body.orderLineId]: 1 } });
    const flipped = await fetch(`${url}/_fail-mode`, { method: 'POST', body: '{"failMode":"internal"}' });
    expect(await flipped.json()).toEqual({ failMode: 'internal' });
    expect((await post(order())).answer.resultCode).toBe('000005');
    expect((await fetch(`${url}/_fail-mode`, { method: 'POST', body: '{"failMode":"down"}' })).status).toBe(400);
  });
});
