// Property (issue 7): any sequence of admin credits, purchases, launches, hours passing, refunds and
// releases keeps the ledger at 0 and no wallet below 0 except through recorded arrears (MKT-12).
import fc from 'fast-check';
import { and, eq, ne } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images, instances, ledgerBooks, ledgerEntries, meteredHours, orders } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { releaseInstance, runInstances, startInstance, stopInstance } from './instances';
import { purchaseLicenses } from './orders';
import { settleHours } from './metering';
import { approveRefund, requestRefund } from './refunds';
import { expireSubscriptions, releaseExpired } from './subscriptions';
import { adjustWallet } from './wallet-adjustments';

const { db } = throwawayDatabase();
beforeAll(async () => await seedTestMarketplace(db()));
afterEach(() => clock.reset());

const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };
const HOUR = 3_600_000;

type Step =
  | { kind: 'credit'; yuan: number }
  | { kind: 'buy'; model: 'per_instance' | 'monthly'; quantity: number }
  | { kind: 'launch'; how: 'hourly' | 'licensed' | 'subscription' | 'system' }
  | { kind: 'hours'; hours: number }
  | { kind: 'refund'; pick: number }
  | { kind: 'release'; pick: number }
  | { kind: 'stopStart'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('credit' as const), yuan: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('buy' as const), model: fc.constantFrom('per_instance' as const, 'monthly' as const), quantity: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('launch' as const), how: fc.constantFrom('hourly' as const, 'licensed' as const, 'subscription' as const, 'system' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(10) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat(10) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stopStart' as const), pick: fc.nat(10) }) },
);

// lnmp000101 sells one-time and hourly; ndpm000105 monthly and hourly.
const productOf = { per_instance: 'lnmp000101', monthly: 'ndpm000105' } as const;

async function live(actor: Actor) {
  return await db().select().from(instances).where(and(eq(instances.accountId, actor.accountId), ne(instances.status, 'Released')));
}

async function apply(actor: Actor, s: Step): Promise<void> {
  const pick = <T>(rows: T[], n: number): T | undefined => rows[n % Math.max(1, rows.length)];
  const launch = async (imageId: string, extra: Record<string, unknown> = {}) => await runInstances(actor, { regionId: 'cn-hangzhou', imageId, instanceTypeId: 'ecs.t6-c1m1.large', amount: 1, ...extra });
  try {
    if (s.kind === 'credit') await adjustWallet(admin, { accountId: actor.accountId, amountFen: s.yuan * 100, reason: 'property test' });
    if (s.kind === 'buy') await purchaseLicenses(actor, { productCode: productOf[s.model], skuCode: skuCode(productOf[s.model], s.model), regionId: 'cn-hangzhou', quantity: s.quantity });
    if (s.kind === 'launch') {
      if (s.how === 'hourly') await launch(await productImage('lnmp000101'), { skuCode: skuCode('lnmp000101', 'hourly') });
      if (s.how === 'licensed') await launch(await productImage('lnmp000101'));
      if (s.how === 'subscription') await launch(await productImage('ndpm000105'));
      if (s.how === 'system') await launch((await db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!.id);
      await settle(2);
    }
    if (s.kind === 'hours') {
      clock.advance(s.hours * HOUR);
      await settleHours();
      await expireSubscriptions();
      await releaseExpired();
    }
    if (s.kind === 'refund') {
      const order = pick(await db().select().from(orders).where(and(eq(orders.accountId, actor.accountId), eq(orders.status, 'paid'))), s.pick);
      if (order) await approveRefund(admin, (await requestRefund(actor, { orderId: order.id, reason: 'property test' })).id);
    }
    if (s.kind === 'release') {
      const instance = pick(await live(actor), s.pick);
      if (instance) await releaseInstance(actor, instance.id);
    }
    if (s.kind === 'stopStart') {
      const instance = pick(await live(actor), s.pick);
      if (instance?.status === 'Running') await stopInstance(actor, instance.id);
      if (instance?.status === 'Stopped') await startInstance(actor, instance.id);
    }
  } catch (error) {
    if (!(error instanceof CloudError)) throw error; // refusals are part of the game; crashes are not
  }
}

async function checkInvariants(actor: Actor): Promise<void> {
  const books = await db().select().from(ledgerBooks);
  expect(books.reduce((sum, b) => sum + b.balanceFen, 0)).toBe(0);
  const wallet = books.find((b) => b.id === `wallet:${actor.accountId}`)!;
  const entries = await db().select().from(ledgerEntries).where(eq(ledgerEntries.bookId, wallet.id));
  expect(entries.reduce((sum, e) => sum + e.amountFen, 0)).toBe(wallet.balanceFen);
  if (wallet.balanceFen < 0) {
    // Only hours charged as arrears may take a wallet below zero, and by no more than they cost.
    const arrears = await db().select().from(meteredHours).where(and(eq(meteredHours.accountId, actor.accountId), eq(meteredHours.arrears, true)));
    expect(arrears.length).toBeGreaterThan(0);
    expect(wallet.balanceFen).toBeGreaterThanOrEqual(-arrears.reduce((sum, h) => sum + h.computeFen + h.imageFen, 0));
    // …and then nothing of the account is running (MKT-12).
    expect((await live(actor)).filter((i) => i.status === 'Running')).toEqual([]);
  }
  for (const book of books.filter((b) => b.kind === 'seller_payable')) expect(book.balanceFen).toBeGreaterThanOrEqual(0);
}

describe('ledger invariants with billing (MKT-10 … MKT-12, REF-1 … REF-6)', () => {
  it('hold after any sequence of admin credits, purchases, launches, hours passing, refunds and releases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        clock.reset();
        const buyer = await newBuyer();
        for (const s of steps) {
          await apply(buyer, s);
          await checkInvariants(buyer);
        }
      }),
      { numRuns: 80 },
    );
  });
});
