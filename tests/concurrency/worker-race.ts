// Run (bundled: tests/helpers/bundle.ts) by the worker race test in its own process: N worker
// threads, each with its own connection to the same database (a SQLite file or a PostgreSQL database) (as several server
// processes would have), wait at a barrier and then all run the job worker until nothing is due.
// Prints one JSON line: the number of jobs each thread claimed.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

type Job = { file: string; barrier: SharedArrayBuffer; workers: number };

if (isMainThread) {
  const [file, count] = process.argv.slice(2);
  const workers = Number(count);
  const barrier = new SharedArrayBuffer(4);
  const claimed: number[] = [];
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { file, barrier, workers } satisfies Job });
      return new Promise<void>((resolve, reject) => {
        worker.on('message', (n: number) => claimed.push(n));
        worker.on('error', reject);
        worker.on('exit', () => resolve());
      });
    }),
  );
  console.log(JSON.stringify(claimed));
} else {
  const job = workerData as Job;
  const { openAt, useDatabase } = await import('../../db/client');
  const { runDueJobs } = await import('../../lib/jobs/worker');
  useDatabase(openAt(job.file));
  const arrived = new Int32Array(job.barrier);
  Atomics.add(arrived, 0, 1);
  Atomics.notify(arrived, 0);
  while (Atomics.load(arrived, 0) < job.workers) Atomics.wait(arrived, 0, Atomics.load(arrived, 0), 50);
  let total = 0;
  for (let n = await runDueJobs(); n > 0; n = await runDueJobs()) total += n;
  parentPort!.postMessage(total);
}
