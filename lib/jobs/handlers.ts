// What each kind of job does. Handlers call the same services the console and the API use.
import { z } from 'zod';
import { newRequestId } from '../domain/ids';
import { platformActor } from '../domain/actor';
import { advanceImageTask } from '../services/images';
import { advanceImport } from '../services/imports';
import { deliverDue } from '../services/deliveries';
import { completeBoot } from '../services/instances';
import { settleHours } from '../services/metering';
import { endUnusedLicenses, expireSubscriptions, releaseExpired } from '../services/subscriptions';


const bootPayload = z.object({ accountId: z.string(), instanceIds: z.array(z.string()).min(1) });
const taskPayload = z.object({ taskId: z.string() });

/** Jobs that run again and again, with the pause between runs. */
export const recurringJobs: Record<string, number> = {
  // MKT-10 settles ended hours; MKT-11 freezes and releases. Every run catches up what is due,
  // so a server that was down simply settles the missed hours when it is back.
  'billing.sweep': 60_000,
  // SEL-5: the outbox of lifecycle calls to sellers.
  'seller.deliveries': 2_000,
};

export const jobHandlers: Record<string, (payload: unknown) => void | Promise<void>> = {
  'instance.boot': (payload) => {
    const { accountId, instanceIds } = bootPayload.parse(payload);
    completeBoot(platformActor(accountId, newRequestId()), instanceIds);
  },
  'image.task': (payload) => advanceImageTask(taskPayload.parse(payload).taskId),
  'image.import': (payload) => advanceImport(taskPayload.parse(payload).taskId),
  'billing.sweep': () => {
    settleHours(undefined, { maxAccounts: 200 });
    expireSubscriptions();
    releaseExpired();
    endUnusedLicenses();
  },
  'seller.deliveries': async () => {
    await deliverDue();
  },
};
