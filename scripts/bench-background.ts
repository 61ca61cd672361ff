// Background work under load (issue 13), in-process on the installed database: (a) boot latency
// under launch load — launches at a fixed rate with the worker running, the time from launch to
// Running less the boot delay, and the largest backlog of due boots; (b) the hourly sweep of N
// due instance-hours, with the longest block of the event loop while it runs. The functions are
// for the main benchmark; `npx tsx scripts/bench-background.ts [--quick]` runs both alone on a
// throwaway database (`--only=boot|throughput|sweep`, `--rate=`, `--instances=`). Modules are imported inside the functions,
// after the caller has set the environment: a static import would read the configuration first, and
// the run would go to the installation's own database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

export type BootLatency = { launched: number; seconds: number; rate: number; booted: number; p50Ms: number; p99Ms: number; maxMs: number; maxBacklog: number; loopMaxMs: number };
export type SweepTime = { instances: number; accounts: number; hours: number; seconds: number; usPerHour: number; loopMaxMs: number; loopP99Ms: number; cpuMaxMs: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long the event loop was blocked while `work` ran (what a request arriving then would have
 * waited), and the most CPU time the process spent between two turns of a 1 ms timer: on a busy
 * machine the wall-clock blocks include time the process waited for a core, the CPU figure does not.
 */
async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; maxMs: number; p99Ms: number; cpuMaxMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let cpuMaxMs = 0;
  let last = process.cpuUsage();
  const ticker = setInterval(() => {
    const used = process.cpuUsage(last);
    cpuMaxMs = Math.max(cpuMaxMs, (used.user + used.system) / 1000);
    last = process.cpuUsage();
  }, 1);
  try {
    const result = await work();
    await sleep(5); // a block that lasted to the end is recorded too
    return { result, maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, cpuMaxMs };
  } finally {
    clearInterval(ticker);
    histogram.disable();
  }
}

/**
 * (a) Launches `rate` instances a second (Amount 1 each, as separate calls) for `seconds` on a
 * system image as `accountId`, with the worker running in this process; then waits for them all
 * to be Running. The launch limits must already be raised (the callers raise them).
 */
export async function bootLatencyUnderLaunchLoad({ accountId, rate = 1_000, seconds = 10 }: { accountId: string; rate?: number; seconds?: number }): Promise<BootLatency> {
  const { config } = await import('../lib/config');
  const { newRequestId } = await import('../lib/domain/ids');
  const { runInstances } = await import('../lib/services/instances');
  const { placeholders, preparedStatement } = await import('../db/prepared');
  // An older build has no stopWorker: its worker simply keeps running.
  const { startWorker, stopWorker } = (await import('../lib/jobs/worker')) as { startWorker: () => void; stopWorker?: () => Promise<void> };
  const image = await systemImage();
  const actor = { userId: `user-${accountId}`, accountId, roles: ['buyer' as const], requestId: newRequestId() };
  const backlog = preparedStatement(`SELECT count(*) AS n FROM jobs WHERE state = 'waiting' AND kind = 'instance.boot' AND run_at <= ?`);
  const ids: string[] = [];
  let maxBacklog = 0;
  startWorker();
  const sampler = setInterval(() => void backlog.get<{ n: number }>(new Date()).then((row) => (maxBacklog = Math.max(maxBacklog, Number(row?.n ?? 0)))), 100);
  const { result: elapsed, maxMs: loopMaxMs } = await withLoopDelay(async () => {
    const start = performance.now();
    for (let elapsedMs = 0; elapsedMs < seconds * 1000; elapsedMs = performance.now() - start) {
      // Catch up with the schedule (10 launches at a time, as requests would come), then give the worker its turn.
      for (let n = 0; n < 10 && ids.length < (elapsedMs / 1000) * rate; n++) ids.push(...(await runInstances({ ...actor, requestId: newRequestId() }, { regionId: 'cn-hangzhou', imageId: image.id, instanceTypeId: 'ecs.g7.large', amount: 1 })).instanceIds);
      await sleep(1);
    }
    return (performance.now() - start) / 1000;
  });
  const booted = async () => {
    let n = 0;
    for (let i = 0; i < ids.length; i += 500) n += Number((await preparedStatement(`SELECT count(*) AS n FROM instances WHERE status = 'Running' AND id IN (${placeholders(Math.min(500, ids.length - i))})`).get<{ n: number }>(...ids.slice(i, i + 500)))!.n);
    return n;
  };
  const deadline = Date.now() + config.bootSeconds * 1000 + 60_000;
  while ((await booted()) < ids.length && Date.now() < deadline) await sleep(100);
  clearInterval(sampler);
  await stopWorker?.();
  const latencies: number[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const from = `FROM instances i JOIN instance_runs r ON r.instance_id = i.id WHERE i.id IN (${placeholders(Math.min(500, ids.length - i))})`;
    const rows = await preparedStatement({ sqlite: `SELECT r.started_at - i.created_at AS ms ${from}`, postgres: `SELECT extract(epoch FROM r.started_at - i.created_at) * 1000 AS ms ${from}` }).all<{ ms: number }>(...ids.slice(i, i + 500));
    latencies.push(...rows.map((row) => Number(row.ms) - config.bootSeconds * 1000));
  }
  latencies.sort((a, b) => a - b);
  return { launched: ids.length, seconds: elapsed, rate: ids.length / elapsed, booted: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: latencies.at(-1) ?? NaN, maxBacklog, loopMaxMs };
}

