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
export function productImage(productCode: string, regionId = 'cn-hangzhou', version?: string): string {
  const rows = getDb().select().from(images).where(and(eq(images.productCode, productCode), eq(images.regionId, regionId), eq(images.kind, 'marketplace'))).all();
  const row = version ? rows.find((r) => r.productVersion === version) : rows.at(-1);
  if (!row) throw new Error(`no image of ${productCode} ${version ?? ''} in ${regionId}`);
  return row.id;
}

export function licensesOf(actor: Actor, productCode?: string) {
  const all = getDb().select().from(licenses).where(eq(licenses.accountId, actor.accountId)).all();
  return productCode ? all.filter((l) => l.productCode === productCode) : all;
}

export function ordersOf(actor: Actor) {
  return getDb().select().from(orders).where(eq(orders.accountId, actor.accountId)).all();
}

export const balance = async (actor: Actor) => await walletBalance(actor);

/** Sum of every book's balance: double entry keeps it at zero. */
export function ledgerSum(): number {
  return getDb().select().from(ledgerBooks).all().reduce((sum, b) => sum + b.balanceFen, 0);
}

/** Moves the clock past boot and task delays and runs due jobs until none are left. */
export async function settle(rounds = 15): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    clock.advance(5_000);
    if ((await runDueJobs()) === 0 && i > 0) return;
  }
}
