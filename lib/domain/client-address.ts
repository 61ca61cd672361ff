// Who is calling, for throttling by client address. X-Forwarded-For is whatever the client
// wrote unless a proxy the operator runs wrote it, so the server (server.ts) appends the address
// of the connection's peer to it, as a proxy does, and the header is believed only as far as
// STRATUS_TRUSTED_PROXY says: with N trusted hops, each proxy appended the address it saw, and the
// client is the entry N places left of the peer. Without a trusted proxy the client is the peer.
import ipaddr from 'ipaddr.js';

export const UNKNOWN_ADDRESS = 'unknown';

export function clientAddress(forwardedFor: string | null, trustedHops: number): string {
  if (!forwardedFor) return UNKNOWN_ADDRESS;
  const hops = forwardedFor.split(',').map((entry) => entry.trim());
  const entry = hops[hops.length - 1 - trustedHops];
  if (!entry || !ipaddr.isValid(entry)) return UNKNOWN_ADDRESS;
  // One spelling per address: "::ffff:1.2.3.4" is 1.2.3.4, "0:0::1" is "::1".
  return ipaddr.process(entry).toString();
}

/** The X-Forwarded-For the app reads: what came in, then the peer of the connection (unknown when the socket is gone, never the client's own claim). */
export function withPeer(forwardedFor: string | undefined, peer: string | undefined): string {
  const last = peer || UNKNOWN_ADDRESS;
  return forwardedFor ? `${forwardedFor}, ${last}` : last;
}

/** Whether the request reached the site over https, as the trusted proxy says (for HSTS). */
export function forwardedHttps(forwardedProto: string | null, trustedHops: number): boolean {
  if (trustedHops < 1 || !forwardedProto) return false;
  const hops = forwardedProto.split(',').map((entry) => entry.trim().toLowerCase());
  return hops[Math.max(hops.length - trustedHops, 0)] === 'https';
}
