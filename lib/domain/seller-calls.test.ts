import { describe, expect, it } from 'vitest';
import {
  bodySignHeader,
  lastErrorParts,
  newNonce,
  parseBodySign,
  parseSellerAnswer,
  requestStringToSign,
  sellerCallBody,
  signedQuery,
  signRequest,
  verifyBodySign,
  verifyRequest,
  type SellerCall,
} from './seller-calls';
import { sha256Hex } from './signatures';

// Fixed test vectors, also published in docs/seller-interface.md and checked by the reference
// receiver's own tests. The expected hex values were computed outside this code, with
// `openssl dgst -sha256 [-hmac]` and Python's hmac module, and agree.
const vector = {
  accessKey: 'stratus-test-key',
  secret: 'test-secret-do-not-use-in-production',
  nonce: '3f9a1c0e7b2d4e6f8a1b',
  timestamp: 1767225600000, // 2026-01-01T00:00:00.000Z
  body: '{"activity":"newInstance","orderId":"o-7k2m9q4w8e1r5t3y6u0p","orderLineId":"l-3h8j1k5m9n2b6v4c7x0z","productCode":"lnmp000101","skuCode":"lnmp000101-monthly","accountId":"1234567890123456","regionId":"cn-hangzhou","period":{"unit":"month","count":1},"amountFen":9900,"testOrder":true}',
  bodySha256: '481f7dae789f692b5d947abe87649edc89d0c38e8680452e17e47bc1fd19e5be',
  signature: 'fcd2bf99dd604d8f3ac0b2055985a9192072d6ffd336e221dbc60740cbb6fc9c',
  // UTF-8 on purpose: the HMAC is over bytes, and 开通成功 is 12 of them.
  responseBody: '{"resultCode":"000000","resultMsg":"开通成功 (instance created)","instanceId":"inst-0001"}',
  bodySign: 'sign_type="HMAC-SHA256", signature="3c0ae5820ddf2f5d2bd5e090bfef01efb370e4d232354e748c8ec56a84fba579"',
};
const at = (offsetMs: number) => new Date(vector.timestamp + offsetMs);
const validQuery = { accessKey: vector.accessKey, timestamp: String(vector.timestamp), nonce: vector.nonce, signature: vector.signature };

describe('request signature (SEL-4): the fixed test vector', () => {
  it('hashes the body and signs accessKey + nonce + timestamp + body hash', () => {
    expect(sha256Hex(vector.body)).toBe(vector.bodySha256);
    expect(requestStringToSign(vector)).toBe(`stratus-test-key3f9a1c0e7b2d4e6f8a1b1767225600000${vector.bodySha256}`);
    expect(signRequest(vector)).toBe(vector.signature);
  });

  it('signs the same bytes whether given a string or its UTF-8 bytes', () => {
    expect(signRequest({ ...vector, body: Buffer.from(vector.body, 'utf8') })).toBe(vector.signature);
  });

  it('signedQuery gives the four URL parameters, with a fresh nonce of at least 16 characters by default', () => {
    expect(signedQuery({ accessKey: vector.accessKey, secret: vector.secret, body: vector.body, timestamp: vector.timestamp, nonce: vector.nonce })).toEqual(validQuery);
    const first = signedQuery({ accessKey: vector.accessKey, secret: vector.secret, body: vector.body, timestamp: vector.timestamp });
    const second = signedQuery({ accessKey: vector.accessKey, secret: vector.secret, body: vector.body, timestamp: vector.timestamp });
    expect(first.nonce.length).toBeGreaterThanOrEqual(16);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.signature).not.toBe(second.signature);
    expect(newNonce()).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('verifyRequest (SEL-4)', () => {
  const check = (over: Partial<Parameters<typeof verifyRequest>[0]> = {}) =>
    verifyRequest({ query: validQuery, body: vector.body, secret: vector.secret, now: at(0), ...over });

  it('accepts the test vector, and its signature in upper case', () => {
    expect(check()).toEqual({ ok: true });
    expect(check({ query: { ...validQuery, signature: vector.signature.toUpperCase() } })).toEqual({ ok: true });
  });

  it('refuses a tampered body, a wrong secret, another key id, a moved timestamp', () => {
    expect(check({ body: vector.body.replace('"amountFen":9900', '"amountFen":9901') })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ body: `${vector.body} ` })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ secret: 'test-secret-do-not-use-in-productioN' })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ query: { ...validQuery, accessKey: 'stratus-test-key2' } })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ query: { ...validQuery, timestamp: String(vector.timestamp + 1) }, now: at(1) })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ query: { ...validQuery, signature: 'not-hex' } })).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('accepts a timestamp 60 s off either way and refuses one 61 s off', () => {
    expect(check({ now: at(60_000) })).toEqual({ ok: true });
    expect(check({ now: at(-60_000) })).toEqual({ ok: true });
    expect(check({ now: at(60_001) })).toEqual({ ok: false, reason: 'staleTimestamp' });
    expect(check({ now: at(61_000) })).toEqual({ ok: false, reason: 'staleTimestamp' });
    expect(check({ now: at(-61_000) })).toEqual({ ok: false, reason: 'staleTimestamp' });
    expect(check({ now: at(5_000), maxSkewMs: 1_000 })).toEqual({ ok: false, reason: 'staleTimestamp' });
  });

  it('refuses a timestamp that is not UNIX milliseconds', () => {
    expect(check({ query: { ...validQuery, timestamp: '2026-01-01T00:00:00Z' } })).toEqual({ ok: false, reason: 'staleTimestamp' });
    // Seconds read as milliseconds are decades off.
    expect(check({ query: { ...validQuery, timestamp: '1767225600' } })).toEqual({ ok: false, reason: 'staleTimestamp' });
    expect(check({ query: { ...validQuery, timestamp: '-1767225600000' } })).toEqual({ ok: false, reason: 'staleTimestamp' });
  });

  it('refuses a missing parameter and a nonce under 16 characters', () => {
    for (const name of ['accessKey', 'timestamp', 'nonce', 'signature'] as const) {
      expect(check({ query: { ...validQuery, [name]: undefined } })).toEqual({ ok: false, reason: 'missingParameter' });
      expect(check({ query: { ...validQuery, [name]: '' } })).toEqual({ ok: false, reason: 'missingParameter' });
    }
    const nonce = vector.nonce.slice(0, 15);
    const signature = signRequest({ ...vector, nonce });
    expect(check({ query: { ...validQuery, nonce, signature } })).toEqual({ ok: false, reason: 'missingParameter' });
    const nonce16 = vector.nonce.slice(0, 16);
    expect(check({ query: { ...validQuery, nonce: nonce16, signature: signRequest({ ...vector, nonce: nonce16 }) } })).toEqual({ ok: true });
  });
});

