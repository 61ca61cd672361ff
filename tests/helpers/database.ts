// A throwaway database per test file, migrated and seeded with the reference catalogue, installed
// as the process-wide handle the services use: a SQLite file, or on PostgreSQL (the vitest project
// whose DATABASE_URL says postgres, issue 15) a database of its own on the run's server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { numbered, sqliteValue, type Bound } from '../../db/prepared';
import { applyMigrations, closeDatabase, openDatabase, openPostgres, useDatabase, type Db } from '../../db/client';
import { onPostgres } from '../../db/engine';
import { eq } from 'drizzle-orm';
import { accounts, platformSettings } from '../../db/schema';
import { seedCatalogue } from '../../lib/seed/catalogue';
import { delistProduct, seedMarketplace, sellerAccounts } from '../../lib/seed/marketplace';
import { seedProducts } from '../../db/seed/marketplace-data';
import { newRequestId } from '../../lib/domain/ids';
import type { Actor } from '../../lib/domain/actor';
import { createAccount } from '../../lib/services/accounts';
import { throwawayPostgres } from './postgres';

export function throwawayDatabase(): { db: () => Db } {
  return onPostgres ? throwawayPostgresDatabase() : throwawaySqliteDatabase();
}

function throwawaySqliteDatabase(): { db: () => Db } {
  let db: Db | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-vitest-'));
    location = path.join(dir, 'test.db');
    db = openDatabase(location);
    await applyMigrations(db);
    await seedCatalogue(db);
    useDatabase(db);
  });
  afterAll(async () => {
    if (db) await closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db: () => db! };
}

/** Where the file's database is: its SQLite file, or its PostgreSQL URL. */
let location = '';

function throwawayPostgresDatabase(): { db: () => Db } {
  let db: Db | undefined;
  // Registered first, so its database exists (and is dropped) around the hooks below.
  const postgres = throwawayPostgres({ migrated: true });
  beforeAll(async () => {
    location = postgres.url();
    db = openPostgres(location, 4);
    await seedCatalogue(db);
    useDatabase(db);
  });
  // Before the database is dropped: vitest runs afterAll hooks in reverse order.
  afterAll(async () => {
    if (db) await closeDatabase(db);
  });
  return { db: () => db! };
}

/** The file's database, for a process the test starts: its SQLite file or PostgreSQL URL. */
export const databaseLocation = () => location;

/** A handle of its own on the file's database, as another process would open it (closeDatabase it after). */
export function anotherHandle(): Db {
  return onPostgres ? openPostgres(location, 2) : openDatabase(location);
}

/** Another process's plain SQL on the file's database: `?` placeholders, a time bound as a Date. */
export async function anotherProcess(): Promise<{ run(statement: string, ...params: Bound[]): Promise<void>; close(): Promise<void> }> {
  if (!onPostgres) {
    const file = new Database(location);
    return { run: async (statement, ...params) => void file.prepare(statement).run(...params.map(sqliteValue)), close: async () => void file.close() };
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  return { run: async (statement, ...params) => void (await client.query(numbered(statement), params)), close: () => client.end() };
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
