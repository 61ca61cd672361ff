// Issue 12 "a launch must be affordable": RunInstances checks the minimum balance for
// pay-as-you-go instances and the per-region instance and vCPU quotas (ADM-4) inside its
// transaction; nothing is created, bought or queued when it refuses.
import { and, count, eq, ne } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images, instances, instanceUsage, jobs, orders } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { balance, expectCloudError, fund, productImage } from '../../tests/helpers/marketplace';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { defaultSettings } from '../domain/settings';
import { releaseInstance, runInstances } from './instances';
import { regionLaunchLimits, usageQuery } from './launch-limits';
import { platformDefaults, updateSettings } from './settings';
import { onPostgres } from '../../db/engine';

const { db } = throwawayDatabase();
beforeAll(async () => await seedTestMarketplace(db()));
const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };
afterEach(async () => void await updateSettings(admin, platformDefaults));

const systemImage = async (regionId = 'cn-hangzhou') => (await db().select().from(images).where(and(eq(images.regionId, regionId), eq(images.kind, 'system'))).limit(1)).at(0)!.id;
const launch = async (actor: Actor, amount: number, overrides: Record<string, unknown> = {}) =>
  await runInstances(actor, { regionId: 'cn-hangzhou', imageId: await systemImage(), instanceTypeId: 'ecs.g7.large', amount, ...overrides });
const live = async (actor: Actor) => (await db().select({ n: count() }).from(instances).where(and(eq(instances.accountId, actor.accountId), ne(instances.status, 'Released'))).limit(1)).at(0)!.n;
const jobCount = async () => (await db().select({ n: count() }).from(jobs).limit(1)).at(0)!.n;
/** A buyer with the minimum balance (¥100.00) of the production defaults vitest runs with. */
async function fundedBuyer(): Promise<Actor> {
  const buyer = await newBuyer();
  await fund(buyer, defaultSettings('production').minLaunchBalanceFen);
  return buyer;
}

describe('the minimum balance to create pay-as-you-go instances (InvalidAccountStatus.NotEnoughBalance)', () => {
  it('a ¥0 account under the production default (¥100.00) launches nothing, not even one; at ¥100.00 it launches', async () => {
    await updateSettings(admin, { minLaunchBalanceFen: defaultSettings('production').minLaunchBalanceFen });
    const buyer = await newBuyer();
    const jobsBefore = await jobCount();
    const refusal = await expectCloudError(async () => await launch(buyer, 100, { instanceTypeId: 'ecs.r7.2xlarge' }), 'InvalidAccountStatus.NotEnoughBalance');
    expect(refusal.httpStatus).toBe(403);
    expect(refusal.params).toEqual({ reason: 'launch', balance: '¥0.00', minimum: '¥100.00' });
    await expectCloudError(async () => await launch(buyer, 1), 'InvalidAccountStatus.NotEnoughBalance');
    await fund(buyer, 9_999);
    await expectCloudError(async () => await launch(buyer, 1), 'InvalidAccountStatus.NotEnoughBalance');
    expect([await live(buyer), await jobCount()]).toEqual([0, jobsBefore]);
    await fund(buyer, 1);
    expect((await launch(buyer, 1)).instanceIds).toHaveLength(1);
  });

  it('is judged after the licenses the launch buys: ¥150 buying a ¥99 license leaves ¥51, so nothing is bought or launched', async () => {
    await updateSettings(admin, { minLaunchBalanceFen: 10_000 });
    const buyer = await newBuyer();
    await fund(buyer, 15_000);
    const image = await productImage('lnmp000101');
    const refusal = await expectCloudError(async () => await launch(buyer, 1, { imageId: image, skuCode: skuCode('lnmp000101', 'per_instance'), buyShortfall: true }), 'InvalidAccountStatus.NotEnoughBalance');
    expect(refusal.params).toMatchObject({ balance: '¥51.00', minimum: '¥100.00' });
    expect([await balance(buyer), await live(buyer), (await db().select().from(orders).where(eq(orders.accountId, buyer.accountId))).length]).toEqual([15_000, 0, 0]);
    await fund(buyer, 4_900);
    expect((await launch(buyer, 1, { imageId: image, skuCode: skuCode('lnmp000101', 'per_instance'), buyShortfall: true })).instanceIds).toHaveLength(1);
    expect(await balance(buyer)).toBe(10_000);
  });
});

