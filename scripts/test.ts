// `npm test`: unit and service tests (vitest: on SQLite, then the service and API suites again on
// PostgreSQL), then end-to-end tests (Playwright in Debian's
// Chromium against the built app on a free port with a throwaway database). Ends with one
// closing line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postgresServerUrl, stopCluster } from '../tests/helpers/postgres-server';
import { freePort } from './free-port';
import { playwrightCount, playwrightFailures, readCount, readReport, vitestCount, vitestFailures, type Count } from './test-count';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-test-'));

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return result.status ?? 1;
}

function ensureChromium(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
    if (fs.existsSync(CHROMIUM)) return true;
  }
  console.error(`The end-to-end tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  return false;
}

/** What failed, a line each, for the end of the log. */
const failures: string[] = [];
const noteFailures = <R>(json: string, project: string, list: (report: R, project: string) => string[]) =>
  failures.push(...readReport(json, (report: R) => list(report, project), [`[${project}] no report`]));

/** One engine's vitest project (vitest.config.ts): the service and API suites run on both (issue 15). */
function vitestProject(project: 'sqlite' | 'postgres'): { count: Count; status: number } {
  const json = path.join(results, `vitest-${project}.json`);
  const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  const count = readCount(json, vitestCount);
  if (status !== 0 && count.failed === 0) count.failed = 1;
  if (status !== 0) noteFailures(json, project, vitestFailures);
  return { count, status };
}
const onSqlite = vitestProject('sqlite');
const onPostgres = vitestProject('postgres');
const vitestStatus = onSqlite.status || onPostgres.status;
const unit: Count = { passed: onSqlite.count.passed + onPostgres.count.passed, failed: onSqlite.count.failed + onPostgres.count.failed, skipped: onSqlite.count.skipped + onPostgres.count.skipped };

let e2e: Count = { passed: 0, failed: 0, skipped: 0 };
let e2eStatus = 0;
let built = false;
if (process.env.STRATUS_SKIP_E2E) {
  console.log('STRATUS_SKIP_E2E is set: end-to-end tests skipped.');
} else if (!ensureChromium()) {
  e2e = { passed: 0, failed: 1, skipped: 0 };
  e2eStatus = 1;
} else {
  const e2eJson = path.join(results, 'e2e.json');
  const port = await freePort();
  built = true;
  e2eStatus = run('npx', ['playwright', 'test'], { E2E_PORT: String(port), E2E_DATA_DIR: path.join(results, 'data'), E2E_JSON: e2eJson });
  e2e = readCount(e2eJson, playwrightCount);
  if (e2eStatus !== 0) noteFailures(e2eJson, 'e2e', playwrightFailures);
  // A server that never started reports no test at all: that is a failure, not a pass.
  if (e2eStatus !== 0 && e2e.failed === 0) e2e.failed = 1;
}

// Issue 15: the real-SDK API journeys again, against a server on PostgreSQL (a database of their
// own on the server the vitest run used, or a throwaway cluster: tests/helpers/postgres-server.ts).
let onPostgresApi: Count = { passed: 0, failed: 0, skipped: 0 };
if (built && e2eStatus === 0) {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-pg-run-'));
  fs.writeFileSync(path.join(runDir, 'owner'), String(process.pid));
  try {
    const server = new URL(await postgresServerUrl(runDir));
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    const name = `stratus_e2e_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    server.pathname = `/${name}`;
    const json = path.join(results, 'e2e-postgres.json');
    const status = run('npx', ['playwright', 'test', 'e2e/api.spec.ts', 'e2e/market-api.spec.ts', '--project=e2e'], { E2E_PORT: String(await freePort()), E2E_DATA_DIR: path.join(results, 'data-postgres'), E2E_JSON: json, DATABASE_URL: server.toString() });
    onPostgresApi = readCount(json, playwrightCount);
    if (status !== 0) noteFailures(json, 'e2e on PostgreSQL', playwrightFailures);
    if (status !== 0 && onPostgresApi.failed === 0) onPostgresApi.failed = 1;
    e2eStatus = status;
  } catch (error) {
    console.error('The API journeys on PostgreSQL could not run:', error);
    onPostgresApi.failed = 1;
  } finally {
    stopCluster(runDir);
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

// Issue 16's budget: every page's first-load JavaScript within 200 kB, read off the build the
// end-to-end run just served (counted as one test).
const weight: Count = { passed: 0, failed: 0, skipped: 0 };
if (built && fs.existsSync('.next/BUILD_ID')) {
  if (run('npx', ['tsx', 'scripts/page-weight.ts']) === 0) weight.passed = 1;
  else weight.failed = 1;
}

const passed = unit.passed + e2e.passed + onPostgresApi.passed + weight.passed;
const failed = unit.failed + e2e.failed + onPostgresApi.failed + weight.failed;
const skipped = unit.skipped + e2e.skipped;
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
const engine = (name: string, c: Count) => `${name} ${c.passed} passed, ${c.failed} failed${c.skipped ? ` (${c.skipped} skipped)` : ''}`;
console.log(`\nunit+service: ${engine('on SQLite', onSqlite.count)}; ${engine('on PostgreSQL', onPostgres.count)}; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed; API journeys on PostgreSQL: ${onPostgresApi.passed} passed, ${onPostgresApi.failed} failed; page weight: ${weight.failed ? 'over budget' : weight.passed ? 'within budget' : 'not measured (no build)'}`);
const ok = vitestStatus === 0 && e2eStatus === 0 && failed === 0;
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
// The reports are read and the end-to-end server's data directory is no longer needed.
fs.rmSync(results, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
