import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema';
import { throwawayDatabase } from '../../tests/helpers/database';
import { clock } from '../clock';
import { JOB_LEASE_MS, claimDueJobs, completeJob, enqueueJob, failJob } from './jobs';

const { db } = throwawayDatabase();

afterEach(() => clock.reset());

function enqueue(kind: string) {
  db().transaction((tx) => enqueueJob(tx, kind, { n: 1 }));
  return db().select().from(jobs).where(eq(jobs.kind, kind)).get()!;
}

describe('durable jobs', () => {
  it('a job claimed by a process that died is claimed again once its lease runs out', () => {
    const job = enqueue('survives-restart');
    expect(claimDueJobs().map((j) => j.id)).toContain(job.id);
    // The "process" dies here: the job is neither completed nor failed.
    expect(claimDueJobs().map((j) => j.id)).not.toContain(job.id);
    clock.advance(JOB_LEASE_MS + 1);
    const again = claimDueJobs().find((j) => j.id === job.id);
    expect(again?.attempts).toBe(2);
    completeJob(job.id);
    clock.advance(JOB_LEASE_MS + 1);
    expect(claimDueJobs().map((j) => j.id)).not.toContain(job.id);
  });

  it('a failing job is retried later with backoff, then given up', () => {
    const job = enqueue('flaky');
    let claimed = claimDueJobs().find((j) => j.id === job.id)!;
    failJob(claimed, new Error('boom'));
    expect(claimDueJobs().map((j) => j.id)).not.toContain(job.id); // not due yet
    for (let attempt = 2; attempt <= 8; attempt++) {
      clock.advance(10 * 60_000);
      claimed = claimDueJobs().find((j) => j.id === job.id)!;
      expect(claimed.attempts).toBe(attempt);
      failJob(claimed, new Error('boom'));
    }
    const row = db().select().from(jobs).where(eq(jobs.id, job.id)).get()!;
    expect(row.state).toBe('failed');
    expect(row.lastError).toBe('boom');
  });
});
