// Issue 12 (Backups): a backup made while another process writes without pause is consistent
// — restored into a fresh data directory, the ledger sums to zero, no license is held twice,
// every purchase order has its licenses, the database passes its integrity check — and the
// stored files come back byte for byte. A restore refuses a running server, data it would
// overwrite (unless forced) and a damaged backup.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skuCode } from './seed/marketplace';
import { bundled } from '../tests/helpers/bundle';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../tests/helpers/database';
import { fund, productImage } from '../tests/helpers/marketplace';
import { createBackup, restoreBackup, verifyBackup, type DataPaths } from './backup';

const { db } = throwawayDatabase();
const writeStream = bundled('tests/concurrency/write-stream.ts');
let root: string;
let source: DataPaths;
const storedFiles = new Map([
  ['objects/ob-1', new Uint8Array(randomBytes(300_000))],
  ['objects/ob-2', new Uint8Array(0)],
  ['disks/m-1', new Uint8Array(randomBytes(70_000))],
]);

beforeAll(async () => {
  await seedTestMarketplace(db());
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-backup-'));
  const file = db().$client.name;
  source = { dataDir: path.dirname(file), databaseFile: file, storageDir: path.join(root, 'storage') };
  for (const [rel, bytes] of storedFiles) {
    fs.mkdirSync(path.dirname(path.join(source.storageDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(source.storageDir, rel), bytes);
  }
  fs.writeFileSync(path.join(source.storageDir, 'objects/ob-3.partial'), 'an upload in progress');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const fresh = (name: string): DataPaths => {
  const dataDir = path.join(root, name);
  return { dataDir, databaseFile: path.join(dataDir, 'stratus.db'), storageDir: path.join(dataDir, 'storage') };
};

/** The invariants a consistent database keeps, read with plain SQL. */
function invariants(file: string) {
  const restored = new Database(file, { readonly: true });
  try {
    const one = (sql: string) => Object.values(restored.prepare(sql).get() as object)[0];
    return {
      integrity: restored.pragma('integrity_check', { simple: true }),
      booksSum: one('SELECT coalesce(sum(balance_fen), 0) FROM ledger_books'),
      entriesSum: one('SELECT coalesce(sum(amount_fen), 0) FROM ledger_entries'),
      booksMatchEntries: one('SELECT count(*) FROM ledger_books b WHERE b.balance_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM ledger_entries e WHERE e.book_id = b.id)'),
      licensesHeldTwice: one('SELECT count(*) FROM (SELECT instance_id FROM licenses WHERE instance_id IS NOT NULL GROUP BY instance_id HAVING count(*) > 1)'),
      instancesWithoutTheirLicense: one("SELECT count(*) FROM instances i WHERE i.license_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM licenses l WHERE l.id = i.license_id AND l.instance_id = i.id)"),
      purchasesWithoutTheirLicenses: one("SELECT count(*) FROM orders o WHERE o.kind = 'purchase' AND o.quantity <> (SELECT count(*) FROM licenses l WHERE l.order_id = o.id)"),
      purchases: one("SELECT count(*) FROM orders WHERE kind = 'purchase'"),
      launches: one('SELECT count(*) FROM instances'),
    };
  } finally {
    restored.close();
  }
}

describe('a backup during a stream of writes', () => {
  it('restores into a fresh data directory with the ledger at zero, each license held once, each purchase with its licenses, the files byte-equal', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const productCode = 'lnmp000101';
    const writer = spawn(process.execPath, [writeStream, source.databaseFile, buyer.accountId, await productImage(productCode), productCode, skuCode(productCode, 'per_instance')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    writer.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const stopped = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    await expect.poll(() => out, { timeout: 60_000, interval: 50 }).toContain('writing');

    // Three backups while the writer goes on: each consistent on its own, and none stale (each
    // holds at least every purchase committed before it began).
    const purchasesNow = () => db().$client.prepare("SELECT count(*) AS n FROM orders WHERE kind = 'purchase'").get() as { n: number };
    const backups: { dir: string; committedBefore: number }[] = [];
    for (const n of [1, 2, 3]) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const committedBefore = purchasesNow().n;
      const dir = path.join(root, `backup-${n}`);
      createBackup(source, dir);
      backups.push({ dir, committedBefore });
    }
    writer.kill('SIGTERM');
    expect(await stopped).toBe(0);
    const counts = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(counts.purchases).toBeGreaterThan(0);

    const seen = new Set<string>();
    for (const [n, { dir, committedBefore }] of backups.entries()) {
      const target = fresh(`restored-${n}`);
      restoreBackup(dir, target);
      const found = invariants(target.databaseFile);
      expect(found).toMatchObject({ integrity: 'ok', booksSum: 0, entriesSum: 0, booksMatchEntries: 0, licensesHeldTwice: 0, instancesWithoutTheirLicense: 0, purchasesWithoutTheirLicenses: 0 });
      expect(found.purchases).toBeGreaterThanOrEqual(committedBefore);
      seen.add(`${found.purchases}/${found.launches}`);
      for (const [rel, bytes] of storedFiles) expect(new Uint8Array(fs.readFileSync(path.join(target.storageDir, rel)))).toEqual(bytes);
      expect(fs.existsSync(path.join(target.storageDir, 'objects/ob-3.partial'))).toBe(false);
      expect(fs.statSync(target.databaseFile).mode & 0o777).toBe(0o600);
    }
    // The backups caught the writer at different moments: it really was writing meanwhile.
    expect(seen.size).toBeGreaterThan(1);
  }, 120_000);
});

describe('restoring', () => {
  let backup: string;
  beforeAll(() => {
    backup = path.join(root, 'backup-for-restore');
    createBackup(source, backup);
  });

  it('refuses while a process has the target database open (a running server)', () => {
    const target = fresh('running');
    restoreBackup(backup, target);
    const server = new Database(target.databaseFile);
    server.pragma('journal_mode = WAL');
    server.prepare('SELECT count(*) FROM ledger_books').get();
    try {
      expect(() => restoreBackup(backup, target, { force: true })).toThrow(/in use: stop the server/);
    } finally {
      server.close();
    }
    expect(() => restoreBackup(backup, target, { force: true })).not.toThrow();
  });

  it('refuses to replace data unless forced; forced, it replaces the database and the storage directory', () => {
    const target = fresh('with-data');
    restoreBackup(backup, target);
    fs.writeFileSync(path.join(target.storageDir, 'objects/stray'), 'not in the backup');
    expect(() => restoreBackup(backup, target)).toThrow(/already holds data: restore with --force/);
    restoreBackup(backup, target, { force: true });
    expect(fs.existsSync(path.join(target.storageDir, 'objects/stray'))).toBe(false);
  });

  it('refuses a damaged or incomplete backup and leaves the target as it was', () => {
    const damaged = path.join(root, 'damaged');
    fs.cpSync(backup, damaged, { recursive: true });
    const disk = path.join(damaged, 'storage/disks/m-1');
    fs.writeFileSync(disk, Buffer.concat([fs.readFileSync(disk).subarray(0, 100), Buffer.from('x')]));
    expect(() => verifyBackup(damaged)).toThrow(/disks\/m-1 is missing or changed/);
    const target = fresh('untouched');
    expect(() => restoreBackup(damaged, target)).toThrow();
    expect(fs.existsSync(target.dataDir)).toBe(false);

    fs.rmSync(path.join(damaged, 'manifest.json'));
    expect(() => verifyBackup(damaged)).toThrow(/not a complete Stratus backup/);
    expect(() => createBackup(source, backup)).toThrow(/already exists/);
  });
});