/** A system image of the bench's region, on either engine. */
async function systemImage(): Promise<{ id: string }> {
  const { preparedStatement } = await import('../db/prepared');
  return (await preparedStatement(`SELECT id FROM images WHERE region_id = 'cn-hangzhou' AND kind = 'system' LIMIT 1`).get<{ id: string }>())!;
}

/** (c) How fast the worker drains a backlog of `jobs` due boot jobs (one instance each), passes back to back. */
export async function bootThroughput({ accountId, jobs = 10_000 }: { accountId: string; jobs?: number }): Promise<{ jobs: number; seconds: number; perSecond: number }> {
  const { newResourceId } = await import('../lib/domain/ids');
  const { enqueueJob } = await import('../lib/services/jobs');
  const { runDueJobs } = await import('../lib/jobs/worker');
  const { preparedStatement } = await import('../db/prepared');
  const { infrastructure } = await import('../lib/services/transaction');
  const image = await systemImage();
  const insert = preparedStatement(`INSERT INTO instances (id, account_id, region_id, instance_type_id, image_id, name, status, billing, metered_until, created_at) VALUES (?, ?, 'cn-hangzhou', 'ecs.g7.large', ?, ?, 'Pending', 'payg', ?, ?)`);
  const now = Date.now();
  await infrastructure(async (tx) => {
    for (let i = 0; i < jobs; i++) {
      const id = newResourceId('i');
      await insert.run(id, accountId, image.id, id, new Date(now), new Date(now));
      await enqueueJob(tx, 'instance.boot', { accountId, instanceIds: [id] }, new Date(now - 1_000));
    }
  });
  const start = performance.now();
  while ((await runDueJobs()) > 0);
  const seconds = (performance.now() - start) / 1000;
  return { jobs, seconds, perSecond: jobs / seconds };
}

/**
 * (b) Adds `instances` Running instances over accounts of `perAccount` each, every one with
 * exactly the last whole hour unsettled, then sweeps them as the billing job does.
 */
