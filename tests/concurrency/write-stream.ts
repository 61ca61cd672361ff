// Run (bundled: tests/helpers/bundle.ts) by lib/backup.test.ts in its own process: writes to
// the database file given, without pause, until it is sent SIGTERM — top-ups, license
// purchases, and launches that consume them — the way a busy server would while a backup is
// made. Prints "writing" once it has written, and one JSON line with its counts when it stops.
export {};

const [file, accountId, imageId, productCode, skuCode] = process.argv.slice(2);
const { openAt, useDatabase } = await import('../../db/client');
const { creditWallet } = await import('../../lib/services/wallet');
const { purchaseLicenses } = await import('../../lib/services/orders');
const { runInstances } = await import('../../lib/services/instances');
const { CloudError } = await import('../../lib/domain/errors');
useDatabase(openAt(file));

const counts = { topUps: 0, purchases: 0, launches: 0, refused: 0 };
let stopping = false;
process.on('SIGTERM', () => (stopping = true));

const actor = () => ({ userId: null, accountId, roles: ['buyer' as const], requestId: crypto.randomUUID() });
async function attempt(work: () => unknown, counted: keyof typeof counts): Promise<void> {
  try {
    await work();
    counts[counted] += 1;
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    counts.refused += 1; // e.g. a quota: the write stream goes on
  }
}

while (!stopping) {
  for (let i = 0; i < 10; i++) {
    await attempt(async () => await creditWallet(accountId, 100_000, 'test_credit'), 'topUps');
    await attempt(async () => await purchaseLicenses(actor(), { productCode, skuCode, regionId: 'cn-hangzhou', quantity: 1 + (i % 3) }), 'purchases');
    await attempt(async () => await runInstances(actor(), { regionId: 'cn-hangzhou', imageId, instanceTypeId: 'ecs.t6-c1m1.large', amount: 1 }), 'launches');
  }
  if (counts.topUps === 10) console.log('writing');
  // Lets the signal in between batches.
  await new Promise((resolve) => setImmediate(resolve));
}
console.log(JSON.stringify(counts));
