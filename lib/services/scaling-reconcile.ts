// MKT-9: bringing a scaling group to its desired capacity. Scale-out is RunInstances and
// scale-in is the release every instance goes through, so entitlements, balance, quotas and
// arrears all hold and a released member's license goes back to the pool in its release's
// transaction. A scale-out that cannot happen is one failed activity and one notification,
// however often the sweep tries again, until one succeeds. A pass is one transaction; the
// launch and each release inside it are savepoints that audit themselves.
import { and, eq, isNull, lte } from 'drizzle-orm';
import { instanceTypes, scalingActivities, scalingGroups, scalingMembers, scalingSchedules } from '../../db/schema';
import { clock } from '../clock';
import { standingActor, type Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { arrearsRefusal, launchRefusal } from '../domain/launch-limits';
import { clampDesired, isUnhealthy, planReconcile, planScaleOut, retryDelayMs, type MemberFacts, type RemovalPolicy } from '../domain/scaling';
import { authorize } from '../domain/permissions';
import { releaseInstance, runInstances } from './instances';
import { launchLimits } from './launch-limits';
import { purchaseLicenses } from './orders';
import { notify } from './notifications';
import { familyImageIn } from './image-family';
import { groupMembers, imageProductCode, isHourlySku, notFailing, poolOfGroup, requireOwnGroup, unitPriceOf, type ScalingGroup } from './scaling-groups';
import { infrastructure, mutate, savepoint, type Tx } from './transaction';
import { getDb } from '../../db/client';

export type ScalingCause = 'desired' | 'schedule' | 'health';

async function record(tx: Tx, group: ScalingGroup, activity: { cause: ScalingCause; change: number; result: 'ok' | 'failed'; reason?: CloudError }): Promise<void> {
  const capacity = (await tx.select({ id: scalingMembers.instanceId }).from(scalingMembers).where(eq(scalingMembers.groupId, group.id))).length;
  await tx.insert(scalingActivities)
    .values({ groupId: group.id, at: clock.now(), cause: activity.cause, change: activity.change, result: activity.result, reasonCode: activity.reason?.code ?? null, reasonParams: (activity.reason?.params as Record<string, string | number>) ?? null, capacity });
}

/** A failed scale-out: recorded and told once per reason, not once a sweep. */
async function fail(tx: Tx, group: ScalingGroup, cause: ScalingCause, wanted: number, reason: CloudError): Promise<void> {
  const failures = group.failures + 1;
  await tx.update(scalingGroups)
    .set({ failingCode: reason.code, failures, retryAt: new Date(clock.now().getTime() + retryDelayMs(failures)) })
    .where(eq(scalingGroups.id, group.id));
  if (group.failingCode === reason.code) return;
  await record(tx, group, { cause, change: wanted, result: 'failed', reason });
  const params = Object.fromEntries(Object.entries(reason.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  await notify(tx, group.accountId, 'scalingFailed', { ...params, group: group.name, groupId: group.id, code: reason.code.replaceAll('.', '_') });
}

/** Releases members, each through the release that returns its license (MKT-5), and forgets them. */
async function removeMembers(tx: Tx, actor: Actor, group: ScalingGroup, members: readonly MemberFacts[], cause: ScalingCause): Promise<void> {
  if (members.length === 0) return;
  for (const m of members) {
    if (m.status !== 'Released') await releaseInstance(actor, m.instanceId);
    await tx.delete(scalingMembers).where(eq(scalingMembers.instanceId, m.instanceId));
  }
  await record(tx, group, { cause, change: -members.length, result: 'ok' });
}

/**
 * Issue 17: a group of a family launches its newest image. It moves on to an image of the same
 * product only, since its SKU and license pool are that product's (another product's image would
 * need the owner to choose again).
 */
async function followFamily(tx: Tx, group: ScalingGroup, newest: { id: string; productCode: string | null }): Promise<ScalingGroup> {
  if (newest.id === group.imageId || newest.productCode !== await imageProductCode(tx, group)) return group;
  await tx.update(scalingGroups).set({ imageId: newest.id }).where(eq(scalingGroups.id, group.id));
  return { ...group, imageId: newest.id };
}

/** Launches `wanted` members, buying what the pool lacks when the group buys on scale-out, within its cap. */
async function addMembers(tx: Tx, actor: Actor, following: ScalingGroup, wanted: number, cause: ScalingCause): Promise<void> {
  if (wanted === 0) return;
  let group = following;
  if (following.imageFamily) {
    const newest = await familyImageIn(tx, actor, following.regionId, following.imageFamily);
    if (!newest) return fail(tx, following, cause, wanted, new CloudError('InvalidImageFamily.MissingAvailableImage', { imageFamily: following.imageFamily }, 'imageFamily'));
    group = await followFamily(tx, following, newest.image);
  }
  const productCode = await imageProductCode(tx, group);
  // What the pool has for this group: licenses another reserve group reserved are not its to take.
  const available = (await poolOfGroup(tx, group, productCode))?.available ?? 0;
  const hourly = await isHourlySku(tx, group.skuCode);
  const plan = planScaleOut({ wanted, productCode, available, mode: group.licenseMode === 'reserve' ? 'reserve' : 'buy', unitPriceFen: await unitPriceOf(tx, group.skuCode), hourly, capFen: group.spendingCapFen, spentFen: group.spentFen });
  const shortage = plan.short ? new CloudError('QuotaExceed.BuyImage', { productCode: productCode ?? '', regionId: group.regionId, needed: wanted, available: available + plan.buy }) : null;
  if (plan.launch > 0) {
    let instanceIds: string[];
    try {
      // Its own savepoint: a refused launch buys nothing and leaves the rest of the reconcile standing.
      ({ instanceIds } = await savepoint(async () => {
        // The group's own shortfall is bought first: the launch's would count licenses other reserve groups hold.
        if (plan.buy > 0 && !hourly) await purchaseLicenses(actor, { productCode, skuCode: group.skuCode, regionId: group.regionId, quantity: plan.buy });
        return await runInstances(actor, {
          regionId: group.regionId,
          imageId: group.imageId,
          instanceTypeId: group.instanceTypeId,
          amount: plan.launch,
          name: group.name,
          ...(plan.buy > 0 && hourly ? { skuCode: group.skuCode } : {}),
        });
      }));
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      return await fail(tx, group, cause, wanted, error);
    }
    const joinedAt = clock.now();
    await tx.insert(scalingMembers).values(instanceIds.map((instanceId) => ({ instanceId, groupId: group.id, joinedAt })));
    await tx.update(scalingGroups)
      .set({ spentFen: group.spentFen + plan.costFen, ...(shortage ? {} : notFailing) })
      .where(eq(scalingGroups.id, group.id));
    await record(tx, group, { cause, change: instanceIds.length, result: 'ok' });
  }
  if (shortage) await fail(tx, group, cause, wanted, shortage);
}

/** The sweep's pass is due for a group that lost members or is not at its desired capacity; a failing one when its retry time has come. */
function isDue(group: ScalingGroup, members: readonly MemberFacts[], now: Date): boolean {
  if (group.failingCode !== null) return !group.retryAt || group.retryAt <= now;
  return members.some(isUnhealthy) || members.length !== clampDesired(group.desired, group.minSize, group.maxSize);
}

/**
 * One pass of a group towards its desired capacity, in one transaction (two passes at once
 * cannot both launch the same gap): unhealthy members are replaced (when the account can
 * launch), a surplus is released by the removal policy, a gap is launched.
 */
export async function reconcileGroup(actor: Actor, groupId: string, cause: ScalingCause): Promise<void> {
  authorize(actor, 'scaling.manage');
  if (cause === 'health') {
    const group = await requireOwnGroup(getDb(), actor, groupId);
    if (!isDue(group, await groupMembers(getDb(), group.id), clock.now())) return;
  }
  await mutate(actor, 'ReconcileScalingGroup', async (tx, note) => {
    note.target = groupId;
    const group = await requireOwnGroup(tx, actor, groupId);
    const members = await groupMembers(tx, group.id);
    if (cause === 'health' && !isDue(group, members, clock.now())) return;
    // Stopped members are released for replacements only when a launch can happen: the launch's own balance rule (ADM-4), not just "not in arrears".
    const limits = await launchLimits(tx, group.accountId, group.regionId, { locked: true });
    const vcpu = (await tx.select({ vcpu: instanceTypes.vcpu }).from(instanceTypes).where(eq(instanceTypes.id, group.instanceTypeId)).limit(1)).at(0)?.vcpu ?? 1;
    const cannotLaunch = arrearsRefusal(limits.balanceFen) ?? launchRefusal(limits, vcpu, 0);
    const sizes = { ...group, removalPolicy: group.removalPolicy as RemovalPolicy };
    const plan = planReconcile(sizes, members, cannotLaunch === null);
    const byId = new Map(members.map((m) => [m.instanceId, m]));
    await removeMembers(tx, actor, group, plan.replace.map((id) => byId.get(id)!), 'health');
    await removeMembers(tx, actor, group, plan.remove.map((id) => byId.get(id)!), cause);
    await addMembers(tx, actor, group, plan.add, cause);
    // A gap the wallet cannot fill now is told (once, then retried later), not left unexplained.
    const waiting = planReconcile(sizes, members, true).add;
    if (cannotLaunch && waiting > 0) await fail(tx, group, cause, waiting, cannotLaunch);
    // Nothing left to launch (a scheduled scale-in, a lowered max): the failure is over, so the page stops showing it and the sweep stops retrying.
    if (waiting === 0 && group.failingCode !== null) await tx.update(scalingGroups).set(notFailing).where(eq(scalingGroups.id, group.id));
    note.detail = { cause, replaced: plan.replace, removed: plan.remove, add: plan.add };
  });
}

/** The group's own job, as its owner's standing instruction. */
export async function reconcileGroupFor(accountId: string, groupId: string, cause: ScalingCause): Promise<void> {
  const actor = standingActor(accountId, newRequestId());
  try {
    await reconcileGroup(actor, groupId, cause);
  } catch (error) {
    // A group deleted since the job was queued has nothing left to do.
    if (!(error instanceof CloudError && error.code === 'InvalidScalingGroupId.NotFound')) throw error;
  }
}

/**
 * The recurring sweep (MKT-9): due scheduled actions set desired (clamped to [min, max]) and
 * reconcile their group; then every group is checked for lost members and gaps (health).
 */
export async function sweepScalingGroups(): Promise<void> {
  const now = clock.now();
  const due = await getDb().select().from(scalingSchedules).where(and(isNull(scalingSchedules.doneAt), lte(scalingSchedules.runAt, now))).orderBy(scalingSchedules.runAt);
  for (const schedule of due) {
    const group = await infrastructure(async (tx) => {
      await tx.update(scalingSchedules).set({ doneAt: now }).where(eq(scalingSchedules.id, schedule.id));
      const g = (await tx.select().from(scalingGroups).where(eq(scalingGroups.id, schedule.groupId)).limit(1)).at(0);
      if (g) await tx.update(scalingGroups).set({ desired: clampDesired(schedule.desired, g.minSize, g.maxSize) }).where(eq(scalingGroups.id, g.id));
      return g;
    });
    if (group) await reconcileGroupFor(group.accountId, group.id, 'schedule');
  }
  for (const group of await getDb().select({ id: scalingGroups.id, accountId: scalingGroups.accountId }).from(scalingGroups)) await healthCheck(group.accountId, group.id);
}

/** One group's health pass: a refusal there (a rule of the launch or release) is that group's, never the next group's. */
async function healthCheck(accountId: string, groupId: string): Promise<void> {
  try {
    await reconcileGroupFor(accountId, groupId, 'health');
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    console.error(`[scaling] ${groupId}: health pass refused: ${error.code}`);
  }
}
