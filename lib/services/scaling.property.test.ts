// Property (MKT-9, issue 17): any sequence of desired changes, scheduled actions, releases by
// someone, top-ups and clock moves (with the billing sweep, which may put the account in
// arrears) keeps a group of a product-coded image within [min, max] whenever it is entitled,
// never holds a license twice, never has more members than licenses, gives every license
// of a removed member back to the pool, and never spends beyond the group's cap.
import fc from 'fast-check';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instances, licenses, orders, scalingMembers } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { balance, fund, productImage } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import { CloudError } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { runDueJobs } from '../jobs/worker';
import { releaseInstance } from './instances';
import { ensureRecurringJob } from './jobs';
import { purchaseLicenses } from './orders';
import { createScalingGroup, getScalingGroup, scheduleDesiredCapacity, setDesiredCapacity } from './scaling-groups';

const { db } = throwawayDatabase();
beforeAll(async () => {
  await seedTestMarketplace(db());
  await withoutLaunchMinimum(db());
  await ensureRecurringJob('scaling.sweep');
  await ensureRecurringJob('billing.sweep');
});
afterEach(() => clock.reset());

const CODE = 'lnmp000101';
const PRICE = 9900;
const MIN = 1;
const MAX = 4;

type Step =
  | { kind: 'desired'; n: number }
  | { kind: 'schedule'; n: number; inMinutes: number }
  | { kind: 'release'; pick: number }
  | { kind: 'topUp'; fen: number }
  | { kind: 'buy'; quantity: number }
  | { kind: 'clock'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('desired' as const), n: fc.integer({ min: MIN, max: MAX }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('schedule' as const), n: fc.integer({ min: 0, max: MAX + 2 }), inMinutes: fc.integer({ min: 1, max: 120 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat(10) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('topUp' as const), fen: fc.integer({ min: 100, max: 3 * PRICE }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('buy' as const), quantity: fc.integer({ min: 1, max: 2 }) }) },
  // Minutes move the sweeps; hours bill the members and can empty the wallet (MKT-12).
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('clock' as const), minutes: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 60, max: 600 })) }) },
);

async function ignoreRefusal(work: () => unknown): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    return false;
  }
}

/** What the account paid for licenses in all, in fen. */
const paidFen = async (buyer: Actor) => (await db().select({ amountFen: orders.amountFen }).from(orders).where(and(eq(orders.accountId, buyer.accountId), eq(orders.productCode, CODE)))).reduce((sum, o) => sum + o.amountFen, 0);

/** Returns what the step paid for licenses by hand (the test's own purchases, not the group's). */
async function apply(buyer: Actor, groupId: string, s: Step): Promise<number> {
  let paidByHand = 0;
  const members = async () => (await getScalingGroup(buyer, groupId)).members.filter((m) => m.status !== 'Released');
  if (s.kind === 'desired') await setDesiredCapacity(buyer, groupId, s.n);
  if (s.kind === 'schedule') await scheduleDesiredCapacity(buyer, groupId, { runAt: new Date(clock.now().getTime() + s.inMinutes * 60_000), desired: Math.min(s.n, MAX) });
  if (s.kind === 'release') {
    const all = await members();
    if (all.length > 0) await ignoreRefusal(async () => await releaseInstance(buyer, all[s.pick % all.length].instanceId));
  }
  if (s.kind === 'topUp') await fund(buyer, s.fen);
  if (s.kind === 'buy' && await ignoreRefusal(async () => await purchaseLicenses(buyer, { productCode: CODE, skuCode: skuCode(CODE, 'per_instance'), regionId: 'cn-hangzhou', quantity: s.quantity }))) paidByHand = s.quantity * PRICE;
  if (s.kind === 'clock') clock.advance(s.minutes * 60_000);
  // The group's own job and the recurring sweep run as the worker would run them.
  clock.advance(31_000);
  await runDueJobs();
  return paidByHand;
}

async function check(buyer: Actor, groupId: string, removed: Set<string>): Promise<void> {
  const { group, members } = await getScalingGroup(buyer, groupId);
  const live = members.filter((m) => m.status !== 'Released');
  expect(members.length).toBeLessThanOrEqual(group.maxSize);
  // Entitled (nothing failing, not in arrears, nobody lost): exactly the desired capacity, within [min, max].
  const healthy = members.every((m) => m.status === 'Running' || m.status === 'Pending');
  if (group.failingCode === null && await balance(buyer) >= 0 && healthy) {
    expect(members.length).toBe(group.desired);
    expect(members.length).toBeGreaterThanOrEqual(group.minSize);
  }
  // One license per member, none held twice, and each held by the instance that names it.
  const held = live.map((m) => m.licenseId);
  expect(held.every((id) => id !== null)).toBe(true);
  expect(new Set(held).size).toBe(held.length);
  const inUse = await db().select().from(licenses).where(and(eq(licenses.accountId, buyer.accountId), eq(licenses.status, 'in_use')));
  for (const l of inUse) expect((await db().select().from(instances).where(eq(instances.id, l.instanceId!)).limit(1)).at(0)?.licenseId).toBe(l.id);
  // Every license of a removed member is back: none bound to it, none lost.
  for (const m of members) removed.delete(m.instanceId);
  if (removed.size > 0) expect(inUse.filter((l) => removed.has(l.instanceId!))).toEqual([]);
  const kept = await db().select().from(licenses).where(and(eq(licenses.accountId, buyer.accountId), ne(licenses.status, 'available'), ne(licenses.status, 'in_use')));
  expect(kept).toEqual([]);
}

describe('MKT-9 scaling groups keep their invariants (property)', () => {
  it('MKT-9: within [min, max] when entitled, no license held twice, no member without a license, every removed license returned, no charge beyond the cap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 4 }), async (steps, capLicenses) => {
        const buyer = await newBuyer();
        await fund(buyer, 2 * PRICE);
        await purchaseLicenses(buyer, { productCode: CODE, skuCode: skuCode(CODE, 'per_instance'), regionId: 'cn-hangzhou', quantity: 1 });
        const group = await createScalingGroup(buyer, { name: 'prop', regionId: 'cn-hangzhou', imageId: await productImage(CODE), instanceTypeId: 'ecs.t6-c1m1.large', minSize: MIN, maxSize: MAX, spendingCapFen: capLicenses * PRICE });
        const everMember = new Set<string>();
        let paidByHand = PRICE;
        for (const s of steps) {
          paidByHand += await apply(buyer, group.id, s);
          // The group never spends beyond the cap its owner set.
          expect(await paidFen(buyer) - paidByHand).toBeLessThanOrEqual(capLicenses * PRICE);
          const ids = (await db().select({ id: scalingMembers.instanceId }).from(scalingMembers).where(eq(scalingMembers.groupId, group.id))).map((r) => r.id);
          ids.forEach((id) => everMember.add(id));
          const gone = new Set([...everMember].filter((id) => !ids.includes(id)));
          await check(buyer, group.id, gone);
        }
        const released = await db().select().from(instances).where(and(inArray(instances.id, [...everMember, '']), eq(instances.status, 'Released')));
        expect(released.every((i) => i.licenseId === null)).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
