// Durable background work. A job is a row; the worker claims due rows with a lease, so a job
// whose process died is claimed again when its lease runs out (restart-safe, nothing lost).
import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { preparedQuery, preparedStatement } from '../../db/prepared';
import { jobs } from '../../db/schema';
import { clock } from '../clock';
import { config } from '../config';
import { jobPayloads, recurringJobs, type JobKind, type JobPayload, type RecurringJobKind } from '../domain/jobs';
import { infrastructure, read, type Tx } from './transaction';
import { changedRows, lockName, skippingLocked } from '../../db/portable';

export type Job = typeof jobs.$inferSelect;

export const JOB_LEASE_MS = config.jobLeaseMs;
const MAX_ATTEMPTS = 8;

const jobInsert = preparedQuery((db) =>
  db.insert(jobs).values({ kind: sql.placeholder('kind'), payload: sql.placeholder('payload'), runAt: sql.placeholder('runAt'), createdAt: sql.placeholder('createdAt') }).prepare(),
);

/** Written inside the caller's transaction (`tx`, the process connection: db/prepared.ts): the job exists if and only if the change does. */
export async function enqueueJob<K extends JobKind>(_tx: Tx, kind: K, payload: JobPayload<K>, runAt: Date = clock.now()): Promise<void> {
  await jobInsert().execute({ kind, payload, runAt, createdAt: clock.now() });
}

/**
 * Takes up to `limit` due jobs (of one kind, of kinds the registry does not know, or of any) and
 * leases them, in one UPDATE … RETURNING: two server processes never both win a job while its
 * lease runs. Under SQLite's write lock one claim runs at a time; on PostgreSQL the due jobs are
 * picked past the rows another claim has locked (SKIP LOCKED), and the UPDATE checks again that
 * each is free, on the row as it is when the lock is had.
 */
export async function claimDueJobs(limit = 10, kind?: JobKind | 'unregistered'): Promise<Job[]> {
  const now = clock.now();
  const leaseUntil = new Date(now.getTime() + JOB_LEASE_MS);
  const free = and(eq(jobs.state, 'waiting'), lte(jobs.runAt, now), or(isNull(jobs.leaseUntil), lte(jobs.leaseUntil, now)));
  const due = (db: Tx, n: number) => db.select({ id: jobs.id }).from(jobs).where(and(kindFilter(kind), free)).orderBy(asc(jobs.runAt), asc(jobs.id)).limit(n);
  // An idle poll only reads: no write lock is taken (nor a commit made) when nothing is due.
  if ((await read(async (db) => await due(db, 1))).length === 0) return [];
  const claimed = await infrastructure(async (tx) =>
    await tx
      .update(jobs)
      .set({ leaseUntil, attempts: sql`${jobs.attempts} + 1` })
      .where(and(inArray(jobs.id, skippingLocked(due(tx, limit))), free))
      .returning(),
  );
  return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

function kindFilter(kind: JobKind | 'unregistered' | undefined) {
  if (kind === 'unregistered') return notInArray(jobs.kind, Object.keys(jobPayloads));
  return kind ? eq(jobs.kind, kind) : undefined;
}

/**
 * Runs claimed jobs whose work is one synchronous use case in ONE transaction, each job marked
 * done with its work (the use case's own `mutate` is a savepoint inside it). A job whose lease
 * another process has taken meanwhile is skipped; one that throws is failed, the others commit.
 */
export async function runJobsTogether(batch: readonly Job[], work: (job: Job) => Promise<void>): Promise<void> {
  await infrastructure(async () => {
    for (const job of batch) {
      const held = await preparedStatement(`UPDATE jobs SET state = 'done', lease_until = NULL, last_error = NULL WHERE id = ? AND state = 'waiting' AND lease_until = ?`).run(job.id, job.leaseUntil!);
      if (held.changes === 0) continue;
      try {
        await work(job);
      } catch (error) {
        console.error(`[jobs] ${job.kind} #${job.id} failed (attempt ${job.attempts}):`, error);
        await failJob(job, error);
      }
    }
  });
}

export async function completeJob(id: number): Promise<void> {
  await infrastructure(async (tx) => await tx.update(jobs).set({ state: 'done', leaseUntil: null, lastError: null }).where(eq(jobs.id, id)));
}

/**
 * A recurring job (the billing sweep) is one waiting row at a time: finishing a run schedules
 * the next in the same transaction, and a fresh database gets its first row on start-up.
 */
export async function ensureRecurringJob(kind: RecurringJobKind): Promise<void> {
  await infrastructure(async (tx) => {
    // Servers starting together on PostgreSQL would each find none and add one (a sweep run twice a period).
    await lockName(tx, `recurring:${kind}`);
    const waiting = (await tx.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.state, 'waiting'))).limit(1)).at(0);
    if (!waiting) await enqueueJob(tx, kind, {});
  });
}

export async function completeRecurringJob(job: Job, kind: RecurringJobKind): Promise<void> {
  const everyMs = recurringJobs.get(kind)!;
  await infrastructure(async (tx) => {
    // Only the run that still holds the lease schedules the next: one whose lease ran out and was taken over does not add a second.
    const done = await tx.update(jobs).set({ state: 'done', leaseUntil: null, lastError: null }).where(and(eq(jobs.id, job.id), eq(jobs.state, 'waiting'), eq(jobs.leaseUntil, job.leaseUntil!)));
    if (changedRows(done) > 0) await enqueueJob(tx, kind, {}, new Date(clock.now().getTime() + everyMs));
  });
}

/**
 * Retries with exponential backoff (2 s, 4 s, 8 s …) until the attempts run out. A job that can
 * never run (unknown kind, payload its schema refuses) is given up at once.
 */
export async function failJob(job: Job, error: unknown, { retry = true } = {}): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const giveUp = !retry || job.attempts >= MAX_ATTEMPTS;
  const runAt = new Date(clock.now().getTime() + 2 ** job.attempts * 1000);
  // Inside the caller's transaction when there is one (a savepoint), else a transaction of its own.
  await infrastructure(async (tx) =>
    await tx
      .update(jobs)
      .set({ state: giveUp ? 'failed' : 'waiting', runAt, leaseUntil: null, lastError: message.slice(0, 1000) })
      .where(eq(jobs.id, job.id)),
  );
}
