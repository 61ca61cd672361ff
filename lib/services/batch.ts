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
async function eachOf(ids: unknown, work: (id: string) => Promise<unknown>): Promise<BatchOutcome[]> {
  const parsed = parseInput(idsSchema, { ids }, { ids: 'InvalidParameter' });
  const outcomes: BatchOutcome[] = [];
  // One after another: each item's transaction sees the ones before it.
  for (const id of new Set(parsed.ids)) {
    try {
      await work(id);
      outcomes.push({ id, ok: true });
    } catch (error) {
      if (error instanceof CloudError) outcomes.push({ id, ok: false, error });
      else {
        console.error('[batch] unexpected error for', id, error);
        outcomes.push({ id, ok: false, error: new CloudError('InternalError') });
      }
    }
  }
  return outcomes;
}

/** Starts, stops or releases each of the caller's instances named (at most MAX_BATCH). */
export function batchInstances(actor: Actor, action: InstanceBatchAction, ids: unknown): Promise<BatchOutcome[]> {
  const change = lifecycleChange(parseInput(actionSchema, { action }, { action: 'InvalidParameter' }).action);
  return eachOf(ids, (id) => change(actor, id));
}

/** Deletes each of the caller's custom images named (at most MAX_BATCH). */
export function batchDeleteImages(actor: Actor, ids: unknown): Promise<BatchOutcome[]> {
  return eachOf(ids, (id) => deleteImage(actor, id));
}