export async function sweepTime({ instances = 200_000, perAccount = 4 }: { instances?: number; perAccount?: number } = {}): Promise<SweepTime> {
  const { getDb, isPostgres } = await import('../db/client');
  const { bulkInserts } = await import('./bench/bulk');
  const { newAccountId, newResourceId } = await import('../lib/domain/ids');
  const metering = await import('../lib/services/metering');
  const db = getDb();
  const image = await systemImage();
  const now = Date.now();
  const hour = new Date(now - (now % 3_600_000) - 3_600_000);
  const { insert: prepare, within } = bulkInserts(db);
  const insert = {
    account: prepare(`INSERT INTO accounts (id, name, seller_status, created_at) VALUES (?, ?, 'none', ?)`),
    wallet: prepare(`INSERT INTO ledger_books (id, kind, account_id, balance_fen, created_at) VALUES (?, 'wallet', ?, 1000000, ?)`),
    instance: prepare(`INSERT INTO instances (id, account_id, region_id, instance_type_id, image_id, name, status, billing, metered_until, created_at) VALUES (?, ?, 'cn-hangzhou', 'ecs.g7.large', ?, ?, 'Running', 'payg', ?, ?)`),
    run: prepare(`INSERT INTO instance_runs (instance_id, started_at) VALUES (?, ?)`),
  };
  const accounts = Math.ceil(instances / perAccount);
  await within(() => {
    for (let a = 0; a < accounts; a++) {
      const accountId = newAccountId();
      insert.account.run(accountId, `Sweep account ${a}`, hour);
      insert.wallet.run(`wallet:${accountId}`, accountId, hour);
      for (let i = 0; i < perAccount && a * perAccount + i < instances; i++) {
        const id = newResourceId('i');
        insert.instance.run(id, accountId, image.id, id, hour, hour);
        insert.run.run(id, hour);
      }
    }
  });
  // The generation's WAL is written back now, not by the sweep's first commit.
  if (!isPostgres(db)) db.$client.pragma('wal_checkpoint(TRUNCATE)');
  // The issue-13 sweep yields between its chunks; an older build has only the one-piece settleHours.
  const older = metering as { settleHours: (at: Date) => Promise<number> | number; sweepHours?: (at: Date) => Promise<number> };
  const sweep = older.sweepHours ?? (async (at: Date) => older.settleHours(at));
  const start = performance.now();
  const { result: hours, maxMs, p99Ms, cpuMaxMs } = await withLoopDelay(() => sweep(new Date()));
  const seconds = (performance.now() - start) / 1000;
  return { instances, accounts, hours, seconds, usPerHour: (seconds * 1e6) / Math.max(1, hours), loopMaxMs: maxMs, loopP99Ms: p99Ms, cpuMaxMs };
}

export function describeBootLatency(r: BootLatency): string[] {
  return [
    `Boot latency under launch load: ${r.launched} launches (Amount 1) in ${r.seconds.toFixed(1)} s = ${r.rate.toFixed(0)}/s, worker in the same process`,
    `  time from launch to Running less the boot delay: p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms (${r.booted} of ${r.launched} booted)`,
    `  largest backlog of due boot jobs: ${r.maxBacklog}; longest event-loop block while launching: ${r.loopMaxMs.toFixed(0)} ms`,
  ];
}

export function describeSweepTime(r: SweepTime): string[] {
  return [
    `Hourly sweep: ${r.instances} Running instances in ${r.accounts} accounts, one due hour each`,
    `  ${r.hours} instance-hours settled in ${r.seconds.toFixed(1)} s (${r.usPerHour.toFixed(0)} µs each)`,
    `  event loop while it ran: longest block ${r.loopMaxMs.toFixed(0)} ms, p99 ${r.loopP99Ms.toFixed(1)} ms; most CPU time between two turns ${r.cpuMaxMs.toFixed(1)} ms`,
  ];
}

/** Alone: a throwaway database with the migrations, the reference seed and one buyer with the limits raised. */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-bench-bg-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  process.env.STRATUS_DATA_DIR = dir;
  process.env.STRATUS_MODE = 'production';
  const { applyMigrations, openDatabase, useDatabase } = await import('../db/client');
  const { config } = await import('../lib/config');
  const { seedCatalogue } = await import('../lib/seed/catalogue');
  const { createAccount } = await import('../lib/services/accounts');
  const db = openDatabase(config.databaseFile);
  await applyMigrations(db);
  await seedCatalogue(db);
  useDatabase(db);
  const raise = db.$client.prepare(`INSERT INTO platform_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  for (const [key, value] of Object.entries({ instanceQuotaPerRegion: 100_000, vcpuQuotaPerRegion: 1_000_000, minLaunchBalanceFen: 0 })) raise.run(key, JSON.stringify(value), Date.now());
  const accountId = await createAccount('Bench buyer');
  console.log(`Background work (${quick ? 'quick' : 'full'}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; boot delay ${config.bootSeconds} s`);
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const rate = Number(process.argv.find((a) => a.startsWith('--rate='))?.slice(7) ?? 1_000);
  if (!only || only === 'boot') for (const line of describeBootLatency(await bootLatencyUnderLaunchLoad({ accountId, rate, seconds: quick ? 3 : 10 }))) console.log(line);
  if (only === 'throughput' || !only) {
    const r = await bootThroughput({ accountId, jobs: quick ? 2_000 : 10_000 });
    console.log(`Boot throughput: ${r.jobs} due boot jobs drained by worker passes in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)}/s`);
  }
  const instances = Number(process.argv.find((a) => a.startsWith('--instances='))?.slice(12) ?? (quick ? 20_000 : 200_000));
  if (!only || only === 'sweep') for (const line of describeSweepTime(await sweepTime({ instances }))) console.log(line);
  console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
