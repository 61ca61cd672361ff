// Runs once when a server process starts: the background worker lives in one server process
// (the others of a cluster are started with STRATUS_JOBS=off).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { config } = await import('./lib/config');
  if (!config.runsJobs) return;
  const { startWorker } = await import('./lib/jobs/worker');
  await startWorker();
}
