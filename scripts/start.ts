// `npm start`: prepare the database, build when the sources changed, serve on PORT (3000).
// Runs in demo mode unless STRATUS_MODE says otherwise.
process.env.STRATUS_MODE ??= 'demo';
process.env.NEXT_TELEMETRY_DISABLED = '1';

import { spawn, spawnSync } from 'node:child_process';
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

const server = spawn(nextBin, ['start', '-p', port], { stdio: 'inherit', env: process.env });
console.log(`\nStratus (${config.mode} mode) on http://localhost:${port} — data in ${config.dataDir}`);
if (demo.length) {
  console.log('Demo sign-ins (also in demo-credentials.json in the data directory):');
  for (const d of demo) console.log(`  ${d.role.padEnd(7)} ${d.email.padEnd(24)} ${d.password}${d.accessKeyId ? `   AccessKey ${d.accessKeyId} / ${d.accessKeySecret}` : ''}`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
