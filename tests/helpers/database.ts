// A throwaway SQLite database per test file, migrated and seeded with the reference catalogue,
// installed as the process-wide handle the services use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { applyMigrations, openDatabase, useDatabase, type Db } from '../../db/client';
import { seedCatalogue } from '../../db/seed';
import { newRequestId } from '../../lib/domain/ids';
import type { Actor } from '../../lib/domain/actor';
import { createAccount } from '../../lib/services/accounts';

export function throwawayDatabase(): { db: () => Db } {
  let db: Db | undefined;
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-vitest-'));
    db = openDatabase(path.join(dir, 'test.db'));
    applyMigrations(db);
    seedCatalogue(db);
    useDatabase(db);
  });
  afterAll(() => {
    db?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db: () => db! };
}

/** A fresh account and a buyer acting for it. */
export function newBuyer(name = 'Test buyer'): Actor {
  const accountId = createAccount(name);
  return { userId: `user-${accountId}`, accountId, roles: ['buyer'], requestId: newRequestId() };
}
