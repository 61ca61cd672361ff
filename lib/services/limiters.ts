// rate-limiter-flexible limiters, one per (name, limit, window): the limits are platform
// settings read on every call, so a changed setting gets a limiter of its own on the next call.
// Stored limiters count in the rate_limits table (shared by processes, kept across restarts;
// the key prefix is the name alone, so a changed limit keeps the counts); memory limiters
// count in this process for short windows.
import { RateLimiterDrizzle, RateLimiterMemory } from 'rate-limiter-flexible';
import { getDb } from '../../db/client';
import { rateLimits } from '../../db/schema';

const memory = new Map<string, RateLimiterMemory>();
const stored = new Map<string, RateLimiterDrizzle>();

function cached<L>(cache: Map<string, L>, name: string, points: number, seconds: number, make: () => L): L {
  const id = `${name}/${points}/${seconds}`;
  let found = cache.get(id);
  if (!found) cache.set(id, (found = make()));
  return found;
}

export const memoryLimiter = (name: string, points: number, seconds: number): RateLimiterMemory =>
  cached(memory, name, points, seconds, () => new RateLimiterMemory({ keyPrefix: name, points, duration: seconds }));

export const storedLimiter = (name: string, points: number, seconds: number): RateLimiterDrizzle =>
  cached(stored, name, points, seconds, () => new RateLimiterDrizzle({ storeClient: getDb(), schema: rateLimits, keyPrefix: name, points, duration: seconds }));
