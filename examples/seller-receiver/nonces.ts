// Nonces already accepted, so a captured call cannot be replayed (SEL-4). In memory: a nonce
// only needs keeping while its timestamp is still fresh; after that the timestamp check
// refuses the replay anyway. A restart forgets them, which is safe because every call is
// also idempotent per order line (orders.ts): a replay changes nothing.

export type NonceStore = { claim(nonce: string, timestampMs: number, now: number): boolean; size(): number };

export function createNonceStore(maxSkewMs: number): NonceStore {
  const seen = new Map<string, number>(); // nonce → when it may be forgotten
  return {
    /** True the first time a nonce is seen; false for a reuse. */
    claim(nonce, timestampMs, now) {
      for (const [old, forgetAt] of seen) if (forgetAt < now) seen.delete(old);
      if (seen.has(nonce)) return false;
      seen.set(nonce, timestampMs + maxSkewMs);
      return true;
    },
    size: () => seen.size,
  };
}
