// `npm run bench` (issue 13): generate a dataset into a throwaway data directory, then measure
// the in-process ceilings of the ECS API handler with signed v1 requests. `--quick` is a small
// version in well under a minute. `--http` also starts the production server (`next start` of
// the build in BENCH_SERVER_DIR, default this checkout; build it first) on the same data
// directory and drives it at 1 / 8 / 32 connections. Not part of `npm test`.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const quick = process.argv.includes('--quick');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-bench-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
// The environment before any module reads it: production rules, and an auth secret the bench
// and a server started on this directory would agree on (AccessKey secrets are encrypted with it).
process.env.STRATUS_DATA_DIR = dir;
process.env.STRATUS_MODE = 'production';
process.env.BETTER_AUTH_SECRET = randomBytes(32).toString('hex');

const { applyMigrations, openDatabase, useDatabase } = await import('../db/client');
const { config } = await import('../lib/config');
const { seedCatalogue } = await import('../lib/seed/catalogue');
const { seedMarketplace } = await import('../lib/seed/marketplace');
const { seedProducts, seedSellers } = await import('../db/seed/marketplace-data');
const { createAccount } = await import('../lib/services/accounts');
const { createAccessKey } = await import('../lib/services/access-keys');
const { newAccountId, newRequestId, newResourceId } = await import('../lib/domain/ids');
const { v1Request } = await import('../tests/helpers/ecs-requests');
const { handleEcsRequest } = await import('../lib/ecs-api/handle');

// --scale=N multiplies the default sizes (the issue's large dataset is about --scale=10).
const scaleArg = Number(process.argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length) ?? 1);
const scale = (quick ? 0.1 : 1) * (scaleArg > 0 ? scaleArg : 1);
const runName = `${quick ? 'quick' : 'full'}${scale !== (quick ? 0.1 : 1) ? `-scale-${scaleArg}` : ''}`;
const sizes = {
  accounts: Math.round(5_000 * scale),
  customImages: Math.round(10_000 * scale),
  instances: Math.round(20_000 * scale),
  licenses: Math.round(20_000 * scale),
  shares: Math.round(10_000 * scale),
  auditRows: Math.round(50_000 * scale),
};
/** What the benchmarking account itself owns, inside the totals above (DescribeImages self, DescribeInstances). */
const own = { images: quick ? 60 : 200, instances: quick ? 100 : 500 };
const REGION = 'cn-hangzhou';
// Other work on the machine moves every figure: the report says how busy it was.
const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const loadAtStart = loadAverage();
const progress = (line: string) => console.error(`… ${line}`);
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

const db = openDatabase(config.databaseFile);
applyMigrations(db);
seedCatalogue(db);
useDatabase(db);

// ─── The dataset ─────────────────────────────────────────────────────────────
progress(`generating the dataset in ${dir}`);
const generationStart = performance.now();
seedMarketplace(db, new Map(seedSellers.map((s) => [s.key, { accountId: createAccount(s.name), name: s.name }])), seedProducts, new Date());
const benchAccountId = createAccount('Bench buyer');
const actor = { userId: `user-${benchAccountId}`, accountId: benchAccountId, roles: ['buyer' as const], requestId: newRequestId() };
const key = createAccessKey(actor);

const sqlite = db.$client;
const systemImage = sqlite.prepare(`SELECT id FROM images WHERE region_id = ? AND kind = 'system' AND os_type = 'linux' LIMIT 1`).get(REGION) as { id: string };
const listedSkus = sqlite.prepare(`SELECT s.code AS sku, s.product_code AS product, s.pricing_model AS model, s.price_fen AS price FROM skus s JOIN products p ON p.code = s.product_code WHERE p.status = 'listed'`).all() as { sku: string; product: string; model: string; price: number }[];

