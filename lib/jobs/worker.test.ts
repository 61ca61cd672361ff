// Issue 13 "background work that keeps up": boots complete many per transaction (with every rule
// of the boot step), each kind of job has its own lane, and a claim is won by one worker only.
import { execFileSync } from 'node:child_process';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, images, instances, jobs } from '../../db/schema';
import { bundled } from '../../tests/helpers/bundle';
import { databaseLocation, newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import type { JobPayload } from '../domain/jobs';
import { claimDueJobs, ensureRecurringJob, JOB_LEASE_MS, runJobsTogether } from '../services/jobs';
import { runDueJobs, startWorker, stopWorker } from './worker';
import { infrastructure } from '../services/transaction';

const { db } = throwawayDatabase();
afterEach(async () => {
  await stopWorker();
  clock.reset();
});

let serial = 0;

/** `n` Pending instances of the account, each with its due boot job, written raw (a launch backlog). */
async function pendingBacklog(owner: Actor, n: number, { jobAccountId = owner.accountId } = {}): Promise<string[]> {
  const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
  const now = clock.now();
  const ids = Array.from({ length: n }, () => `i-backlog-${serial++}`);
  // 500 rows per statement: one at a time, 20,000 took PostgreSQL most of a test's time.
  await infrastructure(async (tx) => {
    for (let i = 0; i < ids.length; i += 500) {
      const some = ids.slice(i, i + 500);
      await tx.insert(instances).values(some.map((id) => ({ id, accountId: owner.accountId, regionId: image.regionId, instanceTypeId: 'ecs.g7.large', imageId: image.id, name: id, status: 'Pending', meteredUntil: now, createdAt: now })));
      await tx.insert(jobs).values(some.map((id) => ({ kind: 'instance.boot', payload: { accountId: jobAccountId, instanceIds: [id] } satisfies JobPayload<'instance.boot'>, runAt: now, createdAt: now })));
    }
  });
  return ids;
}

const statusesOf = async (ids: string[]) => (await db().select({ status: instances.status }).from(instances).where(inArray(instances.id, ids))).map((row) => row.status);
const waitingBoots = async () => (await db().select({ n: count() }).from(jobs).where(and(eq(jobs.kind, 'instance.boot'), eq(jobs.state, 'waiting'))).limit(1)).at(0)!.n;

describe('boots complete in batches (issue 13)', () => {
  it('a backlog of 5,000 due boots completes in one worker pass, one audited BootInstances each', async () => {
    const buyer = await newBuyer();
    const ids = await pendingBacklog(buyer, 5_000);
    const started = performance.now();
    await runDueJobs();
    const elapsed = performance.now() - started;
    expect(new Set(await statusesOf(ids))).toEqual(new Set(['Running']));
    expect(await waitingBoots()).toBe(0);
    const audited = (await db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.accountId, buyer.accountId), eq(auditLog.action, 'BootInstances'), eq(auditLog.outcome, 'ok'))).limit(1)).at(0)!.n;
    expect(audited).toBe(5_000);
    // 10 jobs per 500 ms poll took 250 s for this backlog; batched it is seconds even on a busy machine.
    expect(elapsed).toBeLessThan(15_000);
  });

  it('in a batch, an instance released or stopped meanwhile is not booted, nor one of another account', async () => {
    const buyer = await newBuyer();
    const other = await newBuyer();
    const [released, stopped, booted] = await pendingBacklog(buyer, 3);
    await db().update(instances).set({ status: 'Released' }).where(eq(instances.id, released));
    await db().update(instances).set({ status: 'Stopped' }).where(eq(instances.id, stopped));
    // A boot job naming another account's instance (its payload says `other`): the owner's instance stays Pending.
    const [foreign] = await pendingBacklog(buyer, 1, { jobAccountId: other.accountId });
    await runDueJobs();
    expect(await Promise.all([released, stopped, booted, foreign].map(async (id) => (await statusesOf([id]))[0]))).toEqual(['Released', 'Stopped', 'Running', 'Pending']);
  });

  it('a batch whose lease another worker has taken meanwhile is not run by the first', async () => {
    const buyer = await newBuyer();
    const [id] = await pendingBacklog(buyer, 1);
    const first = await claimDueJobs(10, 'instance.boot');
    clock.advance(JOB_LEASE_MS + 1); // the first worker stalled past its lease
    const second = await claimDueJobs(10, 'instance.boot');
    expect(second.map((job) => job.id)).toEqual(first.map((job) => job.id));
    const ran: number[] = [];
    await runJobsTogether(first, async (job) => void ran.push(job.id));
    expect(ran).toEqual([]);
    await runJobsTogether(second, async (job) => void ran.push(job.id));
    expect(ran).toEqual(second.map((job) => job.id));
    expect(await statusesOf([id])).toEqual(['Pending']); // the work here only recorded the calls
  });

  it('a claim never hands the same job to two claimers', async () => {
    await pendingBacklog(await newBuyer(), 50);
    const a = (await claimDueJobs(30, 'instance.boot')).map((job) => job.id);
    const b = (await claimDueJobs(30, 'instance.boot')).map((job) => job.id);
    expect(a).toHaveLength(30);
    expect(b).toHaveLength(20);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });
});

describe('each kind of job has its own lane (issue 13)', () => {
  it('the billing sweep runs while a backlog of boots is still waiting', async () => {
    await pendingBacklog(await newBuyer(), 20_000);
    await ensureRecurringJob('billing.sweep');
    const sweep = (await db().select().from(jobs).where(and(eq(jobs.kind, 'billing.sweep'), eq(jobs.state, 'waiting'))).limit(1)).at(0)!;
    await startWorker();
    const deadline = Date.now() + 10_000;
    const sweepState = async () => (await db().select({ state: jobs.state }).from(jobs).where(eq(jobs.id, sweep.id)).limit(1)).at(0)!.state;
    while (await sweepState() === 'waiting' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    const boots = await waitingBoots();
    await stopWorker();
    expect(await sweepState()).toBe('done');
    // In one queue ordered by run_at, the sweep (enqueued after the boots) waited for all 20,000.
    expect(boots).toBeGreaterThan(0);
  }, 60_000); // 20,000 boots take PostgreSQL several seconds to write
});

describe('several server processes on one database (issue 13)', () => {
  const script = bundled('tests/concurrency/worker-race.ts');

  it('4 workers on their own connections run 4,000 due boots: each job exactly once, every instance Running', async () => {
    await db().update(jobs).set({ state: 'done' }).where(eq(jobs.state, 'waiting')); // what earlier tests left
    const buyer = await newBuyer();
    const ids = await pendingBacklog(buyer, 4_000);
    const out = execFileSync(process.execPath, [script, databaseLocation(), '4'], { encoding: 'utf8', timeout: 120_000 });
    const claimed: number[] = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(4_000);
    expect(new Set(await statusesOf(ids))).toEqual(new Set(['Running']));
    const audited = (await db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.accountId, buyer.accountId), eq(auditLog.action, 'BootInstances'))).limit(1)).at(0)!.n;
    // A job run twice would have written a second BootInstances row.
    expect(audited).toBe(4_000);
  }, 120_000);
});
