// Runs once when the server starts: the background worker lives in the server process.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startWorker } = await import('./lib/jobs/worker');
    startWorker();
  }
}
