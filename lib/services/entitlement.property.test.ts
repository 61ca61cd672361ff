// Property (issue 3): whatever buyers do — buy, launch, release, replace disks, let hours pass
// and be billed — every license in use is held by exactly one live instance of its product and
// region, no license is held twice, the ledger balances, and only metering overdraws a wallet,
// which then stops the account's instances (MKT-12).
import fc from 'fast-check';
import { and, asc, eq, ne } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images, instances, ledgerBooks, ledgerEntries, licenses } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { fund, productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import { CloudError } from '../domain/errors';
import { settleHours } from './metering';
import { releaseInstance, replaceSystemDisk, runInstances, stopInstance } from './instances';
import { purchaseLicenses } from './orders';
import type { Actor } from '../domain/actor';

const { db } = throwawayDatabase();
beforeAll(async () => {
  await seedTestMarketplace(db());
  // A few fen may launch, so a short run of billed hours can overdraw the wallet; the launch
  // minimum has its own tests (launch-limits.test.ts).
  await withoutLaunchMinimum(db());
});
afterEach(() => clock.reset());

const PRODUCTS = ['lnmp000101', 'jnks000502'] as const;
const REGIONS = ['cn-hangzhou', 'cn-beijing'] as const;

type Step =
  | { kind: 'buy'; product: number; region: number; quantity: number }
  | { kind: 'launch'; product: number; region: number; amount: number; hourly: boolean }
  | { kind: 'launchSystem'; region: number }
  | { kind: 'release'; pick: number }
  | { kind: 'replace'; pick: number; target: number }
  | { kind: 'settle' }
  | { kind: 'hours'; hours: number };

// Weighted so that most sequences reach the interesting states: booted, licensed, replaced.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('buy' as const), product: fc.nat(1), region: fc.nat(1), quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('launch' as const), product: fc.nat(1), region: fc.nat(1), amount: fc.integer({ min: 1, max: 3 }), hourly: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('launchSystem' as const), region: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat(20) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(20), target: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'settle' as const }) },
  // Billed hours: now and then enough for the metering sweep to overdraw a small wallet.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 1, max: 24 }) }) },
);

let overdrawn = 0; // sweeps that overdrew a wallet: the arrears checks above must have run

async function walletOf(actor: Actor) {
  return (await db().select().from(ledgerBooks).where(eq(ledgerBooks.id, `wallet:${actor.accountId}`)).limit(1)).at(0)!;
}

async function live(actor: Actor) {
  return await db().select().from(instances).where(and(eq(instances.accountId, actor.accountId), ne(instances.status, 'Released')));
}

async function systemImage(regionId: string) {
  return (await db().select().from(images).where(and(eq(images.regionId, regionId), eq(images.kind, 'system'))).limit(1)).at(0)!.id;
}

