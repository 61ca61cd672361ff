import { and, desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema';
import { throwawayDatabase } from '../../tests/helpers/database';
import { clock } from '../clock';
import { runDueJobs } from '../jobs/worker';
import { JOB_LEASE_MS, claimDueJobs, completeJob, completeRecurringJob, enqueueJob, ensureRecurringJob, failJob } from './jobs';
import { setTimeout as sleep } from 'node:timers/promises';
import { platformActor } from '../domain/actor';
import { infrastructure, mutate } from './transaction';

const { db } = throwawayDatabase();

afterEach(() => clock.reset());

async function enqueue(taskId: string) {
  await infrastructure(async (tx) => await enqueueJob(tx, 'image.task', { taskId }));
  return (await db().select().from(jobs).orderBy(desc(jobs.id)).limit(1)).at(0)!;
}

/** A row as an older build or a hand edit could have left it: the registry never wrote it. */
async function insertRaw(kind: string, payload: Record<string, unknown>) {
  return (await db().insert(jobs).values({ kind, payload, runAt: clock.now(), createdAt: clock.now() }).returning())[0];
}

// Compile-time checks (tsc): the registry refuses a kind it does not know and a payload of the wrong shape.
export async function typedKinds(tx: Parameters<typeof enqueueJob>[0]) {
  // @ts-expect-error 'boot.complete' is not a registered job kind
  await enqueueJob(tx, 'boot.complete', { accountId: 'a', instanceIds: ['i'] });
  // @ts-expect-error instance.boot carries instanceIds, not a taskId
  await enqueueJob(tx, 'instance.boot', { taskId: 't' });
}

describe('durable jobs', () => {
  it('a job claimed by a process that died is claimed again once its lease runs out', async () => {
    const job = await enqueue('survives-restart');
    expect((await claimDueJobs()).map((j) => j.id)).toContain(job.id);
    // The "process" dies here: the job is neither completed nor failed.
    expect((await claimDueJobs()).map((j) => j.id)).not.toContain(job.id);
    clock.advance(JOB_LEASE_MS + 1);
    const again = (await claimDueJobs()).find((j) => j.id === job.id);
    expect(again?.attempts).toBe(2);
    await completeJob(job.id);
    clock.advance(JOB_LEASE_MS + 1);
    expect((await claimDueJobs()).map((j) => j.id)).not.toContain(job.id);
  });

  it('a row with an unknown kind or a payload its schema refuses is failed at once with the reason (issue 14)', async () => {
    const unknown = await insertRaw('boot.complete', {});
    const malformed = await insertRaw('instance.boot', { accountId: 'acc', instanceIds: [] });
    await runDueJobs();
    const row = async (id: number) => (await db().select().from(jobs).where(eq(jobs.id, id)).limit(1)).at(0)!;
    expect(await row(unknown.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'unknown job kind "boot.complete"' });
    expect(await row(malformed.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await row(malformed.id)).lastError).toMatch(/^payload of instance\.boot does not match its schema: .*instanceIds/s);
  });

  it('a failing job is retried later with backoff, then given up', async () => {
    const job = await enqueue('flaky');
    let claimed = (await claimDueJobs()).find((j) => j.id === job.id)!;
    await failJob(claimed, new Error('boom'));
    expect((await claimDueJobs()).map((j) => j.id)).not.toContain(job.id); // not due yet
    for (let attempt = 2; attempt <= 8; attempt++) {
      clock.advance(10 * 60_000);
      claimed = (await claimDueJobs()).find((j) => j.id === job.id)!;
      expect(claimed.attempts).toBe(attempt);
      await failJob(claimed, new Error('boom'));
    }
    const row = (await db().select().from(jobs).where(eq(jobs.id, job.id)).limit(1)).at(0)!;
    expect(row.state).toBe('failed');
    expect(row.lastError).toBe('boom');
  });
});

describe('job bookkeeping takes its turn (issue 15)', () => {
  it('a job marked done while another change is open waits for it, and stands when that change is refused', async () => {
    const job = await enqueue('task-bookkeeping');
    const [claimed] = await claimDueJobs(1, 'image.task');
    expect(claimed.id).toBe(job.id);
    const other = mutate(platformActor('9000000000000001', 'req-other'), 'TestRefusedMeanwhile', async () => {
      await sleep(20);
      throw new Error('refused meanwhile');
    });
    await completeJob(job.id);
    await expect(other).rejects.toThrow('refused meanwhile');
    expect((await db().select().from(jobs).where(eq(jobs.id, job.id)).limit(1)).at(0)!.state).toBe('done');
  });
});

describe('a recurring job runs once a period, however many servers run the worker (issue 15)', () => {
  const waitingSweeps = async () => (await db().select().from(jobs).where(and(eq(jobs.kind, 'billing.sweep'), eq(jobs.state, 'waiting')))).length;

  it('servers starting at once (each on a connection of its own) leave one waiting billing sweep', async () => {
    await Promise.all(Array.from({ length: 4 }, () => ensureRecurringJob('billing.sweep')));
    expect(await waitingSweeps()).toBe(1);
  });

  it('a run whose lease ran out and was taken over does not schedule a second next run', async () => {
    clock.set(new Date(Date.now() + 3_600_000)); // the waiting run is due
    await ensureRecurringJob('billing.sweep');
    const [first] = await claimDueJobs(1, 'billing.sweep');
    clock.advance(JOB_LEASE_MS + 1); // the first holder stalls past its lease; another server takes the run over
    const [second] = await claimDueJobs(1, 'billing.sweep');
    expect(second.id).toBe(first.id);
    await completeRecurringJob(second, 'billing.sweep');
    await completeRecurringJob(first, 'billing.sweep');
    expect(await waitingSweeps()).toBe(1);
  });
});