describe('Body-Sign (SEL-4): the fixed test vector', () => {
  it('signs the exact response bytes', () => {
    expect(bodySignHeader(vector.secret, vector.responseBody)).toBe(vector.bodySign);
    expect(bodySignHeader(vector.secret, Buffer.from(vector.responseBody, 'utf8'))).toBe(vector.bodySign);
  });

  it('verifies the answer it was made for, and nothing else', () => {
    expect(verifyBodySign(vector.secret, vector.bodySign, vector.responseBody)).toBe(true);
    expect(verifyBodySign(vector.secret, vector.bodySign, vector.responseBody.replace('inst-0001', 'inst-0002'))).toBe(false);
    expect(verifyBodySign('another-secret', vector.bodySign, vector.responseBody)).toBe(false);
    expect(verifyBodySign(vector.secret, undefined, vector.responseBody)).toBe(false);
    expect(verifyBodySign(vector.secret, '', vector.responseBody)).toBe(false);
  });

  it('reads the header in any order and spacing, and nothing but HMAC-SHA256', () => {
    const signature = '3c0ae5820ddf2f5d2bd5e090bfef01efb370e4d232354e748c8ec56a84fba579';
    expect(parseBodySign(vector.bodySign)).toEqual({ signType: 'HMAC-SHA256', signature });
    expect(parseBodySign(`signature="${signature.toUpperCase()}",sign_type="hmac-sha256"`)).toEqual({ signType: 'HMAC-SHA256', signature });
    expect(parseBodySign(`sign_type="HMAC-SHA1", signature="${signature}"`)).toBeNull();
    expect(parseBodySign(`sign_type="HMAC-SHA256", signature="${signature.slice(1)}"`)).toBeNull();
    expect(parseBodySign(`sign_type=HMAC-SHA256, signature=${signature}`)).toBeNull();
    expect(parseBodySign(null)).toBeNull();
  });
});