// Raw prepared statements in one transaction: the services would take minutes for this many rows.
const insert = {
  account: sqlite.prepare(`INSERT INTO accounts (id, name, seller_status, created_at) VALUES (?, ?, 'none', ?)`),
  image: sqlite.prepare(`INSERT INTO images (id, region_id, kind, owner_account_id, name, description, os_type, platform, architecture, size_gib, status, source, source_instance_id, created_at) VALUES (?, ?, 'custom', ?, ?, '', ?, ?, 'x86_64', 40, 'Available', 'instance', ?, ?)`),
  task: sqlite.prepare(`INSERT INTO tasks (id, account_id, region_id, action, status, progress, image_id, created_at, finished_at) VALUES (?, ?, ?, 'CreateImage', 'Finished', 100, ?, ?, ?)`),
  instance: sqlite.prepare(`INSERT INTO instances (id, account_id, region_id, instance_type_id, image_id, name, status, billing, metered_until, created_at) VALUES (?, ?, ?, 'ecs.g7.large', ?, ?, ?, 'payg', ?, ?)`),
  order: sqlite.prepare(`INSERT INTO orders (id, account_id, product_code, sku_code, pricing_model, region_id, quantity, unit_price_fen, amount_fen, status, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 'paid', 'purchase', ?)`),
  license: sqlite.prepare(`INSERT INTO licenses (id, account_id, product_code, region_id, order_id, pricing_model, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'available', ?)`),
  share: sqlite.prepare(`INSERT INTO image_shares (image_id, owner_account_id, recipient_account_id, shared_at) VALUES (?, ?, ?, ?)`),
  audit: sqlite.prepare(`INSERT INTO audit_log (at, actor_user_id, account_id, action, target, request_id, outcome) VALUES (?, ?, ?, ?, ?, ?, 'ok')`),
  setting: sqlite.prepare(`INSERT INTO platform_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
};
// Limits raised so the benchmark measures speed, not the API rate limit or the launch quotas (issue 12).
const raisedSettings = { apiReadsPerSecond: 100_000, apiWritesPerSecond: 100_000, instanceQuotaPerRegion: 100_000, vcpuQuotaPerRegion: 1_000_000, minLaunchBalanceFen: 0 };

sqlite.transaction(() => {
  const now = Date.now();
  for (const [name, value] of Object.entries(raisedSettings)) insert.setting.run(name, JSON.stringify(value), now);
  const accountIds = [benchAccountId];
  for (let i = 1; i < sizes.accounts; i++) {
    const id = newAccountId();
    insert.account.run(id, `Bench account ${i}`, now - i * 1000);
    accountIds.push(id);
  }
  // The bench account owns the first `own.*` rows; the rest are spread over the other accounts.
  const ownerOf = (i: number, owned: number) => (i < owned ? benchAccountId : accountIds[1 + (i % (accountIds.length - 1))]);
  const imageIds: string[] = [];
  for (let i = 0; i < sizes.customImages; i++) {
    const id = newResourceId('m');
    const owner = ownerOf(i, own.images);
    const windows = i % 5 === 0;
    const at = now - i * 60_000;
    insert.image.run(id, REGION, owner, `bench-image-${i}`, windows ? 'windows' : 'linux', windows ? 'Windows Server 2022' : 'Ubuntu', newResourceId('i'), at);
    insert.task.run(newResourceId('t'), owner, REGION, id, at, at + 30_000);
    imageIds.push(id);
  }
  for (let i = 0; i < sizes.instances; i++) {
    const at = now - i * 30_000;
    insert.instance.run(newResourceId('i'), ownerOf(i, own.instances), REGION, systemImage.id, `bench-instance-${i}`, i % 4 === 0 ? 'Stopped' : 'Running', now - (now % 3_600_000), at);
  }
  for (let i = 0; i < sizes.licenses; i++) {
    const sku = listedSkus[i % listedSkus.length];
    const account = ownerOf(i, 0);
    const orderId = newResourceId('o');
    insert.order.run(orderId, account, sku.product, sku.sku, sku.model, REGION, sku.price, sku.price, now - i * 1000);
    insert.license.run(newResourceId('l'), account, sku.product, REGION, orderId, sku.model, now - i * 1000);
  }
  // Shares of other accounts' images, each round of the images to the next account along; one in ten of the first round to the bench account.
  const others = accountIds.length - 1;
  for (let i = 0; i < sizes.shares; i++) {
    const imageIndex = own.images + (i % (imageIds.length - own.images));
    const round = Math.floor(i / (imageIds.length - own.images));
    const ownerIndex = imageIndex % others;
    const recipient = round === 0 && i % 10 === 0 ? benchAccountId : accountIds[1 + ((ownerIndex + 1 + round) % others)];
    insert.share.run(imageIds[imageIndex], accountIds[1 + ownerIndex], recipient, now - i * 1000);
  }
  for (let i = 0; i < sizes.auditRows; i++) {
    const account = ownerOf(i, 0);
    insert.audit.run(now - i * 100, `user-${account}`, account, i % 3 === 0 ? 'RunInstances' : 'DescribeInstances', null, newRequestId());
  }
})();
sqlite.exec('ANALYZE');
const generationSeconds = (performance.now() - generationStart) / 1000;
const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const datasetTables = ['accounts', 'images', 'tasks', 'instances', 'orders', 'licenses', 'image_shares', 'audit_log'];
const dataset = datasetTables.map((table) => [table, count(table)] as const);

// ─── In-process ceilings ─────────────────────────────────────────────────────
/** A signed v1 GET (tests/helpers/ecs-requests.ts), sent to `origin` when given. */
function signed(params: Record<string, string>, origin?: string): Request {
  const request = v1Request(key, params);
  if (!origin) return request;
  const url = new URL(request.url);
  return new Request(`${origin}${url.pathname}${url.search}`);
}

const workloads: [string, Record<string, string>][] = [
  ['RunInstances, system image', { Action: 'RunInstances', RegionId: REGION, ImageId: systemImage.id, InstanceType: 'ecs.g7.large', Amount: '1' }],
  ['DescribeImages ImageOwnerAlias=self, PageSize=50', { Action: 'DescribeImages', RegionId: REGION, ImageOwnerAlias: 'self', PageSize: '50' }],
  ['DescribeImages OSType=linux, PageSize=50', { Action: 'DescribeImages', RegionId: REGION, OSType: 'linux', PageSize: '50' }],
  ['DescribeInstances PageSize=50', { Action: 'DescribeInstances', RegionId: REGION, PageSize: '50' }],
];
const maxCalls = quick ? 300 : 5_000;
const maxSeconds = quick ? 4 : 20;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

type Result = { name: string; calls: number; perSecond: number; p50: number; p99: number };
async function measure(name: string, params: Record<string, string>): Promise<Result> {
  progress(`in-process: ${name}`);
  for (let i = 0; i < 10; i++) await expectOk(name, await handleEcsRequest(signed(params)));
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxCalls && performance.now() - start < maxSeconds * 1000) {
    const request = signed(params);
    const t = performance.now();
    const response = await handleEcsRequest(request);
    await response.text();
    times.push(performance.now() - t);
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return { name, calls: times.length, perSecond: times.length / seconds, p50: pct(times, 50), p99: pct(times, 99) };
}

async function expectOk(name: string, response: Response): Promise<void> {
  if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
  await response.body?.cancel();
}

const results: Result[] = [];
for (const [name, params] of workloads) results.push(await measure(name, params));

// ─── HTTP against the production server ──────────────────────────────────────
const connections = [1, 8, 32];
const httpSeconds = quick ? 3 : 10;
const httpMaxCalls = quick ? 1_500 : 50_000;
type HttpResult = { name: string; connections: number; calls: number; perSecond: number; p50: number; p99: number };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `connections` loops, each sending the next signed request when its answer is in; bounded by count and time. */
async function load(name: string, params: Record<string, string>, origin: string, conns: number, bound = { seconds: httpSeconds, calls: httpMaxCalls }): Promise<HttpResult> {
  const times: number[] = [];
  const start = performance.now();
  const loop = async () => {
    while (times.length < bound.calls && performance.now() - start < bound.seconds * 1000) {
      const t = performance.now();
      const response = await fetch(signed(params, origin));
      await response.text();
      if (response.status !== 200) throw new Error(`${name} over HTTP: ${response.status}`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: conns }, loop));
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return { name, connections: conns, calls: times.length, perSecond: times.length / seconds, p50: pct(times, 50), p99: pct(times, 99) };
}

async function overHttp(): Promise<HttpResult[] | string> {
  const serverDir = path.resolve(process.env.BENCH_SERVER_DIR ?? process.cwd());
  if (!fs.existsSync(path.join(serverDir, '.next', 'BUILD_ID'))) return `not measured: no build in ${serverDir} (run \`npm run build\` there, or set BENCH_SERVER_DIR)`;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(serverDir, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], { cwd: serverDir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' } });
  try {
    const ready = performance.now();
    for (;;) {
      if (performance.now() - ready > 60_000) return 'not measured: the server did not answer within 60 s';
      const up = await fetch(`${origin}/api/ecs`).then(() => true, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const out: HttpResult[] = [];
    for (const [name, params] of workloads) {
      progress(`HTTP: ${name}`);
      await load(name, params, origin, 8, { seconds: 1, calls: 50 }); // warm-up: the first calls load the route
      for (const conns of connections) out.push(await load(name, params, origin, conns));
    }
    return out;
  } finally {
    server.kill('SIGTERM');
  }
}
const http = process.argv.includes('--http') ? await overHttp() : 'not measured (run with --http)';

// ─── Report ──────────────────────────────────────────────────────────────────
say(`Stratus benchmark (${runName}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the start ${loadAtStart}, at the end ${loadAverage()}`);
say();
say(`Dataset generated in ${generationSeconds.toFixed(1)} s (one transaction of raw inserts, after the migrations and the seed):`);
for (const [table, n] of dataset) say(`  ${table.padEnd(14)}${String(n).padStart(9)}`);
say(`  the benchmarking account owns ${own.images} custom images and ${own.instances} instances in ${REGION}`);
say(`Raised in platform_settings so the limits do not cap the figures: ${Object.entries(raisedSettings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
say();
say(`In-process ceilings: handleEcsRequest called directly, signed v1 GETs, one at a time, up to ${maxCalls} calls or ${maxSeconds} s per workload after 10 warm-up calls`);
say('workload'.padEnd(52) + ' calls   req/s  p50 ms  p99 ms');
for (const r of results) say(`${r.name.padEnd(52)}${String(r.calls).padStart(6)}${r.perSecond.toFixed(0).padStart(8)}${r.p50.toFixed(2).padStart(8)}${r.p99.toFixed(2).padStart(8)}`);
say();
if (typeof http === 'string') say(`HTTP at ${connections.join(' / ')} connections: ${http}.`);
else {
  say(`HTTP: \`next start\` on the same data directory, signed v1 GETs from ${connections.join(' / ')} concurrent loops in this process (fetch, keep-alive), ${httpSeconds} s or ${httpMaxCalls} calls each, after 50 warm-up calls; the load loops share the 2 cores with the server`);
  say('workload'.padEnd(52) + ' conns  calls   req/s  p50 ms  p99 ms  of in-process');
  for (const r of http) {
    const ceiling = results.find((c) => c.name === r.name)!.perSecond;
    say(`${r.name.padEnd(52)}${String(r.connections).padStart(6)}${String(r.calls).padStart(7)}${r.perSecond.toFixed(0).padStart(8)}${r.p50.toFixed(2).padStart(8)}${r.p99.toFixed(2).padStart(8)}${`${Math.round((100 * r.perSecond) / ceiling)}%`.padStart(15)}`);
  }
}

// The run replaces its own section of docs/benchmarks.md (or of --out=FILE), so the quick, the
// full and a scaled run sit side by side.
const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? path.join('docs', 'benchmarks.md');
const section = runName;
const block = `<!-- bench:${section} -->\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n<!-- /bench:${section} -->`;
const doc = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '# Benchmarks\n';
const marked = new RegExp(`<!-- bench:${section} -->[\\s\\S]*?<!-- /bench:${section} -->`);
fs.writeFileSync(out, marked.test(doc) ? doc.replace(marked, () => block) : `${doc.trimEnd()}\n\n${block}\n`);
console.log(`\nWritten to ${out}.`);
db.$client.close();
