// `npm run bench:search`: marketplace search latency over the demo catalogue, measured in the
// service (server time, no HTTP): a fresh throwaway database with the seed, then every query
// shape the search page sends, repeated. Prints p50 / p95 / max per shape.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-bench-'));
process.env.STRATUS_DATA_DIR = dir;

const { applyMigrations, openDatabase, useDatabase } = await import('../db/client');
const { seedCatalogue } = await import('../lib/seed/catalogue');
const { delistProduct, seedMarketplace, sellerAccounts } = await import('../lib/seed/marketplace');
const { seedProducts } = await import('../db/seed/marketplace-data');
const { searchProducts } = await import('../lib/services/marketplace');

const db = openDatabase(path.join(dir, 'bench.db'));
await applyMigrations(db);
await seedCatalogue(db);
useDatabase(db);
// BENCH_COPIES=100 multiplies the catalogue (new codes, same texts) to see how search scales.
const copies = Math.max(1, Number(process.env.BENCH_COPIES ?? 1));
const catalogue = Array.from({ length: copies }, (_, n) => seedProducts.map((p) => (n === 0 ? p : { ...p, code: `${p.code.slice(0, 4)}${String(n).padStart(2, '0')}${p.code.slice(6)}`.slice(0, 10) }))).flat();
await seedMarketplace(db, await sellerAccounts(), catalogue, new Date());
for (const p of catalogue.filter((p) => p.status === 'delisted')) await delistProduct(db, p.code, new Date());

const shapes: [string, Parameters<typeof searchProducts>[0]][] = [
  ['browse all (relevance)', {}],
  ['text: "mysql"', { q: 'mysql' }],
  ['text: two words', { q: 'ubuntu nginx' }],
  ['text: Chinese', { q: '加固镜像' }],
  ['text: 2 letters (substring fallback)', { q: 'AI' }],
  ['category + sort by price', { category: 'database', sort: 'price_asc' }],
  ['all filters', { q: 'linux', os: 'linux', pricing: 'hourly', region: 'cn-hangzhou', minPriceFen: 0, maxPriceFen: 50_000, sort: 'newest' }],
  ['page 2', { page: 2, pageSize: 24 }],
];

const RUNS = 300;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
console.log(`Marketplace search, ${catalogue.length} products, ${RUNS} runs per query shape (after 20 warm-up runs)`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
console.log('query shape'.padEnd(40) + 'results  p50 ms  p95 ms  max ms');
for (const [name, query] of shapes) {
  for (let i = 0; i < 20; i++) await searchProducts(query);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    total = (await searchProducts(query)).total;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(40)}${String(total).padStart(7)}${pct(times, 50).toFixed(2).padStart(8)}${pct(times, 95).toFixed(2).padStart(8)}${times.at(-1)!.toFixed(2).padStart(8)}`);
}
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
