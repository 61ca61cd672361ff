// `npm run bench:reads` (issue 13, indexed reads): the read paths of the ECS API and the launch
// wizard, called in-process (the services, no HTTP), on a dataset shaped like the large
// one: ~10k marketplace products (~93k marketplace images), 100k custom images, 500k shares,
// 200k instances, 50k accounts. `--data=DIR` keeps the dataset in DIR and reuses it on the next
// run (the app's migrations are applied to it first); `--quick` is a tenth of the sizes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const quick = process.argv.includes('--quick');
const kept = process.argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
const dir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-bench-reads-'));
if (!kept) process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.mkdirSync(dir, { recursive: true });
process.env.STRATUS_DATA_DIR = dir;
process.env.STRATUS_MODE = 'production';

const { applyMigrations, openDatabase, useDatabase } = await import('../db/client');
const { seedCatalogue } = await import('../lib/seed/catalogue');
const { insertProduct, sellerAccounts } = await import('../lib/seed/marketplace');
const { seedProducts } = await import('../db/seed/marketplace-data');
const { createAccount } = await import('../lib/services/accounts');
const { newAccountId, newRequestId, newResourceId } = await import('../lib/domain/ids');
const { describeImages } = await import('../lib/services/images');
const { describeInstances } = await import('../lib/services/instances');
const { launchableWizardImages, marketplaceLaunchPage } = await import('../lib/services/launch-wizard');

const scale = quick ? 0.1 : 1;
const sizes = {
  productCopies: Math.max(1, Math.round(185 * scale)),
  accounts: Math.round(50_000 * scale),
  customImages: Math.round(100_000 * scale),
  instances: Math.round(200_000 * scale),
  shares: Math.round(500_000 * scale),
  licenses: Math.round(200_000 * scale),
};
const REGION = 'cn-hangzhou';
const file = path.join(dir, 'stratus.db');
const fresh = !fs.existsSync(file);
const db = openDatabase(file);
await applyMigrations(db);
await seedCatalogue(db);
useDatabase(db);
const sqlite = db.$client;

