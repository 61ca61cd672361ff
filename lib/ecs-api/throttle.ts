// API-2: calls per second per AccessKey, reads (Describe…) and changes counted apart, at the
// limits of the platform settings (apiReadsPerSecond, apiWritesPerSecond, ADM-4).
//
// The counters live in this process's memory (RateLimiterMemory), not in the rate_limits table:
// a window is one second, so a restart loses at most one second of counting, and a database
// write for every call would queue behind SQLite's single writer, slowing every account's calls
// to protect against one. With several server processes each allows the limit; sign-in, whose
// windows are minutes long, keeps its counters in the database.
import { RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '../../db/client';
import { throttled } from '../domain/errors';
import { memoryLimiter } from '../services/limiters';
import { readSettings } from '../services/settings';

type ActionClass = 'read' | 'write';

/** Counts one call; over the limit, Throttling.User with the seconds to wait (Retry-After). */
export async function throttle(accessKeyId: string, isRead: boolean): Promise<void> {
  const settings = await readSettings(getDb());
  const kind: ActionClass = isRead ? 'read' : 'write';
  const limiter = memoryLimiter(`ecs-${kind}`, kind === 'read' ? settings.apiReadsPerSecond : settings.apiWritesPerSecond, 1);
  try {
    await limiter.consume(accessKeyId);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    throw throttled('Throttling.User', refusal.msBeforeNext);
  }
}
