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

/**
 * The account's instances in the region that are not released, and their vCPUs: one row that
 * triggers keep (db/migrations/0011). `table` is the schema's (SQLite's, or PostgreSQL's in a test).
 */
export function usageQuery(db: Db | Tx, table: typeof instanceUsage, accountId: string | Placeholder, regionId: string | Placeholder) {
  return db
    .select({ instances: table.instances, vcpus: table.vcpus })
    .from(table)
    .where(and(eq(table.accountId, accountId), eq(table.regionId, regionId)));
}

/**
 * The same row, read and locked by the launch it decides (ADM-4's quotas): an upsert that
 * changes nothing. On PostgreSQL (READ COMMITTED) a second launch of the account in the region
 * waits here for the first to commit and then reads its instances; a plain read let both pass
 * the quota, the second waiting only at its insert (lib/services/count-locks.test.ts). An account with
 * no row there gets a (0, 0) one, which the triggers' upserts add to. Under SQLite's BEGIN
 * IMMEDIATE it writes the row the launch's insert writes anyway. No statement more than the read.
 */
export function lockedUsageQuery(db: Db | Tx, table: typeof instanceUsage, accountId: string | Placeholder, regionId: string | Placeholder) {
  return db
    .insert(table)
    .values({ accountId, regionId, instances: 0, vcpus: 0 })
    .onConflictDoUpdate({ target: [table.accountId, table.regionId], set: { instances: sql`${table.instances}` } })
    .returning({ instances: table.instances, vcpus: table.vcpus });
}

const usage = preparedQuery((db) => usageQuery(db, instanceUsage, sql.placeholder('accountId'), sql.placeholder('regionId')).prepare());
const lockedUsage = preparedQuery((db) => lockedUsageQuery(db, instanceUsage, sql.placeholder('accountId'), sql.placeholder('regionId')).prepare());

/**
 * `locked` inside the launch these limits decide (RunInstances, a scaling group's scale-out):
 * the usage row is read with lockedUsageQuery, so parallel launches each see the ones before on
 * PostgreSQL as under SQLite's BEGIN IMMEDIATE. Not locked for what is only shown (a read-only
 * connection cannot write).
 */
export async function launchLimits(db: Db | Tx, accountId: string, regionId: string, { locked }: { locked: boolean }): Promise<LaunchLimits> {
  const { minLaunchBalanceFen, instanceQuotaPerRegion, vcpuQuotaPerRegion } = await readSettings(db);
  const used = (await (locked ? lockedUsage() : usage()).execute({ accountId, regionId })).at(0);
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
  return await read(async (db) => await launchLimits(db, actor.accountId, regionId, { locked: false }));
}
