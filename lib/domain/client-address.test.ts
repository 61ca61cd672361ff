// Issue 12 (sign-in throttling): the client address comes from X-Forwarded-For only as far as
// the operator trusts its proxies (STRATUS_TRUSTED_PROXY); otherwise it is the connection's peer,
// which the server appends to the header (withPeer), so a client's own claim is never believed.
import { describe, expect, it } from 'vitest';
import { clientAddress, forwardedHttps, UNKNOWN_ADDRESS, withPeer } from './client-address';

const peer = '10.0.0.2';
const seen = (header: string | undefined, hops: number) => clientAddress(withPeer(header, peer) ?? null, hops);

describe('clientAddress', () => {
  it('without a trusted proxy, the peer of the connection, whatever the client wrote', () => {
    expect(seen(undefined, 0)).toBe(peer);
    expect(seen('1.1.1.1', 0)).toBe(peer);
    expect(seen('1.1.1.1, 203.0.113.9', 0)).toBe(peer);
    expect(clientAddress(null, 0)).toBe(UNKNOWN_ADDRESS);
    // A socket already gone has no peer: the client's claim is still not believed.
    expect(clientAddress(withPeer('1.1.1.1', undefined), 0)).toBe(UNKNOWN_ADDRESS);
  });

  it('with one trusted proxy (the peer), the address that proxy appended is the client', () => {
    expect(seen('203.0.113.9', 1)).toBe('203.0.113.9');
    // The attacker wrote "1.1.1.1"; the proxy appended the real address.
    expect(seen('1.1.1.1, 203.0.113.9', 1)).toBe('203.0.113.9');
    // A trusted proxy that was bypassed appended nothing: no address, one shared unknown bucket.
    expect(seen(undefined, 1)).toBe(UNKNOWN_ADDRESS);
  });

  it('with two trusted proxies, the one the outer proxy appended', () => {
    expect(seen('1.1.1.1, 203.0.113.9, 10.0.0.3', 2)).toBe('203.0.113.9');
    expect(seen('10.0.0.3', 2)).toBe(UNKNOWN_ADDRESS);
  });

  it('one spelling per address, and garbage is the unknown bucket', () => {
    expect(seen('::ffff:203.0.113.9', 1)).toBe('203.0.113.9');
    expect(seen('2001:db8:0:0::1', 1)).toBe('2001:db8::1');
    expect(seen('not-an-address', 1)).toBe(UNKNOWN_ADDRESS);
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
