// The background worker: started once per server process (instrumentation.ts), it polls for
// due jobs and runs them. Work is durable in the jobs table, so stopping the process loses nothing.
import { decodeJob, isRecurringJob, recurringJobs } from '../domain/jobs';
import { claimDueJobs, completeJob, completeRecurringJob, ensureRecurringJob, failJob } from '../services/jobs';
import { runJob } from './handlers';

const POLL_MS = 500;

export async function runDueJobs(): Promise<number> {
  const due = claimDueJobs();
  for (const job of due) {
    const decoded = decodeJob(job.kind, job.payload);
    if (!decoded.ok) {
      // No retry can help a row no handler understands: it fails at once, with the reason.
      console.error(`[jobs] #${job.id} refused: ${decoded.reason}`);
      failJob(job, decoded.reason, { retry: false });
      continue;
    }
    const { kind } = decoded.job;
    try {
      await runJob(decoded.job);
      if (isRecurringJob(kind)) completeRecurringJob(job, kind);
      else completeJob(job.id);
    } catch (error) {
      console.error(`[jobs] ${kind} #${job.id} failed (attempt ${job.attempts}):`, error);
      // A recurring job is never given up: its next run is scheduled as after a success.
      if (isRecurringJob(kind)) completeRecurringJob(job, kind);
      else failJob(job, error);
    }
  }
  return due.length;
}

const state = globalThis as { __stratusWorker?: NodeJS.Timeout };

export function startWorker(): void {
  if (state.__stratusWorker) return;
  for (const kind of recurringJobs.keys()) ensureRecurringJob(kind);
  let busy = false;
  state.__stratusWorker = setInterval(() => {
    if (busy) return;
    busy = true;
    runDueJobs()
      .catch((error) => console.error('[jobs] poll failed:', error))
      .finally(() => {
        busy = false;
      });
  }, POLL_MS);
  state.__stratusWorker.unref();
}
