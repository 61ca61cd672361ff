// Calls refused before anyone is known to be calling (a bad key, signature or time on the ECS
// API; an unsigned payment notification) each cost an audit row. One client address gets a
// budget of them a minute (apiRefusalsPerAddressPerMinute, ADM-4); past it, its calls are
// answered Throttling at once, without the work and without the row, until the minute ends.
// In memory, like the per-key API limit: the window is short and it guards this process's work.
import { RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '../../db/client';
import { throttled } from '../domain/errors';
import { memoryLimiter } from './limiters';
import { readSettings } from './settings';

const limiter = async () => memoryLimiter('refusals', (await readSettings(getDb())).apiRefusalsPerAddressPerMinute, 60);


/** Throws Throttling when the address has used up its refusals this minute. */
export async function assertRefusalBudget(scope: string, address: string): Promise<void> {
  const l = await limiter();
  const used = await l.get(`${scope}:${address}`);
  if (used && used.consumedPoints >= l.points) throw throttled('Throttling', used.msBeforeNext);
}

/** Counts one refusal; false once the budget is spent (the refusal is then not audited). */
export async function spendRefusal(scope: string, address: string): Promise<boolean> {
  try {
    await (await limiter()).consume(`${scope}:${address}`);
    return true;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return false;
    throw refusal;
  }
}
