// The kinds of background job and the payload each carries. A job row stores its kind as text;
// this registry is the only list of kinds, so a typo or a wrong payload fails to compile where
// the job is enqueued, and a row that matches no entry is refused when it is run.
import { z } from 'zod';

const taskPayload = z.object({ taskId: z.string() });
const noPayload = z.object({});

export const jobPayloads = {
  'instance.boot': z.object({ accountId: z.string(), instanceIds: z.array(z.string()).min(1) }),
  'image.task': taskPayload,
  'image.import': taskPayload,
  'billing.sweep': noPayload,
  'seller.deliveries': noPayload,
  // MKT-9: bring one group to its desired capacity now (its owner changed it).
  'scaling.reconcile': z.object({ accountId: z.string(), groupId: z.string(), cause: z.enum(['desired', 'schedule']) }),
  'scaling.sweep': noPayload,
} as const;

export type JobKind = keyof typeof jobPayloads;
export type JobPayload<K extends JobKind> = z.infer<(typeof jobPayloads)[K]>;

/** One job as read back from its row: the kind and the payload its schema accepted. */
export type DecodedJob = { [K in JobKind]: { kind: K; payload: JobPayload<K> } }[JobKind];

/** Jobs that run again and again, with the pause between runs. */
export type RecurringJobKind = 'billing.sweep' | 'seller.deliveries' | 'scaling.sweep';
export const recurringJobs: ReadonlyMap<RecurringJobKind, number> = new Map<RecurringJobKind, number>([
  // MKT-10 settles ended hours; MKT-11 freezes and releases. Every run catches up what is due,
  // so a server that was down simply settles the missed hours when it is back.
  ['billing.sweep', 60_000],
  // SEL-5: the outbox of lifecycle calls to sellers.
  ['seller.deliveries', 2_000],
  // MKT-9: scheduled actions that are due, and members to replace (health).
  ['scaling.sweep', 30_000],
]);

export function isRecurringJob(kind: JobKind): kind is RecurringJobKind {
  return recurringJobs.has(kind as RecurringJobKind);
}

/** Reads a stored row: its kind must be registered and its payload must pass that kind's schema. */
export function decodeJob(kind: string, payload: unknown): { ok: true; job: DecodedJob } | { ok: false; reason: string } {
  if (!Object.hasOwn(jobPayloads, kind)) return { ok: false, reason: `unknown job kind "${kind}"` };
  const parsed = jobPayloads[kind as JobKind].safeParse(payload);
  if (!parsed.success) return { ok: false, reason: `payload of ${kind} does not match its schema: ${z.prettifyError(parsed.error)}` };
  return { ok: true, job: { kind, payload: parsed.data } as DecodedJob };
}
