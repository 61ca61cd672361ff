// `npm run bench:metering`: how long the hourly sweep (MKT-10) takes to settle a day for many
// instances, measured in the service on a throwaway database: BENCH_ACCOUNTS accounts (default
// 100) with BENCH_INSTANCES instances each (default 10), all Running, then 24 hours settled in
// one sweep, and a second sweep of the same hours (which must charge nothing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-bench-'));
process.env.STRATUS_DATA_DIR = dir;

const { applyMigrations, openDatabase, useDatabase } = await import('../db/client');
const { seedCatalogue } = await import('../lib/seed/catalogue');
const { and, count, eq } = await import('drizzle-orm');
const { images, meteredHours } = await import('../db/schema');
const { clock } = await import('../lib/clock');
const { newRequestId } = await import('../lib/domain/ids');
const { createAccount } = await import('../lib/services/accounts');
const { completeBoot, runInstances } = await import('../lib/services/instances');
const { settleHours } = await import('../lib/services/metering');
const { creditWallet } = await import('../lib/services/wallet');

const db = openDatabase(path.join(dir, 'bench.db'));
await applyMigrations(db);
await seedCatalogue(db);
useDatabase(db);

const accounts = Number(process.env.BENCH_ACCOUNTS ?? 100);
const perAccount = Number(process.env.BENCH_INSTANCES ?? 10);
const image = (await db.select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!;
clock.set(new Date('2026-03-02T00:00:00Z'));
for (let a = 0; a < accounts; a++) {
  const accountId = await createAccount(`bench ${a}`);
  await creditWallet(accountId, 10_000_000, 'bench');
  const actor = { userId: null, accountId, roles: ['buyer'] as const, requestId: newRequestId() };
  const { instanceIds } = await runInstances({ ...actor, roles: ['buyer'] }, { regionId: 'cn-hangzhou', imageId: image.id, instanceTypeId: 'ecs.g7.large', amount: perAccount });
  await completeBoot({ ...actor, roles: [] }, instanceIds);
}
clock.set(new Date('2026-03-03T00:00:30Z'));

const time = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};
const first = await time(async () => await settleHours());
const hours = (await db.select({ n: count() }).from(meteredHours).limit(1)).at(0)!.n;
const again = await time(async () => await settleHours());
const after = (await db.select({ n: count() }).from(meteredHours).limit(1)).at(0)!.n;

console.log(`Hourly metering: ${accounts} accounts × ${perAccount} instances, 24 hours each`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
console.log(`first sweep:  ${hours} instance-hours charged in ${first.toFixed(0)} ms (${((first / hours) * 1000).toFixed(0)} µs per instance-hour)`);
console.log(`second sweep: ${after - hours} charged in ${again.toFixed(0)} ms (nothing is due)`);
fs.rmSync(dir, { recursive: true, force: true });