describe('parseSellerAnswer (SEL-5)', () => {
  it('accepts the test vector answer to newInstance', () => {
    expect(parseSellerAnswer(vector.responseBody, 'newInstance')).toEqual({
      ok: true,
      answer: { resultCode: '000000', resultMsg: '开通成功 (instance created)', instanceId: 'inst-0001' },
    });
  });

  it('accepts every known code; a failure answer is still a well-formed answer', () => {
    for (const code of ['000000', '000001', '000002', '000003', '000004', '000005', '000100']) {
      expect(parseSellerAnswer(JSON.stringify({ resultCode: code, resultMsg: '' }), 'refreshInstance')).toEqual({ ok: true, answer: { resultCode: code, resultMsg: '' } });
    }
    expect(parseSellerAnswer('{"resultCode":"000100","resultMsg":"sold out"}', 'newInstance')).toMatchObject({ ok: true });
  });

  it('accepts a frontEndUrl of 512 characters and a resultMsg of 255', () => {
    const frontEndUrl = `https://seller.example/${'a'.repeat(512 - 23)}`;
    const answer = { resultCode: '000000', resultMsg: '字'.repeat(255), instanceId: 'inst-1', frontEndUrl };
    expect(parseSellerAnswer(JSON.stringify(answer), 'newInstance')).toEqual({ ok: true, answer });
  });

  it.each([
    ['not JSON', 'OK', 'notJson'],
    ['an HTML error page', '<html>502</html>', 'notJson'],
    ['a JSON array', '[]', 'badShape'],
    ['null', 'null', 'badShape'],
    ['no resultCode', '{"resultMsg":"ok"}', 'badShape'],
    ['a numeric resultCode', '{"resultCode":0,"resultMsg":"ok"}', 'unknownResultCode'],
    ['an unknown resultCode', '{"resultCode":"000006","resultMsg":"ok"}', 'unknownResultCode'],
    ['no resultMsg', '{"resultCode":"000000","instanceId":"inst-1"}', 'badShape'],
    ['a resultMsg of 256 characters', JSON.stringify({ resultCode: '000000', resultMsg: 'x'.repeat(256), instanceId: 'inst-1' }), 'resultMsgTooLong'],
    ['a successful newInstance without instanceId', '{"resultCode":"000000","resultMsg":"ok"}', 'missingInstanceId'],
    ['an empty instanceId', '{"resultCode":"000000","resultMsg":"ok","instanceId":""}', 'missingInstanceId'],
    ['a numeric instanceId', '{"resultCode":"000000","resultMsg":"ok","instanceId":7}', 'badShape'],
    ['an instanceId of 129 characters', JSON.stringify({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i'.repeat(129) }), 'instanceIdTooLong'],
    ['a frontEndUrl of 513 characters', JSON.stringify({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i', frontEndUrl: `https://s.example/${'a'.repeat(513 - 18)}` }), 'frontEndUrlTooLong'],
    ['a frontEndUrl that is not http(s)', JSON.stringify({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i', frontEndUrl: 'javascript:alert(1)' }), 'badFrontEndUrl'],
  ])('refuses %s', (_what, text, reason) => {
    expect(parseSellerAnswer(text, 'newInstance')).toEqual({ ok: false, reason });
  });

  it('asks for an instanceId only of a successful newInstance', () => {
    expect(parseSellerAnswer('{"resultCode":"000000","resultMsg":"ok"}', 'releaseInstance')).toEqual({ ok: true, answer: { resultCode: '000000', resultMsg: 'ok' } });
  });
});

describe('sellerCallBody (SEL-4): the one builder of the call body', () => {
  const facts: SellerCall = { activity: 'newInstance', orderId: 'o-7k2m9q4w8e1r5t3y6u0p', orderLineId: 'l-3h8j1k5m9n2b6v4c7x0z', productCode: 'lnmp000101', skuCode: 'lnmp000101-monthly', accountId: '1234567890123456', regionId: 'cn-hangzhou', period: { unit: 'month', count: 1 }, amountFen: 9900, testOrder: true };

  it('gives the test vector byte for byte, whatever order the facts come in', () => {
    expect(sellerCallBody(facts)).toBe(vector.body);
    const reversed = Object.fromEntries(Object.entries(facts).reverse()) as SellerCall;
    expect(sellerCallBody(reversed)).toBe(vector.body);
  });

  it('puts the instance id after the order line and the status after the amount, and leaves absent fields out', () => {
    const body = sellerCallBody({ ...facts, activity: 'updateInstanceStatus', instanceId: 'inst-0001', status: 'frozen', testOrder: undefined, period: null });
    expect(Object.keys(JSON.parse(body))).toEqual(['activity', 'orderId', 'orderLineId', 'instanceId', 'productCode', 'skuCode', 'accountId', 'regionId', 'period', 'amountFen', 'status']);
    expect(JSON.parse(body).period).toBeNull();
  });
});

describe('lastErrorParts (SEL-5): a delivery’s last error as the deliveries list words it', () => {
  it('a verdict alone, or a verdict and the seller’s answer (its code and message, which may hold spaces)', () => {
    expect(lastErrorParts('timeout')).toEqual({ verdict: 'timeout', answer: null });
    expect(lastErrorParts('resultCode 1001: out of stock today')).toEqual({ verdict: 'resultCode', answer: '1001: out of stock today' });
  });
});
