// A stand-in for the server process in the restart test: opens the database file given and
// runs the background worker until it is killed. Given a task id as well, it crashes at a known
// point instead: once that import has made progress and while it holds the lease of the next
// step's job, it kills itself (SIGKILL), so the test's "killed mid-import" does not hang on timing.
export {};

const [file, crashMidTask] = process.argv.slice(2);
const { openAt, useDatabase } = await import('../../db/client');
const { startWorker, runDueJobs } = await import('../../lib/jobs/worker');
const { claimDueJobs } = await import('../../lib/services/jobs');
const { tasks } = await import('../../db/schema');
const { eq } = await import('drizzle-orm');
const db = openAt(file);
useDatabase(db);

if (crashMidTask) {
  const progress = async () => (await db.select({ progress: tasks.progress }).from(tasks).where(eq(tasks.id, crashMidTask)).limit(1)).at(0)!.progress;
  while (await progress() === 0) if ((await runDueJobs()) === 0) await new Promise((r) => setTimeout(r, 20));
  await claimDueJobs(); // the next step is taken and never finished
  process.kill(process.pid, 'SIGKILL');
}
await startWorker();
setInterval(() => {}, 1 << 30); // the worker's timer is unref'd; keep the process alive
