// What the launch rule of lib/domain/launch-limits.ts needs to know about an account in a
// region: its settings, wallet balance and the instances (and vCPUs) it has there.
import { and, eq, sql, type Placeholder } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { instanceUsage } from '../../db/schema';
import type { Actor } from '../domain/actor';
import type { LaunchLimits } from '../domain/launch-limits';
import { authorize } from '../domain/permissions';
import { balanceOf, bookId } from './ledger';
import { readSettings } from './settings';
import { read, type Tx } from './transaction';
import type { Db } from '../../db/client';

/** The account's instances in the region that are not released, and their vCPUs: one row that triggers keep (db/migrations/0011). */
export function usageQuery(db: Db | Tx, accountId: string | Placeholder, regionId: string | Placeholder) {
  return db
    .select({ instances: instanceUsage.instances, vcpus: instanceUsage.vcpus })
    .from(instanceUsage)
    .where(and(eq(instanceUsage.accountId, accountId), eq(instanceUsage.regionId, regionId)));
}

const usage = preparedQuery((db) => usageQuery(db, sql.placeholder('accountId'), sql.placeholder('regionId')).prepare());

/**
 * Read inside the launch's transaction, so parallel launches (serialised by BEGIN IMMEDIATE) each
 * see the ones before. Under PostgreSQL's READ COMMITTED they would not: the triggers' update of
 * the usage row makes a second launch wait, but after it has read this (db/lock-for-count.test.ts).
 * A launch on PostgreSQL must lock first: the account (lockForCount), or this read made the lock.
 */
export async function launchLimits(db: Db | Tx, accountId: string, regionId: string): Promise<LaunchLimits> {
  const { minLaunchBalanceFen, instanceQuotaPerRegion, vcpuQuotaPerRegion } = await readSettings(db);
  const used = (await usage().execute({ accountId, regionId })).at(0);
  return {
    minLaunchBalanceFen,
    instanceQuotaPerRegion,
    vcpuQuotaPerRegion,
    balanceFen: await balanceOf(db, bookId('wallet', accountId)),
    instances: used?.instances ?? 0,
    vcpus: Number(used?.vcpus ?? 0),
  };
}

/** The launch wizard's view of the same limits, before anything is submitted. */
export async function regionLaunchLimits(actor: Actor, regionId: string): Promise<LaunchLimits> {
  authorize(actor, 'instance.run');
  return await read(async (db) => await launchLimits(db, actor.accountId, regionId));
}
