import { desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema';
import { throwawayDatabase } from '../../tests/helpers/database';
import { clock } from '../clock';
import { runDueJobs } from '../jobs/worker';
import { JOB_LEASE_MS, claimDueJobs, completeJob, enqueueJob, failJob } from './jobs';
import { setTimeout as sleep } from 'node:timers/promises';
import { platformActor } from '../domain/actor';
import { mutate } from './transaction';

const { db } = throwawayDatabase();

afterEach(() => clock.reset());

function enqueue(taskId: string) {
  db().transaction((tx) => enqueueJob(tx, 'image.task', { taskId }));
  return db().select().from(jobs).orderBy(desc(jobs.id)).get()!;
}

/** A row as an older build or a hand edit could have left it: the registry never wrote it. */
function insertRaw(kind: string, payload: Record<string, unknown>) {
  return db().insert(jobs).values({ kind, payload, runAt: clock.now(), createdAt: clock.now() }).returning().get();
}

// Compile-time checks (tsc): the registry refuses a kind it does not know and a payload of the wrong shape.
export function typedKinds(tx: Parameters<typeof enqueueJob>[0]) {
  // @ts-expect-error 'boot.complete' is not a registered job kind
  enqueueJob(tx, 'boot.complete', { accountId: 'a', instanceIds: ['i'] });
  // @ts-expect-error instance.boot carries instanceIds, not a taskId
  enqueueJob(tx, 'instance.boot', { taskId: 't' });
}

describe('durable jobs', () => {
  it('a job claimed by a process that died is claimed again once its lease runs out', async () => {
    const job = enqueue('survives-restart');
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
    const unknown = insertRaw('boot.complete', {});
    const malformed = insertRaw('instance.boot', { accountId: 'acc', instanceIds: [] });
    await runDueJobs();
    const row = (id: number) => db().select().from(jobs).where(eq(jobs.id, id)).get()!;
    expect(row(unknown.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'unknown job kind "boot.complete"' });
    expect(row(malformed.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row(malformed.id).lastError).toMatch(/^payload of instance\.boot does not match its schema: .*instanceIds/s);
  });

  it('a failing job is retried later with backoff, then given up', async () => {
    const job = enqueue('flaky');
    let claimed = (await claimDueJobs()).find((j) => j.id === job.id)!;
    await failJob(claimed, new Error('boom'));
    expect((await claimDueJobs()).map((j) => j.id)).not.toContain(job.id); // not due yet
    for (let attempt = 2; attempt <= 8; attempt++) {
      clock.advance(10 * 60_000);
      claimed = (await claimDueJobs()).find((j) => j.id === job.id)!;
      expect(claimed.attempts).toBe(attempt);
      await failJob(claimed, new Error('boom'));
    }
    const row = db().select().from(jobs).where(eq(jobs.id, job.id)).get()!;
    expect(row.state).toBe('failed');
    expect(row.lastError).toBe('boom');
  });
});

describe('job bookkeeping takes its turn (issue 15)', () => {
  it('a job marked done while another change is open waits for it, and stands when that change is refused', async () => {
    const job = enqueue('task-bookkeeping');
    const [claimed] = await claimDueJobs(1, 'image.task');
    expect(claimed.id).toBe(job.id);
    const other = mutate(platformActor('9000000000000001', 'req-other'), 'TestRefusedMeanwhile', async () => {
      await sleep(20);
      throw new Error('refused meanwhile');
    });
    await completeJob(job.id);
    await expect(other).rejects.toThrow('refused meanwhile');
    expect(db().select().from(jobs).where(eq(jobs.id, job.id)).get()!.state).toBe('done');
  });
});
