// Shortcuts for marketplace service tests.
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { images, ledgerBooks, licenses, orders } from '../../db/schema';
import { getDb } from '../../db/client';
import { CloudError } from '../../lib/domain/errors';
import type { Actor } from '../../lib/domain/actor';
import { runDueJobs } from '../../lib/jobs/worker';
import { clock } from '../../lib/clock';
import { creditWallet, walletBalance } from '../../lib/services/wallet';

export async function fund(actor: Actor, fen: number): Promise<void> {
  await creditWallet(actor.accountId, fen, 'test_credit');
}

export async function expectCloudError(work: () => unknown, code: string): Promise<CloudError> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    expect(error.code).toBe(code);
    return error;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

/** The marketplace image of a product version in a region. */
export async function productImage(productCode: string, regionId = 'cn-hangzhou', version?: string): Promise<string> {
  const rows = await getDb().select().from(images).where(and(eq(images.productCode, productCode), eq(images.regionId, regionId), eq(images.kind, 'marketplace')));
  const row = version ? rows.find((r) => r.productVersion === version) : rows.at(-1);
  if (!row) throw new Error(`no image of ${productCode} ${version ?? ''} in ${regionId}`);
  return row.id;
}

export async function licensesOf(actor: Actor, productCode?: string) {
  const all = await getDb().select().from(licenses).where(eq(licenses.accountId, actor.accountId));
  return productCode ? all.filter((l) => l.productCode === productCode) : all;
}

export async function ordersOf(actor: Actor) {
  return await getDb().select().from(orders).where(eq(orders.accountId, actor.accountId));
}

export const balance = async (actor: Actor) => await walletBalance(actor);

/** Sum of every book's balance: double entry keeps it at zero. */
export async function ledgerSum(): Promise<number> {
  return (await getDb().select().from(ledgerBooks)).reduce((sum, b) => sum + b.balanceFen, 0);
}

/** Moves the clock past boot and task delays and runs due jobs until none are left. */
export async function settle(rounds = 15): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    clock.advance(5_000);
    if ((await runDueJobs()) === 0 && i > 0) return;
  }
}
