// IMP-8: a ClientToken makes a state-changing call idempotent. The same token with the same
// parameters returns the first result and changes nothing; with other parameters it fails.
// The first result is stored as JSON; the caller's schema turns it back into the same types
// (a Date comes back a Date, not the string JSON made of it).
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { idempotencyRecords } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import type { Tx } from './transaction';

function hash(parameters: unknown): string {
  const canonical = JSON.stringify(parameters, (_, value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value));
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Runs `work` once per (account, action, token) inside the caller's transaction. */
export function once<T extends object>(tx: Tx, actor: Actor, action: string, clientToken: string | undefined, parameters: unknown, result: z.ZodType<T>, work: () => T): T {
  if (!clientToken) return work();
  const key = and(eq(idempotencyRecords.accountId, actor.accountId), eq(idempotencyRecords.action, action), eq(idempotencyRecords.clientToken, clientToken));
  const digest = hash(parameters);
  const seen = tx.select().from(idempotencyRecords).where(key).get();
  if (seen) {
    if (seen.parametersHash !== digest) throw new CloudError('IdempotentParameterMismatch', {}, 'clientToken');
    return result.parse(seen.result);
  }
  const first = work();
  tx.insert(idempotencyRecords).values({ accountId: actor.accountId, action, clientToken, parametersHash: digest, result: first, createdAt: clock.now() }).run();
  return first;
}
