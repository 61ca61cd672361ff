// The Auto Scaling (ESS) subset, Version 2014-08-28 (MKT-9, issue 17): scaling groups and
// their activities, with Alibaba's parameter names and response shapes. A Stratus group names
// its image and instance type itself (Alibaba keeps them in a scaling configuration), and says
// how it is licensed for a product-coded image. Thin adapters over lib/services (API-5).
import { CloudError, type CloudErrorCode } from '../domain/errors';
import { englishMessage } from '../english-errors';
import { parseYuan } from '../domain/money';
import type { RemovalPolicy } from '../domain/scaling';
import { createScalingGroup, deleteScalingGroup, describeScalingActivities, describeScalingGroups, modifyScalingGroup, setDesiredCapacity, type GroupSummary, type ScalingActivity } from '../services/scaling-groups';
import type { Actor } from '../domain/actor';
import type { Handler } from './actions';
import { list, optional, page, required, type Params } from './params';

/** Alibaba's times here are UTC to the minute: 2014-08-17T16:52Z. */
const minute = (d: Date) => d.toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');

const policies = new Map<string, RemovalPolicy>([
  ['OldestInstance', 'oldest'],
  ['NewestInstance', 'newest'],
]);
const policyNames = new Map<string, string>([...policies].map(([name, policy]) => [policy, name]));

/** RemovalPolicy.1 … (OldestScalingConfiguration has no meaning here: one image, so it is skipped). */
function removalPolicyOf(p: Params): RemovalPolicy | undefined {
  const named = list(p, 'RemovalPolicy').filter((name) => name !== 'OldestScalingConfiguration');
  if (named.length === 0) return undefined;
  if (!policies.has(named[0])) throw new CloudError('InvalidParameter', { param: 'RemovalPolicy.N' }, 'RemovalPolicy');
  return policies.get(named[0]);
}

const modes = new Map([
  ['Reserve', 'reserve'],
  ['BuyOnScaleOut', 'buy'],
]);
function licenseModeOf(p: Params): string | undefined {
  const mode = optional(p, 'LicenseMode');
  if (mode === undefined) return undefined;
  if (!modes.has(mode)) throw new CloudError('InvalidParameter', { param: 'LicenseMode' }, 'LicenseMode');
  return modes.get(mode);
}

/** SpendingCap in yuan, as every Stratus amount on the API. */
function capOf(p: Params): number | undefined {
  const text = optional(p, 'SpendingCap');
  if (text === undefined) return undefined;
  const fen = parseYuan(text);
  if (fen === null) throw new CloudError('InvalidParameter', { param: 'SpendingCap' }, 'SpendingCap');
  return fen;
}

const int = (p: Params, name: string) => optional(p, name);

/** ForceDelete: Alibaba's boolean, false when left out. */
function forceOf(p: Params): boolean {
  const force = optional(p, 'ForceDelete');
  if (force !== undefined && force !== 'true' && force !== 'false') throw new CloudError('InvalidParameter', { param: 'ForceDelete' }, 'ForceDelete');
  return force === 'true';
}

function groupShape(g: GroupSummary) {
  return {
    ScalingGroupId: g.id,
    ScalingGroupName: g.name,
    RegionId: g.regionId,
    MinSize: g.minSize,
    MaxSize: g.maxSize,
    DesiredCapacity: g.desired,
    TotalCapacity: g.members,
    ActiveCapacity: g.members,
    LifecycleState: 'Active',
    CreationTime: minute(g.createdAt),
    RemovalPolicies: { RemovalPolicy: [policyNames.get(g.removalPolicy) ?? 'OldestInstance'] },
    // Stratus: what Alibaba keeps in the scaling configuration, and the license pool's terms.
    ImageId: g.imageId,
    ImageFamily: g.imageFamily ?? '',
    InstanceType: g.instanceTypeId,
    LicenseMode: g.licenseMode === 'reserve' ? 'Reserve' : 'BuyOnScaleOut',
    SkuCode: g.skuCode ?? '',
    SpendingCap: (g.spendingCapFen / 100).toFixed(2),
  };
}

const causes = new Map([
  ['desired', 'A user request set the desired capacity.'],
  ['schedule', 'A scheduled task set the desired capacity.'],
  ['health', 'An instance was released or stopped for arrears and is replaced.'],
]);

