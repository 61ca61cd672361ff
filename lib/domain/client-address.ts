// Who is calling, for throttling by client address. X-Forwarded-For is whatever the client
// wrote unless a proxy the operator runs wrote it, and `next start` keeps a client's header as
// it is (it fills in the socket address only when the header is missing), so the header is
// believed only as far as STRATUS_TRUSTED_PROXY says: with N trusted hops, each proxy appended
// the address it saw, and the client is the N-th entry from the right. Without a trusted proxy
// the last entry is the socket address when the client wrote none, and the client's own claim
// when it did: such a client can dodge the per-address limit (the per-user one still holds) but
// not lock the whole site out, as one bucket shared by every caller would let it.
import ipaddr from 'ipaddr.js';

export const UNKNOWN_ADDRESS = 'unknown';

export function clientAddress(forwardedFor: string | null, trustedHops: number): string {
  if (!forwardedFor) return UNKNOWN_ADDRESS;
  const hops = forwardedFor.split(',').map((entry) => entry.trim());
  const entry = hops[hops.length - Math.max(trustedHops, 1)];
  if (!entry || !ipaddr.isValid(entry)) return UNKNOWN_ADDRESS;
  // One spelling per address: "::ffff:1.2.3.4" is 1.2.3.4, "0:0::1" is "::1".
  return ipaddr.process(entry).toString();
}

/** Whether the request reached the site over https, as the trusted proxy says (for HSTS). */
export function forwardedHttps(forwardedProto: string | null, trustedHops: number): boolean {
  if (trustedHops < 1 || !forwardedProto) return false;
  const hops = forwardedProto.split(',').map((entry) => entry.trim().toLowerCase());
  return hops[Math.max(hops.length - trustedHops, 0)] === 'https';
}
