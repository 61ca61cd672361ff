// Run (bundled: tests/helpers/bundle.ts) by the launch race tests in their own process: N
// worker threads, each with its own connection to the same database (a SQLite file or a PostgreSQL database), wait at a
// barrier and then all call runInstances at once for the same account (Amount and instance
// type optional, default 1 of ecs.t6-c1m1.large). Prints one JSON line with every outcome.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

type Job = { file: string; accountId: string; imageId: string; amount: number; instanceTypeId: string; barrier: SharedArrayBuffer; workers: number };

if (isMainThread) {
  const [file, accountId, imageId, count, amount = '1', instanceTypeId = 'ecs.t6-c1m1.large'] = process.argv.slice(2);
  const workers = Number(count);
  const barrier = new SharedArrayBuffer(4);
  const outcomes: string[] = [];
  await Promise.all(
    Array.from({ length: workers }, () => {
      // Each thread runs this same bundle: plain JavaScript, nothing to compile.
      const worker = new Worker(new URL(import.meta.url), { workerData: { file, accountId, imageId, amount: Number(amount), instanceTypeId, barrier, workers } satisfies Job });
      return new Promise<void>((resolve, reject) => {
        worker.on('message', (outcome: string) => outcomes.push(outcome));
        worker.on('error', reject);
        worker.on('exit', () => resolve());
      });
    }),
  );
  console.log(JSON.stringify(outcomes));
} else {
  const job = workerData as Job;
  const { openAt, useDatabase } = await import('../../db/client');
  const { runInstances } = await import('../../lib/services/instances');
  const { CloudError } = await import('../../lib/domain/errors');
  useDatabase(openAt(job.file));
  // Everyone arrives before anyone launches.
  const arrived = new Int32Array(job.barrier);
  Atomics.add(arrived, 0, 1);
  Atomics.notify(arrived, 0);
  while (Atomics.load(arrived, 0) < job.workers) Atomics.wait(arrived, 0, Atomics.load(arrived, 0), 50);
  const actor = { userId: null, accountId: job.accountId, roles: ['buyer' as const], requestId: crypto.randomUUID() };
  try {
    await runInstances(actor, { regionId: 'cn-hangzhou', imageId: job.imageId, instanceTypeId: job.instanceTypeId, amount: job.amount });
    parentPort!.postMessage('launched');
  } catch (error) {
    parentPort!.postMessage(error instanceof CloudError ? error.code : `crash: ${String(error)}`);
  }
}
