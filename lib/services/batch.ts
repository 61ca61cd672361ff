// Batch actions (issue 16): each item goes through its own single-item use case — its own
// transaction, checks and audit row — and the batch reports how each one ended.
import { z } from 'zod';
import type { Actor } from '../domain/actor';
import { MAX_BATCH, type InstanceBatchAction } from '../domain/batch';
import { CloudError } from '../domain/errors';
import { parseInput } from '../domain/validation';
import { deleteImage } from './images';
import { lifecycleChange } from './instances';

export type BatchOutcome = { id: string; ok: true } | { id: string; ok: false; error: CloudError };

const idsSchema = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_BATCH) });
const actionSchema = z.object({ action: z.enum(['start', 'stop', 'release']) });

/**
 * Runs the work on each distinct id; a refusal of one (a CloudError) is its outcome, not the
 * batch's end. So is an unexpected failure of one: the items before it are done (each in its own
 * transaction), and the report must say so rather than end the whole batch in one error.
 */
function eachOf(ids: unknown, work: (id: string) => unknown): BatchOutcome[] {
  const parsed = parseInput(idsSchema, { ids }, { ids: 'InvalidParameter' });
  return [...new Set(parsed.ids)].map((id) => {
    try {
      work(id);
      return { id, ok: true as const };
    } catch (error) {
      if (error instanceof CloudError) return { id, ok: false as const, error };
      console.error('[batch] unexpected error for', id, error);
      return { id, ok: false as const, error: new CloudError('InternalError') };
    }
  });
}

/** Starts, stops or releases each of the caller's instances named (at most MAX_BATCH). */
export function batchInstances(actor: Actor, action: InstanceBatchAction, ids: unknown): BatchOutcome[] {
  const change = lifecycleChange(parseInput(actionSchema, { action }, { action: 'InvalidParameter' }).action);
  return eachOf(ids, (id) => change(actor, id));
}

/** Deletes each of the caller's custom images named (at most MAX_BATCH). */
export function batchDeleteImages(actor: Actor, ids: unknown): BatchOutcome[] {
  return eachOf(ids, (id) => deleteImage(actor, id));
}
