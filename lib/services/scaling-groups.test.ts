// MKT-9 scaling groups: the license pool for max, buy on scale-out within a cap, reserve,
// scale-in returning licenses, removal policies, health, scheduled actions, failures told once.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instances, notifications, platformSettings } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { balance, expectCloudError, fund, licensesOf, productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { releaseInstance } from './instances';
import { purchaseLicenses } from './orders';
import { createScalingGroup, deleteScalingGroup, getScalingGroup, modifyScalingGroup, reserveGroupLicenses, scheduleDesiredCapacity, setDesiredCapacity } from './scaling-groups';
import { reconcileGroup, sweepScalingGroups } from './scaling-reconcile';

const { db } = throwawayDatabase();
beforeAll(() => {
  seedTestMarketplace(db());
  withoutLaunchMinimum(db());
});
afterEach(() => clock.reset());

const CODE = 'lnmp000101';
const PRICE = 9900;
const region = 'cn-hangzhou';

function group(actor: Actor, extra: Record<string, unknown> = {}) {
  return createScalingGroup(actor, { name: `web-${Math.random().toString(36).slice(2, 8)}`, regionId: region, imageId: productImage(CODE, region), instanceTypeId: 'ecs.t6-c1m1.large', minSize: 0, maxSize: 5, desired: 0, ...extra });
}

function buyerHolding(licenses: number, fen = 100_000): Actor {
  const buyer = newBuyer();
  fund(buyer, fen);
  if (licenses > 0) purchaseLicenses(buyer, { productCode: CODE, skuCode: skuCode(CODE, 'per_instance'), regionId: region, quantity: licenses });
  return buyer;
}

const pool = (actor: Actor, id: string) => getScalingGroup(actor, id).pool!;
const available = (actor: Actor) => licensesOf(actor, CODE).filter((l) => l.status === 'available').length;
const told = (actor: Actor) => db().select().from(notifications).where(and(eq(notifications.accountId, actor.accountId), eq(notifications.kind, 'scalingFailed'))).all();

