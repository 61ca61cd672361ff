// The published test vectors (docs/seller-interface.md in Stratus): if these pass, this
// receiver signs and checks exactly as the marketplace does.
import { describe, expect, it } from 'vitest';
import { bodySign, sha256Hex, signRequest, verifyBodySign, verifyRequest } from './signing.js';

const vector = {
  accessKey: 'stratus-test-key',
  secret: 'test-secret-do-not-use-in-production',
  nonce: '3f9a1c0e7b2d4e6f8a1b',
  timestamp: '1767225600000',
  body: '{"activity":"newInstance","orderId":"o-7k2m9q4w8e1r5t3y6u0p","orderLineId":"l-3h8j1k5m9n2b6v4c7x0z","productCode":"lnmp000101","skuCode":"lnmp000101-monthly","accountId":"1234567890123456","regionId":"cn-hangzhou","period":{"unit":"month","count":1},"amountFen":9900,"testOrder":true}',
  bodySha256: '481f7dae789f692b5d947abe87649edc89d0c38e8680452e17e47bc1fd19e5be',
  signature: 'fcd2bf99dd604d8f3ac0b2055985a9192072d6ffd336e221dbc60740cbb6fc9c',
  responseBody: '{"resultCode":"000000","resultMsg":"开通成功 (instance created)","instanceId":"inst-0001"}',
  bodySign: 'sign_type="HMAC-SHA256", signature="3c0ae5820ddf2f5d2bd5e090bfef01efb370e4d232354e748c8ec56a84fba579"',
};
const query = (over: Record<string, string> = {}) =>
  new URLSearchParams({ accessKey: vector.accessKey, timestamp: vector.timestamp, nonce: vector.nonce, signature: vector.signature, ...over });
const now = Number(vector.timestamp);

describe('the published test vectors', () => {
  it('request: body hash and signature', () => {
    expect(sha256Hex(vector.body)).toBe(vector.bodySha256);
    expect(signRequest(vector)).toBe(vector.signature);
    expect(verifyRequest({ query: query(), body: vector.body, secret: vector.secret, now })).toEqual({ ok: true });
  });

  it('answer: Body-Sign over the UTF-8 bytes', () => {
    expect(bodySign(vector.secret, vector.responseBody)).toBe(vector.bodySign);
    expect(verifyBodySign(vector.secret, vector.bodySign, vector.responseBody)).toBe(true);
    expect(verifyBodySign(vector.secret, vector.bodySign, vector.responseBody.replace('0001', '0002'))).toBe(false);
    expect(verifyBodySign('wrong', vector.bodySign, vector.responseBody)).toBe(false);
  });
});

describe('verifyRequest', () => {
  it('refuses a tampered body and a wrong secret', () => {
    expect(verifyRequest({ query: query(), body: vector.body.replace('9900', '1'), secret: vector.secret, now })).toEqual({ ok: false, reason: 'badSignature' });
    expect(verifyRequest({ query: query(), body: vector.body, secret: 'wrong', now })).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('accepts 60 s off either way, refuses 61 s', () => {
    for (const offset of [60_000, -60_000]) expect(verifyRequest({ query: query(), body: vector.body, secret: vector.secret, now: now + offset })).toEqual({ ok: true });
    for (const offset of [61_000, -61_000]) {
      expect(verifyRequest({ query: query(), body: vector.body, secret: vector.secret, now: now + offset })).toEqual({ ok: false, reason: 'staleTimestamp' });
    }
  });

  it('refuses a missing parameter and a short nonce', () => {
    const q = query();
    q.delete('nonce');
    expect(verifyRequest({ query: q, body: vector.body, secret: vector.secret, now })).toEqual({ ok: false, reason: 'missingParameter' });
    expect(verifyRequest({ query: query({ nonce: 'short' }), body: vector.body, secret: vector.secret, now })).toEqual({ ok: false, reason: 'missingParameter' });
  });
});
