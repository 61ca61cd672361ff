// What each kind of job does. Handlers call the same services the console and the API use.
import { z } from 'zod';
import { newRequestId } from '../domain/ids';
import type { Actor } from '../domain/actor';
import { advanceImageTask } from '../services/images';
import { advanceImport } from '../services/imports';
import { completeBoot } from '../services/instances';

/** The platform acting on an account's behalf: no user, no role; audited under that account. */
function platformActor(accountId: string): Actor {
  return { userId: null, accountId, roles: [], requestId: newRequestId() };
}

const bootPayload = z.object({ accountId: z.string(), instanceIds: z.array(z.string()).min(1) });
const taskPayload = z.object({ taskId: z.string() });

export const jobHandlers: Record<string, (payload: unknown) => void | Promise<void>> = {
  'instance.boot': (payload) => {
    const { accountId, instanceIds } = bootPayload.parse(payload);
    completeBoot(platformActor(accountId), instanceIds);
  },
  'image.task': (payload) => advanceImageTask(taskPayload.parse(payload).taskId),
  'image.import': (payload) => advanceImport(taskPayload.parse(payload).taskId),
};