describe('MKT-9 license pool and buy on scale-out', () => {
  it('MKT-9: a group of max 5 holding 2 licenses shows a shortfall of 3 and its cost', () => {
    const buyer = buyerHolding(2);
    const g = group(buyer);
    expect(pool(buyer, g.id)).toEqual({ needed: 5, held: 0, available: 2, shortfall: 3, shortfallCostFen: 3 * PRICE });
  });

  it('MKT-9: desired 4 buys the 2 licenses the pool lacks within the cap; scale in to 1 returns 3 licenses to the pool', () => {
    const buyer = buyerHolding(2);
    const g = group(buyer, { licenseMode: 'buy', spendingCapFen: 3 * PRICE });
    const before = balance(buyer);
    setDesiredCapacity(buyer, g.id, 4);
    reconcileGroup(buyer, g.id, 'desired');
    const detail = getScalingGroup(buyer, g.id);
    expect(detail.members).toHaveLength(4);
    expect(licensesOf(buyer, CODE)).toHaveLength(4);
    expect(before - balance(buyer)).toBe(2 * PRICE);
    expect(detail.group.spentFen).toBe(2 * PRICE);
    expect(detail.pool).toMatchObject({ held: 4, available: 0, shortfall: 1 });
    expect(detail.activities[0]).toMatchObject({ cause: 'desired', change: 4, result: 'ok', capacity: 4 });

    setDesiredCapacity(buyer, g.id, 1);
    reconcileGroup(buyer, g.id, 'desired');
    const after = getScalingGroup(buyer, g.id);
    expect(after.members).toHaveLength(1);
    expect(available(buyer)).toBe(3);
    expect(after.pool).toMatchObject({ held: 1, available: 3, shortfall: 1 });
    expect(after.activities[0]).toMatchObject({ cause: 'desired', change: -3, result: 'ok', capacity: 1 });
  });

  it('MKT-9: a cap that pays for one license launches what it can; the rest fails with QuotaExceed.BuyImage, told once', () => {
    const buyer = buyerHolding(1);
    const g = group(buyer, { spendingCapFen: PRICE + 100 });
    setDesiredCapacity(buyer, g.id, 4);
    reconcileGroup(buyer, g.id, 'desired');
    reconcileGroup(buyer, g.id, 'health');
    sweepScalingGroups();
    const detail = getScalingGroup(buyer, g.id);
    expect(detail.members).toHaveLength(2);
    const failed = detail.activities.filter((a) => a.result === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ reasonCode: 'QuotaExceed.BuyImage', reasonParams: { productCode: CODE, regionId: region, needed: 4, available: 2 } });
    expect(detail.group.failingCode).toBe('QuotaExceed.BuyImage');
    expect(told(buyer)).toHaveLength(1);
    expect(told(buyer)[0].params).toMatchObject({ code: 'QuotaExceed_BuyImage', needed: 4, available: 2 });

    // Raising the cap: the sweep retries and succeeds, and the failure is over.
    modifyScalingGroup(buyer, g.id, { spendingCapFen: 10 * PRICE });
    sweepScalingGroups();
    expect(getScalingGroup(buyer, g.id).members).toHaveLength(4);
    expect(getScalingGroup(buyer, g.id).group.failingCode).toBeNull();
  });

  it('MKT-9: a new desired capacity is a new attempt: its failure is recorded and told again', () => {
    const buyer = buyerHolding(1);
    const g = group(buyer, { spendingCapFen: PRICE + 100 });
    setDesiredCapacity(buyer, g.id, 4);
    reconcileGroup(buyer, g.id, 'desired');
    setDesiredCapacity(buyer, g.id, 3);
    reconcileGroup(buyer, g.id, 'desired');
    expect(getScalingGroup(buyer, g.id).activities.filter((a) => a.result === 'failed').map((a) => a.reasonParams)).toEqual([
      { productCode: CODE, regionId: region, needed: 1, available: 0 },
      { productCode: CODE, regionId: region, needed: 4, available: 2 },
    ]);
    expect(told(buyer)).toHaveLength(2);
  });

  it('MKT-9: reserve buys the shortfall for max in one step; scale-out then draws on the pool only', () => {
    const buyer = buyerHolding(2);
    const g = group(buyer, { licenseMode: 'reserve' });
    const before = balance(buyer);
    expect(reserveGroupLicenses(buyer, g.id)).toEqual({ bought: 3, amountFen: 3 * PRICE });
    expect(before - balance(buyer)).toBe(3 * PRICE);
    expect(pool(buyer, g.id)).toMatchObject({ available: 5, shortfall: 0 });
    setDesiredCapacity(buyer, g.id, 5);
    reconcileGroup(buyer, g.id, 'desired');
    expect(getScalingGroup(buyer, g.id).members).toHaveLength(5);
    expect(licensesOf(buyer, CODE)).toHaveLength(5);
  });

  it('MKT-9: a reserve group never buys on scale-out: beyond its pool it fails with the shortfall', () => {
    const buyer = buyerHolding(1);
    const g = group(buyer, { licenseMode: 'reserve', spendingCapFen: 10 * PRICE });
    setDesiredCapacity(buyer, g.id, 3);
    reconcileGroup(buyer, g.id, 'desired');
    expect(getScalingGroup(buyer, g.id).members).toHaveLength(1);
    expect(licensesOf(buyer, CODE)).toHaveLength(1);
    expect(getScalingGroup(buyer, g.id).activities[0]).toMatchObject({ result: 'failed', reasonCode: 'QuotaExceed.BuyImage' });
  });
});

