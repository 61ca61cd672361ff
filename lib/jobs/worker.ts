// The background worker: started once per server process (instrumentation.ts), it polls for
// due jobs and runs them. Work is durable in the jobs table, so stopping the process loses nothing.
import { claimDueJobs, completeJob, completeRecurringJob, ensureRecurringJob, failJob } from '../services/jobs';
import { jobHandlers, recurringJobs } from './handlers';

const POLL_MS = 500;

export async function runDueJobs(): Promise<number> {
  const due = claimDueJobs();
  for (const job of due) {
    const handler = jobHandlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload);
      const everyMs = recurringJobs[job.kind];
      if (everyMs) completeRecurringJob(job, everyMs);
      else completeJob(job.id);
    } catch (error) {
      console.error(`[jobs] ${job.kind} #${job.id} failed (attempt ${job.attempts}):`, error);
      // A recurring job is never given up: its next run is scheduled as after a success.
      const everyMs = recurringJobs[job.kind];
      if (everyMs) completeRecurringJob(job, everyMs);
      else failJob(job, error);
    }
  }
  return due.length;
}

const state = globalThis as { __stratusWorker?: NodeJS.Timeout };

export function startWorker(): void {
  if (state.__stratusWorker) return;
  for (const kind of Object.keys(recurringJobs)) ensureRecurringJob(kind);
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