/** The bench buyer (200 own images, 500 instances, 50 images shared with it) and a recipient of 10k shares. */
type Accounts = { buyer: string; heavy: string };
async function generate(): Promise<Accounts> {
  const start = performance.now();
  const sellerOf = await sellerAccounts();
  const listed = new Date();
  for (let n = 0; n < sizes.productCopies; n++) {
    for (const [i, p] of seedProducts.entries()) await insertProduct(db, sellerOf.get(p.seller)!, { ...p, code: `p${String(n).padStart(3, '0')}${String(i).padStart(6, '0')}`, title: `${p.title} #${n}`, listedDaysAgo: (n * 7 + i) % 700 }, listed);
  }
  const buyer = await createAccount('Bench buyer');
  const heavy = await createAccount('Bench heavy recipient');
  const insert = {
    account: sqlite.prepare(`INSERT INTO accounts (id, name, seller_status, created_at) VALUES (?, ?, 'none', ?)`),
    image: sqlite.prepare(`INSERT INTO images (id, region_id, kind, owner_account_id, name, description, os_type, platform, architecture, size_gib, status, source, source_instance_id, created_at) VALUES (?, ?, 'custom', ?, ?, '', ?, ?, 'x86_64', 40, ?, 'instance', ?, ?)`),
    task: sqlite.prepare(`INSERT INTO tasks (id, account_id, region_id, action, status, progress, image_id, created_at, finished_at) VALUES (?, ?, ?, 'CreateImage', 'Finished', 100, ?, ?, ?)`),
    instance: sqlite.prepare(`INSERT INTO instances (id, account_id, region_id, instance_type_id, image_id, name, status, billing, metered_until, created_at) VALUES (?, ?, ?, 'ecs.g7.large', ?, ?, ?, 'payg', ?, ?)`),
    share: sqlite.prepare(`INSERT INTO image_shares (image_id, owner_account_id, recipient_account_id, shared_at) VALUES (?, ?, ?, ?)`),
    order: sqlite.prepare(`INSERT INTO orders (id, account_id, product_code, sku_code, pricing_model, region_id, quantity, unit_price_fen, amount_fen, status, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 'paid', 'purchase', ?)`),
    license: sqlite.prepare(`INSERT INTO licenses (id, account_id, product_code, region_id, order_id, pricing_model, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'available', ?)`),
  };
  const systemImage = sqlite.prepare(`SELECT id FROM images WHERE region_id = ? AND kind = 'system' LIMIT 1`).get(REGION) as { id: string };
  const skus = sqlite.prepare(`SELECT code, product_code AS product, pricing_model AS model, price_fen AS price FROM skus`).all() as { code: string; product: string; model: string; price: number }[];
  const regions = (sqlite.prepare('SELECT id FROM regions ORDER BY sort_order').all() as { id: string }[]).map((r) => r.id);
  sqlite.transaction(() => {
    const now = Date.now();
    const accountIds: string[] = [];
    for (let i = 0; i < sizes.accounts; i++) {
      const id = newAccountId();
      insert.account.run(id, `Bench account ${i}`, now - i * 1000);
      accountIds.push(id);
    }
    const other = (i: number) => accountIds[i % accountIds.length];
    const images: { id: string; owner: string }[] = [];
    for (let i = 0; i < sizes.customImages; i++) {
      const owner = i < 200 ? buyer : other(i);
      const id = newResourceId('m');
      const windows = i % 5 === 0;
      const at = now - i * 60_000;
      // Half of them in the bench region; one in fifty failed (DescribeImages hides those unless asked).
      insert.image.run(id, i < 200 || i % 2 === 0 ? REGION : regions[1 + (i % (regions.length - 1))], owner, `bench-image-${i}`, windows ? 'windows' : 'linux', windows ? 'Windows Server 2022' : 'Ubuntu', i % 50 === 7 ? 'CreateFailed' : 'Available', newResourceId('i'), at);
      insert.task.run(newResourceId('t'), owner, REGION, id, at, at + 30_000);
      if (i >= 200) images.push({ id, owner });
    }
    for (let i = 0; i < sizes.instances; i++) {
      const at = now - i * 30_000;
      insert.instance.run(newResourceId('i'), i < 500 ? buyer : other(i * 7), REGION, systemImage.id, `bench-instance-${i}`, ['Running', 'Running', 'Stopped', 'Released'][i % 4], now - (now % 3_600_000), at);
    }
    for (let i = 0; i < sizes.shares; i++) {
      const image = images[(i * 13) % images.length];
      const recipient = i < 50 ? buyer : i < 10_050 ? heavy : other(i * 31 + 1);
      if (recipient !== image.owner) insert.share.run(image.id, image.owner, recipient, now - i * 1000);
    }
    for (let i = 0; i < sizes.licenses; i++) {
      const sku = skus[i % skus.length];
      const account = i < 40 ? buyer : other(i * 3);
      const orderId = newResourceId('o');
      insert.order.run(orderId, account, sku.product, sku.code, sku.model, REGION, sku.price, sku.price, now - i * 1000);
      insert.license.run(newResourceId('l'), account, sku.product, REGION, orderId, sku.model, now - i * 1000);
    }
  })();
  fs.writeFileSync(path.join(dir, 'bench-accounts.json'), JSON.stringify({ buyer, heavy }));
  console.log(`Dataset generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return { buyer, heavy };
}

const accounts: Accounts = fresh ? await generate() : JSON.parse(fs.readFileSync(path.join(dir, 'bench-accounts.json'), 'utf8'));
const actorOf = (accountId: string) => ({ userId: `user-${accountId}`, accountId, roles: ['buyer' as const], requestId: newRequestId() });
const buyer = actorOf(accounts.buyer);
const heavy = actorOf(accounts.heavy);
const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
console.log(`Dataset in ${dir}:`);
for (const [label, sql] of [
  ['products', 'SELECT count(*) AS n FROM products'],
  ['marketplace images', `SELECT count(*) AS n FROM images WHERE kind = 'marketplace'`],
  [`  of them in ${REGION}`, `SELECT count(*) AS n FROM images WHERE kind = 'marketplace' AND region_id = '${REGION}'`],
  ['custom images', `SELECT count(*) AS n FROM images WHERE kind = 'custom'`],
  ['image shares', 'SELECT count(*) AS n FROM image_shares'],
  ['instances', 'SELECT count(*) AS n FROM instances'],
  ['accounts', 'SELECT count(*) AS n FROM accounts'],
] as const) console.log(`  ${label.padEnd(24)}${String(count(sql)).padStart(9)}`);

const someImage = sqlite.prepare(`SELECT id, name FROM images WHERE region_id = ? AND kind = 'marketplace' LIMIT 1 OFFSET 500`).get(REGION) as { id: string; name: string };
const someProduct = sqlite.prepare(`SELECT product_code AS code FROM images WHERE id = ?`).get(someImage.id) as { code: string };
const page = { regionId: REGION, pageSize: 50 };
const workloads: [string, () => unknown][] = [
  ['DescribeImages, no filter', async () => await describeImages(buyer, page)],
  ['DescribeImages OSType=linux', async () => await describeImages(buyer, { ...page, osType: 'linux' })],
  ['DescribeImages OSType=windows, page 20', async () => await describeImages(buyer, { ...page, osType: 'windows', page: 20 })],
  ['DescribeImages Status=Available', async () => await describeImages(buyer, { ...page, status: 'Available' })],
  ['DescribeImages Status=CreateFailed', async () => await describeImages(buyer, { ...page, status: 'CreateFailed' })],
  ['DescribeImages ImageName=…', async () => await describeImages(buyer, { ...page, imageName: someImage.name })],
  ['DescribeImages ImageId=…', async () => await describeImages(buyer, { ...page, imageId: someImage.id })],
  ['DescribeImages ProductCode=…', async () => await describeImages(buyer, { ...page, productCode: someProduct.code })],
  ['DescribeImages Architecture=x86_64', async () => await describeImages(buyer, { ...page, architecture: 'x86_64' })],
  ['DescribeImages alias=self', async () => await describeImages(buyer, { ...page, ownerAlias: 'self' })],
  ['DescribeImages alias=system', async () => await describeImages(buyer, { ...page, ownerAlias: 'system' })],
  ['DescribeImages alias=marketplace', async () => await describeImages(buyer, { ...page, ownerAlias: 'marketplace' })],
  ['DescribeImages alias=others', async () => await describeImages(buyer, { ...page, ownerAlias: 'others' })],
  ['DescribeImages, 10k shared with caller', async () => await describeImages(heavy, page)],
  ['DescribeInstances', async () => await describeInstances(buyer, page)],
  ['DescribeInstances Status=Stopped', async () => await describeInstances(buyer, { ...page, status: 'Stopped' })],
  ['DescribeInstances Status=Released', async () => await describeInstances(buyer, { ...page, status: 'Released' })],
  // What /console/instances/new loads: the own images and the first page of products; then a search.
  ['launch wizard data', async () => [await launchableWizardImages(buyer, REGION), await marketplaceLaunchPage(buyer, { regionId: REGION })]],
  ['launch wizard product search "mysql"', async () => await marketplaceLaunchPage(buyer, { regionId: REGION, q: 'mysql' })],
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
console.log(`\nIn-process, one call at a time, up to 2000 calls or 3 s each after 5 warm-up calls; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
// CPU time per call too: on a shared machine the wall-clock rate moves with the other work, the CPU cost much less.
console.log('workload'.padEnd(44) + ' calls   req/s  p50 ms  p99 ms  cpu ms/call  req/s of CPU');
for (const [name, work] of workloads) {
  if (only && !name.includes(only)) continue;
  for (let i = 0; i < 5; i++) work();
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  while (times.length < 2000 && performance.now() - start < 3000) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)}${String(times.length).padStart(6)}${(times.length / seconds).toFixed(0).padStart(8)}${pct(times, 50).toFixed(2).padStart(8)}${pct(times, 99).toFixed(2).padStart(8)}${cpuMs.toFixed(3).padStart(13)}${(1000 / cpuMs).toFixed(0).padStart(14)}`);
}
db.$client.close();
