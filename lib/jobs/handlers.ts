// What each kind of job does. Handlers call the same services the console and the API use.
import { newRequestId } from '../domain/ids';
import { platformActor } from '../domain/actor';
import type { DecodedJob, JobPayload } from '../domain/jobs';
import { advanceImageTask } from '../services/images';
import { advanceImport } from '../services/imports';
import { deliverDue } from '../services/deliveries';
import { completeBoot } from '../services/instances';
import { sweepHours } from '../services/metering';
import { sweepSubscriptions } from '../services/subscriptions';
import { reconcileGroupFor, sweepScalingGroups } from '../services/scaling-reconcile';

/** The boot step, as the platform acting for the launching account: only its own Pending instances boot. */
export async function bootOne(payload: JobPayload<'instance.boot'>): Promise<void> {
  await completeBoot(platformActor(payload.accountId, newRequestId()), payload.instanceIds);
}

/** Runs one decoded job; the switch covers every registered kind or this fails to compile (the default case). */
export async function runJob(job: DecodedJob): Promise<void> {
  switch (job.kind) {
    case 'instance.boot':
      return await bootOne(job.payload);
    case 'image.task':
      return await advanceImageTask(job.payload.taskId);
    case 'image.import':
      return await advanceImport(job.payload.taskId);
    case 'billing.sweep':
      await sweepHours();
      await sweepSubscriptions();
      return;
    case 'scaling.reconcile':
      return await reconcileGroupFor(job.payload.accountId, job.payload.groupId, job.payload.cause);
    case 'scaling.sweep':
      return await sweepScalingGroups();
    case 'seller.deliveries':
      await deliverDue();
      return;
    default: {
      // Compiles only while every kind of the registry has its case above.
      const unhandled: never = job;
      throw new Error(`no handler for ${(unhandled as DecodedJob).kind}`);
    }
  }
}
