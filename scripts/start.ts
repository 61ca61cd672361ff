// `npm start`: prepare the database, build when the sources changed, serve on PORT (3000) with
// STRATUS_PROCESSES server processes (server.ts; one by default) sharing the port and the
// database; the first runs the background jobs. Runs in demo mode unless STRATUS_MODE says otherwise.
process.env.STRATUS_MODE ??= 'demo';
process.env.NEXT_TELEMETRY_DISABLED = '1';

import { spawnSync } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';

const { prepareDatabase } = await import('./prepare-db');
const { config } = await import('../lib/config');

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const port = process.env.PORT ?? '3000';
const sourceDirs = ['app', 'components', 'lib', 'db', 'i18n', 'messages', 'public'];
const sourceFiles = ['next.config.js', 'package.json', 'postcss.config.mjs', 'tsconfig.json', 'proxy.ts', 'instrumentation.ts'];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of [...sourceDirs, ...sourceFiles]) visit(path.join(root, entry));
  return newest;
}

function buildIfNeeded(): void {
  const buildId = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  if (buildId && buildId.mtimeMs >= newestSourceMtime()) return;
  console.log('Building Stratus (sources changed or no build yet)…');
  const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const demo = await prepareDatabase();
buildIfNeeded();

// Each process is started again when it dies; the one that runs the jobs stays the only one.
cluster.setupPrimary({ exec: path.join(root, 'server.ts') });
let stopping = false;
function startProcess(jobs: boolean, ready: () => void): Worker {
  const worker = cluster.fork({ ...process.env, PORT: port, STRATUS_JOBS: jobs ? 'on' : 'off' });
  let listening = false;
  worker.on('listening', () => {
    listening = true;
    ready();
  });
  worker.on('exit', (code) => {
    if (stopping) return;
    // One that never came up (a port in use, a broken build) is not retried for ever.
    if (!listening) process.exit(code || 1);
    console.error(`[start] server process ${worker.process.pid} ended (${code}); starting another`);
    startProcess(jobs, () => {});
  });
  return worker;
}

let waiting = config.processes;
const allReady = () => {
  if (--waiting > 0) return;
  console.log(`\nStratus (${config.mode} mode) on http://localhost:${port} — ${config.processes === 1 ? 'one server process' : `${config.processes} server processes`}, data in ${config.dataDir}`);
  if (demo.length) {
    console.log('Demo sign-ins (also in demo-credentials.json in the data directory):');
    for (const d of demo) console.log(`  ${d.role.padEnd(7)} ${d.email.padEnd(24)} ${d.password}${d.accessKeyId ? `   AccessKey ${d.accessKeyId} / ${d.accessKeySecret}` : ''}`);
  }
};
for (let i = 0; i < config.processes; i++) startProcess(i === 0, allReady);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    let left = workers.length;
    for (const worker of workers) {
      worker.on('exit', () => --left === 0 && process.exit(0));
      worker.process.kill(signal);
    }
    if (!left) process.exit(0);
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