describe('MKT-9 scaling through the launch and release rules', () => {
  it('MKT-9: the removal policy picks the newest or the oldest members', () => {
    const buyer = buyerHolding(4);
    for (const policy of ['newest', 'oldest'] as const) {
      const g = group(buyer, { removalPolicy: policy, maxSize: 2 });
      setDesiredCapacity(buyer, g.id, 1);
      reconcileGroup(buyer, g.id, 'desired');
      clock.advance(60_000);
      setDesiredCapacity(buyer, g.id, 2);
      reconcileGroup(buyer, g.id, 'desired');
      const [first, second] = getScalingGroup(buyer, g.id).members;
      setDesiredCapacity(buyer, g.id, 1);
      reconcileGroup(buyer, g.id, 'desired');
      expect(getScalingGroup(buyer, g.id).members.map((m) => m.instanceId)).toEqual([policy === 'newest' ? first.instanceId : second.instanceId]);
    }
  });

  it('MKT-9: a quota refusal of RunInstances is a failed activity with its reason, and nothing is bought', () => {
    const buyer = buyerHolding(0);
    db().insert(platformSettings).values({ key: 'instanceQuotaPerRegion', value: 1, updatedAt: new Date() }).onConflictDoUpdate({ target: platformSettings.key, set: { value: 1 } }).run();
    try {
      const g = group(buyer, { spendingCapFen: 10 * PRICE });
      setDesiredCapacity(buyer, g.id, 3);
      reconcileGroup(buyer, g.id, 'desired');
      const detail = getScalingGroup(buyer, g.id);
      expect(detail.members).toHaveLength(0);
      expect(detail.activities[0]).toMatchObject({ result: 'failed', reasonCode: 'QuotaExceed.ElasticQuota' });
      expect(licensesOf(buyer, CODE)).toHaveLength(0);
    } finally {
      db().delete(platformSettings).where(eq(platformSettings.key, 'instanceQuotaPerRegion')).run();
    }
  });

  it('MKT-9: a member released by someone is replaced by the sweep (health), its license reused', async () => {
    const buyer = buyerHolding(2);
    const g = group(buyer);
    setDesiredCapacity(buyer, g.id, 2);
    reconcileGroup(buyer, g.id, 'desired');
    await settle();
    const [lost] = getScalingGroup(buyer, g.id).members;
    releaseInstance(buyer, lost.instanceId);
    sweepScalingGroups();
    const detail = getScalingGroup(buyer, g.id);
    expect(detail.members).toHaveLength(2);
    expect(detail.members.map((m) => m.instanceId)).not.toContain(lost.instanceId);
    expect(licensesOf(buyer, CODE)).toHaveLength(2);
    expect(detail.activities.slice(0, 2).map((a) => [a.cause, a.change])).toEqual([['health', 1], ['health', -1]]);
  });

  it('MKT-9: a member stopped for arrears is kept until the account can launch, then replaced', () => {
    const buyer = buyerHolding(1);
    const g = group(buyer);
    setDesiredCapacity(buyer, g.id, 1);
    reconcileGroup(buyer, g.id, 'desired');
    const [member] = getScalingGroup(buyer, g.id).members;
    db().update(instances).set({ status: 'Stopped', statusReason: 'arrears' }).where(eq(instances.id, member.instanceId)).run();
    fund(buyer, -balance(buyer) - 100); // in arrears
    sweepScalingGroups();
    expect(getScalingGroup(buyer, g.id).members.map((m) => m.instanceId)).toEqual([member.instanceId]);
    fund(buyer, 10_000);
    sweepScalingGroups();
    const [replacement] = getScalingGroup(buyer, g.id).members;
    expect(replacement.instanceId).not.toBe(member.instanceId);
    expect(db().select().from(instances).where(eq(instances.id, member.instanceId)).get()?.status).toBe('Released');
    expect(licensesOf(buyer, CODE)).toHaveLength(1);
  });

  it('MKT-9: a scheduled action sets desired at its time on the movable clock, clamped to [min, max]', () => {
    const buyer = buyerHolding(3);
    const g = group(buyer, { maxSize: 3 });
    scheduleDesiredCapacity(buyer, g.id, { runAt: new Date(clock.now().getTime() + 3_600_000), desired: 3 });
    sweepScalingGroups();
    expect(getScalingGroup(buyer, g.id).members).toHaveLength(0);
    clock.advance(3_600_000);
    sweepScalingGroups();
    const detail = getScalingGroup(buyer, g.id);
    expect(detail.members).toHaveLength(3);
    expect(detail.group.desired).toBe(3);
    expect(detail.activities[0]).toMatchObject({ cause: 'schedule', change: 3 });
    expect(detail.schedules[0].doneAt).not.toBeNull();
  });

  it('MKT-9: sizes outside [min, max] are refused with ESS codes; another account cannot see the group', () => {
    const buyer = buyerHolding(0);
    expectCloudError(() => group(buyer, { minSize: 3, maxSize: 2 }), 'InvalidParameter.MaxSize');
    expectCloudError(() => group(buyer, { desired: 6 }), 'InvalidParameter.DesiredCapacity');
    const g = group(buyer);
    expectCloudError(() => setDesiredCapacity(buyer, g.id, 9), 'InvalidParameter.DesiredCapacity');
    expectCloudError(() => getScalingGroup(newBuyer(), g.id), 'InvalidScalingGroupId.NotFound');
    expectCloudError(() => group(buyer, { name: g.name }), 'InvalidScalingGroupName.Duplicate');
  });

  it('MKT-9: deleting a group releases its members and returns their licenses', () => {
    const buyer = buyerHolding(2);
    const g = group(buyer);
    setDesiredCapacity(buyer, g.id, 2);
    reconcileGroup(buyer, g.id, 'desired');
    deleteScalingGroup(buyer, g.id);
    expect(available(buyer)).toBe(2);
    expectCloudError(() => getScalingGroup(buyer, g.id), 'InvalidScalingGroupId.NotFound');
  });
});
