// MKT-9: bringing a scaling group to its desired capacity. Scale-out is RunInstances and
// scale-in is the release every instance goes through, so entitlements, balance, quotas and
// arrears all hold and a released member's license goes back to the pool in its release's
// transaction. A scale-out that cannot happen is one failed activity and one notification,
// however often the sweep tries again, until one succeeds.
import { and, eq, isNull, lte } from 'drizzle-orm';
import { scalingActivities, scalingGroups, scalingMembers, scalingSchedules } from '../../db/schema';
import { clock } from '../clock';
import { standingActor, type Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { arrearsRefusal } from '../domain/launch-limits';
import { clampDesired, isUnhealthy, planReconcile, planScaleOut, type RemovalPolicy } from '../domain/scaling';
import { authorize } from '../domain/permissions';
import { releaseInstance, runInstances } from './instances';
import { balanceOf, bookId } from './ledger';
import { availableLicenseCount } from './licenses';
import { notify } from './notifications';
import { groupMembers, imageProductCode, requireOwnGroup, unitPriceOf, type ScalingGroup } from './scaling-groups';
import { infrastructure, mutate, type Tx } from './transaction';
import { getDb } from '../../db/client';

export type ScalingCause = 'desired' | 'schedule' | 'health';

function record(tx: Tx, group: ScalingGroup, activity: { cause: ScalingCause; change: number; result: 'ok' | 'failed'; reason?: CloudError }): void {
  const capacity = tx.select({ id: scalingMembers.instanceId }).from(scalingMembers).where(eq(scalingMembers.groupId, group.id)).all().length;
  tx.insert(scalingActivities)
    .values({ groupId: group.id, at: clock.now(), cause: activity.cause, change: activity.change, result: activity.result, reasonCode: activity.reason?.code ?? null, reasonParams: (activity.reason?.params as Record<string, string | number>) ?? null, capacity })
    .run();
}

/** A failed scale-out: recorded and told once per reason, not once a sweep. */
function fail(actor: Actor, group: ScalingGroup, cause: ScalingCause, wanted: number, reason: CloudError): void {
  mutate(actor, 'ScaleOutFailed', (tx, note) => {
    note.target = group.id;
    note.detail = { code: reason.code, wanted };
    const current = tx.select({ failingCode: scalingGroups.failingCode }).from(scalingGroups).where(eq(scalingGroups.id, group.id)).get();
    if (current?.failingCode === reason.code) return;
    tx.update(scalingGroups).set({ failingCode: reason.code }).where(eq(scalingGroups.id, group.id)).run();
    record(tx, group, { cause, change: wanted, result: 'failed', reason });
    const params = Object.fromEntries(Object.entries(reason.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
    notify(tx, group.accountId, 'scalingFailed', { ...params, group: group.name, groupId: group.id, code: reason.code.replaceAll('.', '_') });
  });
}

/** Releases members in one transaction, each through the release that returns its license (MKT-5), and forgets them. */
function removeMembers(actor: Actor, group: ScalingGroup, ids: readonly { instanceId: string; status: string }[], cause: ScalingCause): void {
  if (ids.length === 0) return;
  mutate(actor, 'RemoveInstances', (tx, note) => {
    note.target = group.id;
    note.detail = { instanceIds: ids.map((m) => m.instanceId), cause };
    for (const m of ids) {
      if (m.status !== 'Released') releaseInstance(actor, m.instanceId);
      tx.delete(scalingMembers).where(eq(scalingMembers.instanceId, m.instanceId)).run();
    }
    record(tx, group, { cause, change: -ids.length, result: 'ok' });
  });
}

/** Launches `wanted` members, buying what the pool lacks when the group buys on scale-out, within its cap. */
function addMembers(actor: Actor, group: ScalingGroup, wanted: number, cause: ScalingCause): void {
  if (wanted === 0) return;
  // Read before the launch; RunInstances checks the pool and the wallet again inside its own transaction.
  const productCode = imageProductCode(getDb(), group);
  const available = productCode ? availableLicenseCount(getDb(), group.accountId, productCode, group.regionId) : 0;
  const plan = planScaleOut({ wanted, productCode, available, mode: group.licenseMode === 'reserve' ? 'reserve' : 'buy', unitPriceFen: unitPriceOf(getDb(), group.skuCode), capFen: group.spendingCapFen, spentFen: group.spentFen });
  const shortage = plan.short ? new CloudError('QuotaExceed.BuyImage', { productCode: productCode ?? '', regionId: group.regionId, needed: wanted, available: available + plan.buy }) : null;
  if (plan.launch > 0) {
    try {
      mutate(actor, 'AddInstances', (tx, note) => {
        const { instanceIds } = runInstances(actor, {
          regionId: group.regionId,
          imageId: group.imageId,
          instanceTypeId: group.instanceTypeId,
          amount: plan.launch,
          name: group.name,
          ...(plan.buy > 0 ? { skuCode: group.skuCode, buyShortfall: true } : {}),
        });
        const joinedAt = clock.now();
        tx.insert(scalingMembers).values(instanceIds.map((instanceId) => ({ instanceId, groupId: group.id, joinedAt }))).run();
        tx.update(scalingGroups)
          .set({ spentFen: group.spentFen + plan.costFen, ...(shortage ? {} : { failingCode: null }) })
          .where(eq(scalingGroups.id, group.id))
          .run();
        record(tx, group, { cause, change: instanceIds.length, result: 'ok' });
        note.target = group.id;
        note.detail = { instanceIds, bought: plan.buy, costFen: plan.costFen, cause };
      });
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      return fail(actor, group, cause, wanted, error);
    }
  }
  if (shortage) fail(actor, group, cause, wanted, shortage);
}

/**
 * One pass of a group towards its desired capacity: unhealthy members are replaced (when the
 * account can launch), a surplus is released by the removal policy, a gap is launched.
 */
export function reconcileGroup(actor: Actor, groupId: string, cause: ScalingCause): void {
  authorize(actor, 'scaling.manage');
  const group = requireOwnGroup(getDb(), actor, groupId);
  const members = groupMembers(getDb(), group.id);
  // The sweep's pass is due only for a group that lost members or whose last scale-out failed.
  if (cause === 'health' && !group.failingCode && !members.some(isUnhealthy)) return;
  const canLaunch = arrearsRefusal(balanceOf(getDb(), bookId('wallet', group.accountId))) === null;
  const plan = planReconcile({ ...group, removalPolicy: group.removalPolicy as RemovalPolicy }, members, canLaunch);
  const byId = new Map(members.map((m) => [m.instanceId, m]));
  removeMembers(actor, group, plan.replace.map((id) => byId.get(id)!), 'health');
  removeMembers(actor, group, plan.remove.map((id) => byId.get(id)!), cause);
  addMembers(actor, requireOwnGroup(getDb(), actor, groupId), plan.add, cause);
}

/** The group's own job, as its owner's standing instruction. */
export function reconcileGroupFor(accountId: string, groupId: string, cause: ScalingCause): void {
  const actor = standingActor(accountId, newRequestId());
  try {
    reconcileGroup(actor, groupId, cause);
  } catch (error) {
    // A group deleted since the job was queued has nothing left to do.
    if (!(error instanceof CloudError && error.code === 'InvalidScalingGroupId.NotFound')) throw error;
  }
}

/**
 * The recurring sweep (MKT-9): due scheduled actions set desired (clamped to [min, max]) and
 * reconcile their group; then every group is checked for lost members and gaps (health).
 */
export function sweepScalingGroups(): void {
  const now = clock.now();
  const due = getDb().select().from(scalingSchedules).where(and(isNull(scalingSchedules.doneAt), lte(scalingSchedules.runAt, now))).orderBy(scalingSchedules.runAt).all();
  for (const schedule of due) {
    const group = infrastructure((tx) => {
      tx.update(scalingSchedules).set({ doneAt: now }).where(eq(scalingSchedules.id, schedule.id)).run();
      const g = tx.select().from(scalingGroups).where(eq(scalingGroups.id, schedule.groupId)).get();
      if (g) tx.update(scalingGroups).set({ desired: clampDesired(schedule.desired, g.minSize, g.maxSize) }).where(eq(scalingGroups.id, g.id)).run();
      return g;
    });
    if (group) reconcileGroupFor(group.accountId, group.id, 'schedule');
  }
  for (const group of getDb().select({ id: scalingGroups.id, accountId: scalingGroups.accountId }).from(scalingGroups).all()) reconcileGroupFor(group.accountId, group.id, 'health');
}
