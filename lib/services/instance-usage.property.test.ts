// Issue 13: the launch quotas (issue 12) read instance_usage, which triggers keep as instances
// are created, move between statuses, change type or region, and are deleted. Whatever happens
// to the rows, by the services or by raw SQL, the kept figures equal a count of the instances.
import fc from 'fast-check';
import { count, eq, ne, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { instances, instanceTypes, instanceUsage, images } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { instanceStep } from '../../tests/helpers/instance-usage-steps';

const { db } = throwawayDatabase();
const regions = ['cn-hangzhou', 'cn-shanghai'];

async function recount() {
  return await db()
    .select({ accountId: instances.accountId, regionId: instances.regionId, instances: count(), vcpus: sql<number>`sum(${instanceTypes.vcpu})`.mapWith(Number) })
    .from(instances)
    .innerJoin(instanceTypes, eq(instanceTypes.id, instances.instanceTypeId))
    .where(ne(instances.status, 'Released'))
    .groupBy(instances.accountId, instances.regionId);
}

const kept = async () =>
  (await db()
    .select()
    .from(instanceUsage))
    .filter((row) => row.instances !== 0 || row.vcpus !== 0);

const sorted = <T extends { accountId: string; regionId: string }>(rows: T[]) => [...rows].sort((a, b) => `${a.accountId}/${a.regionId}`.localeCompare(`${b.accountId}/${b.regionId}`));

describe('instance_usage equals a count of the live instances (issue 13)', () => {
  it('after any sequence of inserts, status changes, type and region changes and deletes', async () => {
    const accounts = [await newBuyer('A'), await newBuyer('B'), await newBuyer('C')].map((a) => a.accountId);
    const types = (await db().select().from(instanceTypes).limit(4)).map((t) => t.id);
    const imageIds = new Map(await Promise.all(regions.map(async (r) => [r, (await db().select().from(images).where(eq(images.regionId, r)).limit(1)).at(0)!.id] as const)));
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(instanceStep, { maxLength: 40 }), async (steps) => {
        for (const s of steps) {
          const ids = (await db().select({ id: instances.id }).from(instances)).map((r) => r.id);
          const target = 'pick' in s && ids.length ? ids[s.pick % ids.length] : undefined;
          if (s.op === 'insert') {
            const regionId = regions[s.region];
            await db().insert(instances).values({ id: `i-usage-${serial++}`, accountId: accounts[s.account], regionId, instanceTypeId: types[s.type], imageId: imageIds.get(regionId)!, name: 'vm', status: s.status, meteredUntil: new Date(0), createdAt: new Date() });
          } else if (!target) continue;
          else if (s.op === 'status') await db().update(instances).set({ status: s.status }).where(eq(instances.id, target));
          else if (s.op === 'retype') await db().update(instances).set({ instanceTypeId: types[s.type] }).where(eq(instances.id, target));
          else if (s.op === 'move') await db().update(instances).set({ regionId: regions[s.region], accountId: accounts[s.account] }).where(eq(instances.id, target));
          else await db().delete(instances).where(eq(instances.id, target));
        }
        expect(sorted(await kept())).toEqual(sorted(await recount()));
      }),
      { numRuns: 60 },
    );
  });
});
