// rate-limiter-flexible limiters, one per (name, limit, window): the limits are platform
// settings read on every call, so a changed setting gets a limiter of its own on the next call.
// Stored limiters count in the rate_limits table (shared by processes, kept across restarts;
// the key prefix is the name alone, so a changed limit keeps the counts); memory limiters
// count in this process for short windows.
import { RateLimiterDrizzle, RateLimiterMemory } from 'rate-limiter-flexible';
import { getDb, type Db } from '../../db/client';
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

/**
 * The store's queries run on the connection of the transaction that counts (on PostgreSQL each
 * transaction has its own), not on the one that happened to be current when the limiter was made.
 */
const currentConnection = new Proxy({} as Db, {
  get(_, key) {
    const db = getDb();
    const value = Reflect.get(db, key) as unknown;
    return typeof value === 'function' ? value.bind(db) : value;
  },
});

export const storedLimiter = (name: string, points: number, seconds: number): RateLimiterDrizzle =>
  cached(stored, name, points, seconds, () => new RateLimiterDrizzle({ storeClient: currentConnection, schema: rateLimits, keyPrefix: name, points, duration: seconds }));
