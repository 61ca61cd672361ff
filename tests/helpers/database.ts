// A throwaway SQLite database per test file, migrated and seeded with the reference catalogue,
// installed as the process-wide handle the services use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { applyMigrations, closeDatabase, openDatabase, useDatabase, type Db } from '../../db/client';
import { eq } from 'drizzle-orm';
import { accounts, platformSettings } from '../../db/schema';
import { seedCatalogue } from '../../lib/seed/catalogue';
import { delistProduct, seedMarketplace, sellerAccounts } from '../../lib/seed/marketplace';
import { seedProducts } from '../../db/seed/marketplace-data';
import { newRequestId } from '../../lib/domain/ids';
import type { Actor } from '../../lib/domain/actor';
import { createAccount } from '../../lib/services/accounts';

export function throwawayDatabase(): { db: () => Db } {
  let db: Db | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-vitest-'));
    db = openDatabase(path.join(dir, 'test.db'));
    applyMigrations(db);
    await seedCatalogue(db);
    useDatabase(db);
  });
  afterAll(() => {
    if (db) closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db: () => db! };
}

/** A fresh account and a buyer acting for it. */
export async function newBuyer(name = 'Test buyer'): Promise<Actor> {
  const accountId = await createAccount(name);
  return { userId: `user-${accountId}`, accountId, roles: ['buyer'], requestId: newRequestId() };
}

/** The demo marketplace catalogue, owned by freshly made seller accounts. */
export async function seedTestMarketplace(db: Db): Promise<Map<string, { accountId: string; name: string }>> {
  const sellers = await sellerAccounts();
  for (const { accountId } of sellers.values()) await db.update(accounts).set({ sellerStatus: 'approved' }).where(eq(accounts.id, accountId));
  await seedMarketplace(db, sellers, seedProducts, new Date());
  for (const p of seedProducts.filter((p) => p.status === 'delisted')) await delistProduct(db, p.code, new Date());
  return sellers;
}

/**
 * Vitest runs in production mode, where a launch needs ¥100.00 in the wallet (issue 12). Test
 * files about something else launch without money, as in test and demo mode; the minimum
 * itself is tested in lib/services/launch-limits.test.ts.
 */
export async function withoutLaunchMinimum(db: Db): Promise<void> {
  const value = 0;
  await db.insert(platformSettings).values({ key: 'minLaunchBalanceFen', value, updatedAt: new Date() }).onConflictDoUpdate({ target: platformSettings.key, set: { value } });
}
