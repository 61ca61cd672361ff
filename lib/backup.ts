// Backups (issue 12): a consistent copy of a running server's data, and putting it back on a
// stopped one. A backup is a directory: the database as of one moment (SQLite's VACUUM INTO,
// a read transaction, so writers carry on meanwhile), the stored objects and disks, the
// generated auth secret (the AccessKey and seller-key secrets are encrypted under it), and a
// manifest with every file's size and SHA-256, written last: a directory without it is not a backup.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type DataPaths = { dataDir: string; databaseFile: string; storageDir: string };

type ManifestFile = { path: string; bytes: number; sha256: string };
export type Manifest = { format: 'stratus-backup'; version: 1; createdAt: string; database: { sha256: string }; authSecret: boolean; files: ManifestFile[] };

const DATABASE = 'stratus.db';
const AUTH_SECRET = 'auth-secret';
const STORAGE = 'storage';
const MANIFEST = 'manifest.json';

export class BackupError extends Error {}

/** data/backups/stratus-20261201-091500 (UTC): sorts by time. */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join(dataDir, 'backups', `stratus-${stamp}`);
}

function sha256(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every regular file under dir, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) return filesUnder(dir, rel);
    return entry.isFile() ? [rel] : [];
  });
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/** Copies a file, readable by the owner only (it may hold secrets). */
function copyPrivate(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  fs.copyFileSync(from, to);
  fs.chmodSync(to, 0o600);
}

function integrityCheck(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`the backup's database fails its integrity check: ${String(result)}`);
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_books'").get()) throw new BackupError("the backup's database is not a Stratus database");
  } finally {
    db.close();
  }
}

/** Backs up a running (or stopped) server's data into the directory `target`, which must not exist. */
export function createBackup(source: DataPaths, target: string): Manifest {
  target = path.resolve(target);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists`);
  const storage = path.resolve(source.storageDir);
  if (inside(target, storage)) throw new BackupError('a backup cannot go inside the storage directory it copies');
  if (!fs.existsSync(source.databaseFile)) throw new BackupError(`no database at ${source.databaseFile}`);
  // Built under another name and renamed when complete: a backup that broke off is never taken for one.
  const work = `${target}.partial`;
  if (fs.existsSync(work)) throw new BackupError(`${work} is left from a backup that did not finish: remove it first`);
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });

  const db = new Database(source.databaseFile, { fileMustExist: true, timeout: 15_000 });
  try {
    db.prepare('VACUUM INTO ?').run(path.join(work, DATABASE));
  } finally {
    db.close();
  }
  fs.chmodSync(path.join(work, DATABASE), 0o600);
  integrityCheck(path.join(work, DATABASE));

  const secret = path.join(source.dataDir, AUTH_SECRET);
  const authSecret = fs.existsSync(secret);
  if (authSecret) copyPrivate(secret, path.join(work, AUTH_SECRET));

  // Objects and disks after the database: an upload in progress (.partial) is not an object yet;
  // a file that goes while we walk is skipped.
  const files: ManifestFile[] = [];
  for (const rel of filesUnder(storage).filter((f) => !f.endsWith('.partial'))) {
    const to = path.join(work, STORAGE, rel);
    try {
      copyPrivate(path.join(storage, rel), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    files.push({ path: rel, bytes: fs.statSync(to).size, sha256: sha256(to) });
  }
  const database = { sha256: sha256(path.join(work, DATABASE)) };
  const manifest: Manifest = { format: 'stratus-backup', version: 1, createdAt: new Date().toISOString(), database, authSecret, files };
  fs.writeFileSync(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(work, target);
  return manifest;
}

/** The manifest of a complete, intact backup; a BackupError says what is wrong otherwise. */
export function verifyBackup(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new BackupError(`${dir} is not a complete Stratus backup (no ${MANIFEST})`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 'stratus-backup' || manifest.version !== 1) throw new BackupError(`${dir} is not a Stratus backup of a known version`);
  if (!fs.existsSync(path.join(dir, DATABASE)) || sha256(path.join(dir, DATABASE)) !== manifest.database?.sha256) throw new BackupError("the backup's database is not the one it was made with");
  integrityCheck(path.join(dir, DATABASE));
  for (const f of manifest.files) {
    const copy = path.join(dir, STORAGE, f.path);
    if (path.relative(path.join(dir, STORAGE), copy).startsWith('..')) throw new BackupError(`the manifest names a file outside the backup: ${f.path}`);
    if (!fs.existsSync(copy) || fs.statSync(copy).size !== f.bytes || sha256(copy) !== f.sha256) throw new BackupError(`the backup's file ${f.path} is missing or changed`);
  }
  if (manifest.authSecret && !fs.existsSync(path.join(dir, AUTH_SECRET))) throw new BackupError("the backup's auth secret is missing");
  return manifest;
}

/**
 * Refuses when a process has the database open: a server keeps its connection for its whole
 * life, and in WAL mode that connection stops anyone else from taking the exclusive lock.
 */
function assertStopped(databaseFile: string): void {
  if (!fs.existsSync(databaseFile)) return;
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 200 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new BackupError(`${databaseFile} is in use: stop the server (and anything else using the database) before restoring`);
    throw error;
  } finally {
    db.close();
  }
}

function hasData(target: DataPaths): boolean {
  return fs.existsSync(target.databaseFile) || filesUnder(target.storageDir).length > 0;
}

/** Puts a backup in place of a stopped server's data; refuses to overwrite data unless force. */
export function restoreBackup(dir: string, target: DataPaths, { force = false } = {}): Manifest {
  const manifest = verifyBackup(dir);
  assertStopped(target.databaseFile);
  if (hasData(target) && !force) throw new BackupError(`${target.dataDir} already holds data: restore with --force to replace it`);
  const storage = path.resolve(target.storageDir);
  if (inside(path.resolve(dir), storage)) throw new BackupError('the backup lies inside the storage directory a restore replaces: move it elsewhere first');
  fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });

  const incoming = `${storage}.restoring`;
  fs.rmSync(incoming, { recursive: true, force: true });
  fs.mkdirSync(incoming, { recursive: true, mode: 0o700 });
  for (const f of manifest.files) copyPrivate(path.join(dir, STORAGE, f.path), path.join(incoming, f.path));
  fs.rmSync(storage, { recursive: true, force: true });
  fs.renameSync(incoming, storage);

  if (manifest.authSecret) copyPrivate(path.join(dir, AUTH_SECRET), path.join(target.dataDir, AUTH_SECRET));

  // The old database's WAL must not be replayed into the restored one.
  const database = path.resolve(target.databaseFile);
  copyPrivate(path.join(dir, DATABASE), `${database}.restoring`);
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(database + suffix, { force: true });
  fs.renameSync(`${database}.restoring`, database);
  return manifest;
}