function activityShape(a: ScalingActivity, groupId: string) {
  const verb = a.change >= 0 ? 'Add' : 'Remove';
  const at = minute(a.at);
  return {
    ScalingActivityId: `asa-${groupId.slice(4)}-${a.id}`,
    ScalingGroupId: groupId,
    Cause: `At ${at}, ${causes.get(a.cause) ?? a.cause}`,
    Description: `${verb} "${Math.abs(a.change)}" ECS instance(s)`,
    StatusCode: a.result === 'ok' ? 'Successful' : 'Failed',
    // The reason in words, as the API's own error Message words it.
    StatusMessage: a.reasonCode ? englishMessage(new CloudError(a.reasonCode as CloudErrorCode, a.reasonParams ?? {})) : '',
    ErrorCode: a.reasonCode ?? '',
    StartTime: at,
    EndTime: at,
    Progress: 100,
    TotalCapacity: String(a.capacity),
  };
}

function groupIdsOf(p: Params): string[] {
  return [...list(p, 'ScalingGroupIds'), ...list(p, 'ScalingGroupId')];
}

/** ESS lists: PageSize 1–50, 10 when left out (DescribeScalingGroups, DescribeScalingActivities). */
const essPage = (p: Params) => page(p, { maxPageSize: 50 });

/**
 * The ScalingGroupId named, checked against the RegionId when one is sent: a group of another
 * region does not exist there, as Alibaba answers.
 */
async function groupIn(actor: Actor, p: Params, { regionRequired = false } = {}): Promise<string> {
  const groupId = required(p, 'ScalingGroupId');
  const regionId = regionRequired ? required(p, 'RegionId') : optional(p, 'RegionId');
  if (regionId !== undefined && (await describeScalingGroups(actor, { regionId, groupIds: [groupId] })).total === 0) {
    throw new CloudError('InvalidScalingGroupId.NotFound', { groupId }, 'groupId');
  }
  return groupId;
}

export const essActions = new Map<string, Handler>(
  Object.entries({
    CreateScalingGroup: async (actor, p) => {
      const group = await createScalingGroup(actor, {
        name: required(p, 'ScalingGroupName'),
        regionId: required(p, 'RegionId'),
        // Stratus: ImageId, or ImageFamily to follow the family's newest image (issue 17); one is required.
        imageId: optional(p, 'ImageId'),
        imageFamily: optional(p, 'ImageFamily'),
        instanceTypeId: required(p, 'InstanceType'),
        minSize: required(p, 'MinSize'),
        maxSize: required(p, 'MaxSize'),
        desired: int(p, 'DesiredCapacity'),
        removalPolicy: removalPolicyOf(p),
        licenseMode: licenseModeOf(p),
        skuCode: optional(p, 'SkuCode'),
        spendingCapFen: capOf(p),
      });
      return { ScalingGroupId: group.id };
    },

    DescribeScalingGroups: async (actor, p) => {
      const result = await describeScalingGroups(actor, { regionId: required(p, 'RegionId'), groupIds: groupIdsOf(p), name: optional(p, 'ScalingGroupName'), ...essPage(p) });
      return { TotalCount: result.total, PageNumber: result.page, PageSize: result.pageSize, ScalingGroups: { ScalingGroup: result.items.map(groupShape) } };
    },

    ModifyScalingGroup: async (actor, p) => {
      await modifyScalingGroup(actor, await groupIn(actor, p), {
        name: optional(p, 'ScalingGroupName'),
        minSize: int(p, 'MinSize'),
        maxSize: int(p, 'MaxSize'),
        desired: int(p, 'DesiredCapacity'),
        removalPolicy: removalPolicyOf(p),
        licenseMode: licenseModeOf(p),
        spendingCapFen: capOf(p),
      });
      return {};
    },

    DeleteScalingGroup: async (actor, p) => {
      // With ForceDelete=true its instances are released with it, each license back to the pool; without, a group with instances is refused (Alibaba's default).
      await deleteScalingGroup(actor, await groupIn(actor, p), { force: forceOf(p) });
      return {};
    },

    DescribeScalingActivities: async (actor, p) => {
      const groupId = await groupIn(actor, p, { regionRequired: true });
      const result = await describeScalingActivities(actor, groupId, essPage(p));
      return { TotalCount: result.total, PageNumber: result.page, PageSize: result.pageSize, ScalingActivities: { ScalingActivity: result.items.map((a) => activityShape(a, groupId)) } };
    },

    SetGroupDesiredCapacity: async (actor, p) => {
      await setDesiredCapacity(actor, await groupIn(actor, p), required(p, 'DesiredCapacity'));
      return {};
    },
  } satisfies Record<string, Handler>),
);

/** ESS reads, audited by the endpoint (changes audit themselves in their use case). */
export const essReadActions = new Set(['DescribeScalingGroups', 'DescribeScalingActivities']);
