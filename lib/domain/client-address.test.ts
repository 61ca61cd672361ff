// Issue 12 (sign-in throttling): the client address comes from X-Forwarded-For only as far as
// the operator trusts its proxies (STRATUS_TRUSTED_PROXY); otherwise the address as `next start` passes it.
import { describe, expect, it } from 'vitest';
import { clientAddress, forwardedHttps, UNKNOWN_ADDRESS } from './client-address';

describe('clientAddress', () => {
  it('without a trusted proxy, the last entry: the socket address next start filled in, or what the client wrote (its own bucket, never a shared one)', () => {
    expect(clientAddress('203.0.113.9', 0)).toBe('203.0.113.9');
    expect(clientAddress('1.1.1.1, 203.0.113.9', 0)).toBe('203.0.113.9');
    expect(clientAddress(null, 0)).toBe(UNKNOWN_ADDRESS);
  });

  it('with one trusted proxy, the address that proxy appended (the last entry) is the client', () => {
    expect(clientAddress('203.0.113.9', 1)).toBe('203.0.113.9');
    // The attacker wrote "1.1.1.1"; the proxy appended the real address.
    expect(clientAddress('1.1.1.1, 203.0.113.9', 1)).toBe('203.0.113.9');
  });

  it('with two trusted proxies, the second entry from the right', () => {
    expect(clientAddress('1.1.1.1, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', 2)).toBe(UNKNOWN_ADDRESS);
  });

  it('one spelling per address, and garbage is the unknown bucket', () => {
    expect(clientAddress('::ffff:203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8:0:0::1', 1)).toBe('2001:db8::1');
    expect(clientAddress('not-an-address', 1)).toBe(UNKNOWN_ADDRESS);
  });
});

describe('forwardedHttps', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(forwardedHttps('https', 0)).toBe(false);
    expect(forwardedHttps('https', 1)).toBe(true);
    expect(forwardedHttps('http', 1)).toBe(false);
    expect(forwardedHttps(null, 1)).toBe(false);
  });
});
