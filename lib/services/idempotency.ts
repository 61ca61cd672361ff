// IMP-8: a ClientToken makes a state-changing call idempotent. The same token with the same
// parameters returns the first result and changes nothing; with other parameters it fails.
// The first result is stored as JSON; the caller's schema turns it back into the same types
// (a Date comes back a Date, not the string JSON made of it).
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { changedRows } from '../../db/portable';
import { idempotencyRecords } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import type { Tx } from './transaction';

function hash(parameters: unknown): string {
  const canonical = JSON.stringify(parameters, (_, value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value));
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/**
 * Runs `work` once per (account, action, token) inside the caller's transaction. The token is
 * claimed first (an insert that does nothing when the key is taken): a second call with it on
 * another connection waits for the first to commit, then reads its result — on PostgreSQL a
 * look first would let both miss the row and the second fail on the unique key.
 */
export async function once<T extends object>(tx: Tx, actor: Actor, action: string, clientToken: string | undefined, parameters: unknown, result: z.ZodType<T>, work: () => T | Promise<T>): Promise<T> {
  if (!clientToken) return work();
  const key = and(eq(idempotencyRecords.accountId, actor.accountId), eq(idempotencyRecords.action, action), eq(idempotencyRecords.clientToken, clientToken));
  const digest = hash(parameters);
  // The result is written when there is one; a refusal rolls the claim back with the rest.
  const claim = await tx.insert(idempotencyRecords).values({ accountId: actor.accountId, action, clientToken, parametersHash: digest, result: {}, createdAt: clock.now() }).onConflictDoNothing();
  if (changedRows(claim) === 0) {
    const seen = (await tx.select().from(idempotencyRecords).where(key).limit(1)).at(0)!;
    if (seen.parametersHash !== digest) throw new CloudError('IdempotentParameterMismatch', {}, 'clientToken');
    return result.parse(seen.result);
  }
  const first = await work();
  await tx.update(idempotencyRecords).set({ result: first }).where(key);
  return first;
}