async function apply(actor: Actor, s: Step): Promise<void> {
  const code = 'product' in s ? PRODUCTS[s.product] : PRODUCTS[0];
  const region = 'region' in s ? REGIONS[s.region] : REGIONS[0];
  const target = async (pick: number) => (await live(actor))[pick % Math.max(1, (await live(actor)).length)];
  try {
    if (s.kind === 'buy') await purchaseLicenses(actor, { productCode: code, skuCode: skuCode(code, 'per_instance'), regionId: region, quantity: s.quantity });
    if (s.kind === 'launch') {
      const hourly = s.hourly && code === 'lnmp000101';
      await runInstances(actor, { regionId: region, imageId: await productImage(code, region), instanceTypeId: 'ecs.t6-c1m1.large', amount: s.amount, ...(hourly ? { skuCode: skuCode(code, 'hourly') } : {}) });
    }
    if (s.kind === 'launchSystem') await runInstances(actor, { regionId: region, imageId: await systemImage(region), instanceTypeId: 'ecs.t6-c1m1.large', amount: 1 });
    if (s.kind === 'release') {
      const instance = await target(s.pick);
      if (instance) await releaseInstance(actor, instance.id);
    }
    if (s.kind === 'replace') {
      let instance = await target(s.pick);
      if (!instance) return;
      if (instance.status === 'Pending') await settle(2);
      instance = (await db().select().from(instances).where(eq(instances.id, instance.id)).limit(1)).at(0)!;
      if (instance.status === 'Running') await stopInstance(actor, instance.id);
      const choices = [await productImage('lnmp000101', instance.regionId, '1.0.0'), await productImage('lnmp000101', instance.regionId, '2.0.0'), await productImage('jnks000502', instance.regionId), await systemImage(instance.regionId)];
      await replaceSystemDisk(actor, { instanceId: instance.id, imageId: choices[s.target] });
    }
    if (s.kind === 'settle') await settle(3);
    if (s.kind === 'hours') {
      await settle(2); // boots what is pending, so the hours are billed
      clock.advance(s.hours * 3_600_000);
      await settleHours();
      // MKT-12: a wallet the sweep overdrew leaves nothing of the account running.
      if ((await walletOf(actor)).balanceFen < 0) {
        overdrawn++;
        expect((await live(actor)).filter((i) => i.status === 'Running')).toEqual([]);
      }
    }
  } catch (error) {
    if (!(error instanceof CloudError)) throw error; // refusals are part of the game; crashes are not
  }
}

async function checkInvariants(actor: Actor): Promise<void> {
  const mine = await db().select().from(licenses).where(eq(licenses.accountId, actor.accountId));
  const alive = await live(actor);
  const held = alive.filter((i) => i.licenseId);
  // No license is held twice, and every held license is in use by exactly that instance.
  expect(new Set(held.map((i) => i.licenseId)).size).toBe(held.length);
  const inUse = mine.filter((l) => l.status === 'in_use');
  expect(inUse.length).toBe(held.length);
  for (const instance of held) {
    const license = mine.find((l) => l.id === instance.licenseId)!;
    expect(license).toMatchObject({ status: 'in_use', instanceId: instance.id, regionId: instance.regionId });
  }
  // Every live instance of a product-coded image holds a license of that product (MKT-4, MKT-6).
  for (const instance of alive) {
    const image = (await db().select().from(images).where(eq(images.id, instance.imageId)).limit(1)).at(0)!;
    if (image.productCode) expect(mine.find((l) => l.id === instance.licenseId)?.productCode).toBe(image.productCode);
    else expect(instance.licenseId).toBeNull();
  }
  // Double entry: all books sum to zero, each book's balance is the sum of its entries.
  const books = await db().select().from(ledgerBooks);
  expect(books.reduce((sum, b) => sum + b.balanceFen, 0)).toBe(0);
  const wallet = await walletOf(actor);
  const entries = await db().select().from(ledgerEntries).where(eq(ledgerEntries.bookId, wallet.id)).orderBy(asc(ledgerEntries.id));
  expect(entries.reduce((sum, e) => sum + e.amountFen, 0)).toBe(wallet.balanceFen);
  // MKT-12: purchases and launches refuse what the wallet cannot pay; only an ended hour's charge
  // may take it below zero.
  let balance = 0;
  for (const entry of entries) {
    balance += entry.amountFen;
    if (entry.amountFen < 0 && balance < 0) expect(entry.reason).toBe('metering');
  }
}

describe('license and ledger invariants (MKT-3 … MKT-6, MKT-12)', () => {
  it('hold after any sequence of purchases, launches, releases, disk replacements and billed hours', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 80_000 })), async (steps, money) => {
        const buyer = await newBuyer();
        if (money) await fund(buyer, money);
        for (const s of steps) {
          await apply(buyer, s);
          await checkInvariants(buyer);
        }
        // Released, this run's instances are not billed again by later runs' sweeps.
        for (const instance of await live(buyer)) await releaseInstance(buyer, instance.id);
      }),
      { numRuns: 200 },
    );
    expect(overdrawn).toBeGreaterThan(0);
  });
});
