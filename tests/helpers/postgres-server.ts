// Finds or starts the PostgreSQL server the tests use (issue 15), in this order:
// STRATUS_TEST_DATABASE_URL; a server on 127.0.0.1:5432 that lets the current user or `postgres`
// create databases; a throwaway cluster from Debian's binaries (apt-get installs them first when
// run as root); else an error that says what to install. One vitest run shares one server: its
// files coordinate through the run's directory (tests/helpers/postgres-setup.ts makes it).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../scripts/free-port';

const isRoot = process.getuid?.() === 0;
const WAIT_MS = 10 * 60_000; // an apt-get install may take minutes

/** The URL of a server where this run may create databases (its maintenance database). */
export async function postgresServerUrl(runDir: string): Promise<string> {
  if (process.env.STRATUS_TEST_DATABASE_URL) return process.env.STRATUS_TEST_DATABASE_URL;
  const answer = path.join(runDir, 'server.json');
  // The first file of the run to get here finds the server; the others wait for its answer.
  if (claim(path.join(runDir, 'claim'))) {
    const found = await findOrStart(runDir).then(
      (url) => ({ url }),
      (error: Error) => ({ error: error.message }),
    );
    // The URL holds the cluster's superuser password, and as root the run's directory is open to postgres.
    fs.writeFileSync(`${answer}.tmp`, JSON.stringify(found), { mode: 0o600 });
    fs.renameSync(`${answer}.tmp`, answer);
  }
  for (const until = Date.now() + WAIT_MS; !fs.existsSync(answer); ) {
    if (Date.now() > until) throw new Error(`No PostgreSQL server after ${WAIT_MS / 1000} s (see ${runDir}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const found = JSON.parse(fs.readFileSync(answer, 'utf8')) as { url?: string; error?: string };
  if (!found.url) throw new Error(found.error);
  return found.url;
}

function claim(file: string): boolean {
  try {
    fs.mkdirSync(file);
    return true;
  } catch {
    return false;
  }
}

async function findOrStart(runDir: string): Promise<string> {
  for (const user of new Set([os.userInfo().username, 'postgres'])) {
    const url = `postgres://${user}@127.0.0.1:5432/postgres`;
    if (await mayCreateDatabases(url)) return url;
  }
  const bin = postgresBinaries() ?? installPostgres();
  if (!bin) {
    throw new Error(
      'The PostgreSQL tests need a server: set STRATUS_TEST_DATABASE_URL=postgres://user:password@host:port/postgres (a role that may create databases), ' +
        'run one on 127.0.0.1:5432, or install PostgreSQL ≥ 15 (Debian: sudo apt-get install postgresql) so that a throwaway cluster can be started.',
    );
  }
  return startCluster(bin, path.join(runDir, 'cluster'));
}

async function mayCreateDatabases(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>('SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user');
    return rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The bin directory of the newest Debian PostgreSQL ≥ 15 with initdb and pg_ctl, if any. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => Number(v) >= 15)
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl')));
}

function installPostgres(): string | undefined {
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) return undefined;
  console.log("PostgreSQL is missing: installing Debian's postgresql package…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  return postgresBinaries();
}

/** initdb refuses root: as root the cluster belongs to the `postgres` system user. */
function asOwner(bin: string, command: string, args: string[]): void {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

export async function startCluster(bin: string, dir: string): Promise<string> {
  fs.mkdirSync(dir, { mode: 0o700 });
  if (isRoot) {
    fs.chmodSync(path.dirname(dir), 0o755); // postgres must reach its directory inside the run's
    spawnSync('chown', ['postgres:', dir]);
  }
  const password = randomBytes(18).toString('base64url');
  const passwordFile = path.join(dir, 'password');
  fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  if (isRoot) spawnSync('chown', ['postgres:', passwordFile]);
  const data = path.join(dir, 'data');
  asOwner(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // A throwaway cluster: durability is not wanted, speed is. TCP only: a Unix socket's path in
  // the run's directory may be over the 107 bytes allowed (a long TMPDIR), and none is used.
  const options = `-p ${port} -c unix_socket_directories='' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  fs.writeFileSync(path.join(dir, 'bin'), bin);
  asOwner(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

/** Stops the throwaway cluster of a run, if it started one. */
export function stopCluster(runDir: string): void {
  const dir = path.join(runDir, 'cluster');
  if (!fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) return;
  const bin = fs.readFileSync(path.join(dir, 'bin'), 'utf8');
  asOwner(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
}
