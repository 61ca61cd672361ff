// Issue 12: 30 parallel RunInstances of Amount=100 once made 3,000 instances. The quotas are
// checked inside each launch's BEGIN IMMEDIATE transaction, so launches on 30 connections (in
// 30 threads, as separate server processes would) cannot pass them together.
import { execFileSync } from 'node:child_process';
import { and, count, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, instances } from '../../db/schema';
import { bundled } from '../../tests/helpers/bundle';
import { databaseLocation, newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { fund } from '../../tests/helpers/marketplace';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { updateSettings } from './settings';

const { db } = throwawayDatabase();
const script = bundled('tests/concurrency/launch-race.ts');
const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };
beforeAll(async () => void await updateSettings(admin, { instanceQuotaPerRegion: 250, vcpuQuotaPerRegion: 100_000 }));

async function race(buyer: Actor, workers: number, amount: number, instanceTypeId: string): Promise<string[]> {
  const image = (await db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!;
  const out = execFileSync(process.execPath, [script, databaseLocation(), buyer.accountId, image.id, String(workers), String(amount), instanceTypeId], { encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe('the instance quota under concurrency (issue 12)', () => {
  it('30 simultaneous launches of Amount=100 under a quota of 250: 2 launch (200 instances), 28 QuotaExceed.ElasticQuota', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 10_000);
    const outcomes = await race(buyer, 30, 100, 'ecs.t6-c1m1.large');
    expect(outcomes).toHaveLength(30);
    expect(outcomes.filter((o) => o === 'launched')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'QuotaExceed.ElasticQuota')).toHaveLength(28);
    expect((await db().select({ n: count() }).from(instances).where(and(eq(instances.accountId, buyer.accountId), ne(instances.status, 'Released'))).limit(1)).at(0)!.n).toBe(200);
  }, 120_000);
});