describe('instances and vCPUs per account and region (QuotaExceed.ElasticQuota)', () => {
  it('the 51st instance in a region is refused, naming the limit, the used and the asked; a release makes room', async () => {
    const buyer = await fundedBuyer();
    await launch(buyer, 30);
    const refusal = await expectCloudError(async () => await launch(buyer, 21), 'QuotaExceed.ElasticQuota');
    expect(refusal.httpStatus).toBe(403);
    expect(refusal.params).toEqual({ quota: 'instances', limit: 50, used: 30, requested: 21, more: 20 });
    const [last] = (await launch(buyer, 20)).instanceIds;
    expect(await live(buyer)).toBe(50);
    expect((await expectCloudError(async () => await launch(buyer, 1), 'QuotaExceed.ElasticQuota')).params).toMatchObject({ used: 50, more: 0 });
    // Another region and another account have their own quotas; released instances count for nothing.
    expect((await launch(buyer, 1, { regionId: 'cn-shanghai', imageId: await systemImage('cn-shanghai') })).instanceIds).toHaveLength(1);
    expect((await launch(await fundedBuyer(), 50)).instanceIds).toHaveLength(50);
    await releaseInstance(buyer, last);
    expect((await launch(buyer, 1)).instanceIds).toHaveLength(1);
  });

  it('the vCPU cap: 25 ecs.r7.2xlarge (8 vCPUs each) fill 200 vCPUs; one more, or any 2-vCPU instance, is refused', async () => {
    const buyer = await fundedBuyer();
    expect((await expectCloudError(async () => await launch(buyer, 26, { instanceTypeId: 'ecs.r7.2xlarge' }), 'QuotaExceed.ElasticQuota')).params).toEqual({ quota: 'vcpus', limit: 200, used: 0, requested: 208, more: 25 });
    await launch(buyer, 25, { instanceTypeId: 'ecs.r7.2xlarge' });
    expect((await expectCloudError(async () => await launch(buyer, 1), 'QuotaExceed.ElasticQuota')).params).toEqual({ quota: 'vcpus', limit: 200, used: 200, requested: 2, more: 0 });
    expect(await live(buyer)).toBe(25);
  });

  it('raised by the operator (ADM-4), the quotas allow more', async () => {
    await updateSettings(admin, { instanceQuotaPerRegion: 120, vcpuQuotaPerRegion: 1_000 });
    const buyer = await fundedBuyer();
    await launch(buyer, 100);
    expect((await launch(buyer, 20)).instanceIds).toHaveLength(20);
    await expectCloudError(async () => await launch(buyer, 1), 'QuotaExceed.ElasticQuota');
  });

  it('DryRun checks the limits too: over a quota it answers the refusal, not DryRunOperation', async () => {
    const buyer = await fundedBuyer();
    await launch(buyer, 50);
    await expectCloudError(async () => await launch(buyer, 1, { dryRun: true }), 'QuotaExceed.ElasticQuota');
    await expectCloudError(async () => await launch(await newBuyer(), 1, { dryRun: true }), 'InvalidAccountStatus.NotEnoughBalance');
  });
});

describe('what the wizard is shown is what the launch counts', () => {
  it('the live instances, their vCPUs, the balance and the settings of the region', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 12_345);
    const ids = (await launch(buyer, 3, { instanceTypeId: 'ecs.g7.xlarge' })).instanceIds;
    await releaseInstance(buyer, ids[0]);
    expect(await regionLaunchLimits(buyer, 'cn-hangzhou')).toEqual({ minLaunchBalanceFen: 10_000, instanceQuotaPerRegion: 50, vcpuQuotaPerRegion: 200, balanceFen: 12_345, instances: 2, vcpus: 8 });
    expect(await regionLaunchLimits(buyer, 'cn-shanghai')).toMatchObject({ instances: 0, vcpus: 0 });
  });

  // SQLite's query plan (EXPLAIN QUERY PLAN); PostgreSQL finds the row by the same primary key.
  it.skipIf(onPostgres)('the count is one row of instance_usage found by its key, not a walk of the instances (issue 13)', () => {
    const { sql, params } = usageQuery(db(), instanceUsage, '1', 'cn-hangzhou').toSQL();
    const plan = db().$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([expect.stringMatching(/^SEARCH instance_usage USING INDEX sqlite_autoindex_instance_usage_1 \(account_id=\? AND region_id=\?\)$/)]);
  });
});
