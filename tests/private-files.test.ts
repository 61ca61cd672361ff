// Issue 12: files with secrets — the database (and its -wal, -shm), the auth secret and
// demo-credentials.json — are created readable by their owner only (mode 0600).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-private-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const mode = (file: string) => fs.statSync(path.join(dir, file)).mode & 0o777;

describe('secret files are mode 0600', () => {
  it('npm start’s database preparation in demo mode, and the generated auth secret', async () => {
    const umask = process.umask(0o022); // the usual umask, which leaves new files world-readable
    try {
      process.env.STRATUS_DATA_DIR = dir;
      process.env.STRATUS_MODE = 'demo';
      delete process.env.BETTER_AUTH_SECRET;
      const { prepareDatabase } = await import('../scripts/prepare-db');
      const { authSecret } = await import('../lib/auth/secret');
      await prepareDatabase();
      authSecret();
      for (const file of ['stratus.db', 'stratus.db-wal', 'stratus.db-shm', 'auth-secret', 'demo-credentials.json']) {
        expect([file, mode(file).toString(8)]).toEqual([file, '600']);
      }
    } finally {
      process.umask(umask);
    }
  });

  it('an existing world-readable database and credentials file are narrowed when written again', async () => {
    const { openDatabase } = await import('../db/client');
    const { writePrivateFile } = await import('../lib/private-files');
    const old = path.join(dir, 'old.db');
    fs.writeFileSync(old, '', { mode: 0o644 });
    fs.chmodSync(old, 0o644);
    openDatabase(old).$client.close();
    expect(mode('old.db').toString(8)).toBe('600');
    const creds = path.join(dir, 'creds.json');
    fs.writeFileSync(creds, '{}', { mode: 0o644 });
    writePrivateFile(creds, '{"users":[]}');
    expect(mode('creds.json').toString(8)).toBe('600');
  });
});
