// The background worker: started once per server process (instrumentation.ts), it polls for
// due jobs and runs them. Work is durable in the jobs table, so stopping the process loses nothing.
// Each kind of job has its own lane (its own claims and loop), so a backlog of boots never
// delays the billing sweep or the seller deliveries, and a long sweep never delays a boot.
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { decodeJob, isRecurringJob, jobPayloads, recurringJobs, type DecodedJob, type JobKind, type JobPayload } from '../domain/jobs';
import { claimDueJobs, completeJob, completeRecurringJob, ensureRecurringJob, failJob, runJobsTogether, type Job } from '../services/jobs';
import { bootOne, runJob } from './handlers';

const POLL_MS = 250;
/** Boots claimed per claim, and per transaction (each ≈ 0.1–0.2 ms: a transaction stays under 10 ms). */
const BOOT_CLAIM = 500;
const BOOTS_PER_TRANSACTION = 50;
/** A boot is due at its instant: its lane looks often (a claim of nothing is one indexed UPDATE). */
const BOOT_POLL_MS = 100;

type Lane = { kind: JobKind | 'unregistered'; claim: number; run: (batch: Job[]) => Promise<void>; pollMs?: number };

const lanes: readonly Lane[] = [
  ...(Object.keys(jobPayloads) as JobKind[]).map((kind) =>
    kind === 'instance.boot' ? { kind, claim: BOOT_CLAIM, run: bootTogether, pollMs: BOOT_POLL_MS } : { kind, claim: isRecurringJob(kind) ? 1 : 10, run: runEachAlone },
  ),
  // Rows of a kind no handler knows (an older build, a hand edit) are refused in a lane of their own.
  { kind: 'unregistered', claim: 10, run: runEachAlone, pollMs: 60_000 },
];

/** Decodes a claimed row; no retry can help a row no handler understands: it fails at once, with the reason. */
async function decoded(job: Job): Promise<DecodedJob | null> {
  const result = decodeJob(job.kind, job.payload);
  if (result.ok) return result.job;
  console.error(`[jobs] #${job.id} refused: ${result.reason}`);
  await failJob(job, result.reason, { retry: false });
  return null;
}

async function runEachAlone(batch: Job[]): Promise<void> {
  for (const job of batch) {
    const work = await decoded(job);
    if (!work) continue;
    const { kind } = work;
    try {
      await runJob(work);
      if (isRecurringJob(kind)) await completeRecurringJob(job, kind);
      else await completeJob(job.id);
    } catch (error) {
      console.error(`[jobs] ${kind} #${job.id} failed (attempt ${job.attempts}):`, error);
      // A recurring job is never given up: its next run is scheduled as after a success.
      if (isRecurringJob(kind)) await completeRecurringJob(job, kind);
      else await failJob(job, error);
    }
  }
}

/** Boots many batches per transaction, yielding to requests between transactions. */
async function bootTogether(batch: Job[]): Promise<void> {
  const boots: { job: Job; payload: JobPayload<'instance.boot'> }[] = [];
  for (const job of batch) {
    const work = await decoded(job);
    if (work?.kind === 'instance.boot') boots.push({ job, payload: work.payload });
  }
  for (let i = 0; i < boots.length; i += BOOTS_PER_TRANSACTION) {
    if (i > 0) await yieldToRequests();
    const chunk = boots.slice(i, i + BOOTS_PER_TRANSACTION);
    const payloads = new Map(chunk.map((boot) => [boot.job.id, boot.payload]));
    await runJobsTogether(
      chunk.map((boot) => boot.job),
      async (job) => await bootOne(payloads.get(job.id)!),
    );
  }
}

/** One claim of a lane and its work; says how many jobs it claimed. */
async function runLane(lane: Lane): Promise<number> {
  const batch = await claimDueJobs(lane.claim, lane.kind);
  if (batch.length > 0) await lane.run(batch);
  return batch.length;
}

/** Runs every lane until it has nothing due (tests and scripts); returns the jobs claimed. */
export async function runDueJobs(): Promise<number> {
  let total = 0;
  for (const lane of lanes) {
    for (let claimed = lane.claim; claimed === lane.claim; ) {
      claimed = await runLane(lane);
      total += claimed;
    }
  }
  return total;
}

type Worker = { running: boolean; busy: Set<Promise<number>> };
const state = globalThis as { __stratusWorker?: Worker };

/** Starts one loop per lane in this process: a full claim goes again at once, otherwise it polls. */
export async function startWorker(): Promise<void> {
  if (state.__stratusWorker?.running) return;
  const worker: Worker = { running: true, busy: new Set() };
  state.__stratusWorker = worker;
  for (const kind of recurringJobs.keys()) await ensureRecurringJob(kind);
  for (const lane of lanes) {
    const loop = async (): Promise<void> => {
      if (!worker.running) return;
      const run = runLane(lane).catch((error) => {
        console.error(`[jobs] ${lane.kind} poll failed:`, error);
        return 0;
      });
      worker.busy.add(run);
      const claimed = await run;
      worker.busy.delete(run);
      // The timer is unref'd: the worker never keeps a process alive on its own.
      if (worker.running) setTimeout(loop, claimed === lane.claim ? 0 : (lane.pollMs ?? POLL_MS)).unref();
    };
    setTimeout(loop, 0).unref();
  }
}

/** Stops the loops; resolves once the claims they were running are finished (tests, benchmarks). */
export async function stopWorker(): Promise<void> {
  const worker = state.__stratusWorker;
  if (!worker) return;
  worker.running = false;
  await Promise.all(worker.busy);
}
