// Scaling groups (MKT-9): what a reconcile does, and the license pool a group's max needs.
// Pure rules; lib/services/scaling*.ts loads the facts and carries the plan out through the
// same launch and release every instance goes through.
import { CloudError } from './errors';
import { canApply, type InstanceStatus } from './instances';

export const removalPolicies = ['oldest', 'newest'] as const;
export type RemovalPolicy = (typeof removalPolicies)[number];
export const licenseModes = ['reserve', 'buy'] as const;
export type LicenseMode = (typeof licenseModes)[number];
/** Alibaba's limit on a group's MaxSize. */
export const MAX_GROUP_SIZE = 100;

export type GroupSizes = { minSize: number; maxSize: number; desired: number };

/** min ≤ desired ≤ max, all within 0 … 100 (Alibaba's ESS answers the same way). */
export function sizeRefusal({ minSize, maxSize, desired }: GroupSizes): CloudError | null {
  const whole = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_GROUP_SIZE;
  if (!whole(minSize)) return new CloudError('InvalidParameter.MinSize', { max: MAX_GROUP_SIZE }, 'minSize');
  if (!whole(maxSize) || maxSize < minSize) return new CloudError('InvalidParameter.MaxSize', { max: MAX_GROUP_SIZE }, 'maxSize');
  if (!whole(desired) || desired < minSize || desired > maxSize) return new CloudError('InvalidParameter.DesiredCapacity', { min: minSize, max: maxSize }, 'desired');
  return null;
}

/** A scheduled desired capacity, or a new min/max, moves desired into [min, max]. */
export const clampDesired = (desired: number, minSize: number, maxSize: number) => Math.min(maxSize, Math.max(minSize, desired));

/**
 * How long the sweep waits before it tries a failing scale-out again: 30 s after the first
 * failure, doubling to at most an hour, so a group stuck on an empty wallet does not launch (and
 * audit) a refused RunInstances every 30 s for days. An owner's change retries at once.
 */
export const SCALING_RETRY_FIRST_MS = 30_000;
export const SCALING_RETRY_MAX_MS = 3_600_000;
export const retryDelayMs = (failures: number) => Math.min(SCALING_RETRY_MAX_MS, SCALING_RETRY_FIRST_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));

export type MemberFacts = { instanceId: string; joinedAt: Date; status: string; statusReason: string | null };

/** A member the group replaces: released by someone, or stopped because the wallet could not pay (MKT-12). */
export const isUnhealthy = (m: MemberFacts) => m.status === 'Released' || (m.status === 'Stopped' && m.statusReason === 'arrears');

/** Whether the owner's release can take the member now (a frozen one cannot). */
export const isReleasable = (m: MemberFacts) => canApply(m.status as InstanceStatus, 'release');

export type ReconcilePlan = {
  /** Unhealthy members to release (if still there) and forget; each is replaced below. */
  replace: string[];
  /** Healthy members to release, by the removal policy. */
  remove: string[];
  /** Instances to launch. */
  add: number;
};

/**
 * What a reconcile does so the group has `desired` healthy members: unhealthy ones go first
 * (only while the account can launch again, so a group in arrears keeps its stopped members
 * until it is healthy), then the surplus by the removal policy, or the gap is launched.
 */
export function planReconcile(group: GroupSizes & { removalPolicy: RemovalPolicy }, members: readonly MemberFacts[], canLaunch: boolean): ReconcilePlan {
  const target = clampDesired(group.desired, group.minSize, group.maxSize);
  const unhealthy = members.filter(isUnhealthy);
  const healthy = members.filter((m) => !isUnhealthy(m)).sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.instanceId.localeCompare(b.instanceId));
  if (group.removalPolicy === 'newest') healthy.reverse();
  const surplus = Math.max(0, healthy.length - target);
  // A frozen member waits for the platform (ADM-2): it counts, but a scale-in passes it by.
  const removable = healthy.filter(isReleasable);
  // A released member is gone already: forgetting it is always right. A stopped one waits for the account to be able to launch.
  const replace = unhealthy.filter((m) => m.status === 'Released' || canLaunch).map((m) => m.instanceId);
  return { replace, remove: removable.slice(0, surplus).map((m) => m.instanceId), add: canLaunch ? Math.max(0, target - healthy.length) : 0 };
}

export type LicensePool = {
  /** One license per instance at the group's max. */
  needed: number;
  /** Licenses the group's members hold. */
  held: number;
  /** Usable licenses of the product in the region not held by anyone. */
  available: number;
  shortfall: number;
  /** What the shortfall costs at the group's SKU. */
  shortfallCostFen: number;
};

/** MKT-9: for a product-coded image the group's max needs that many licenses; the shortfall is what is neither held nor in the pool. */
export function licensePool(input: { productCode: string | null; maxSize: number; held: number; available: number; unitPriceFen: number }): LicensePool | null {
  if (!input.productCode) return null;
  const shortfall = Math.max(0, input.maxSize - input.held - input.available);
  return { needed: input.maxSize, held: input.held, available: input.available, shortfall, shortfallCostFen: shortfall * input.unitPriceFen };
}

/**
 * MKT-9: the licenses of the account's pool a group may count on: what another reserve-mode
 * group of the same product and region reserved for its max (that max less its members holding
 * licenses) is that group's, so two reserve groups never count the same licenses.
 */
export function availableToGroup(accountAvailable: number, otherReserves: readonly { maxSize: number; held: number }[]): number {
  const reserved = otherReserves.reduce((sum, g) => sum + Math.max(0, g.maxSize - g.held), 0);
  return Math.max(0, accountAvailable - reserved);
}

export type ScaleOut = {
  /** Instances to launch now. */
  launch: number;
  /** Licenses the launch buys (buy-on-scale-out), within the cap. */
  buy: number;
  costFen: number;
  /** The launch is short of `wanted`: QuotaExceed.BuyImage with what it needed and had. */
  short: boolean;
};

/**
 * How much of a scale-out of `wanted` can be entitled: the pool first, then (buy on scale-out)
 * licenses bought at the unit price while the spending cap allows. An hourly license costs
 * nothing up front but is paid every hour: a cap of 0 buys none, a positive cap allows it (its
 * fees are metered usage like any hourly launch). A free SKU is always fine. An image without a
 * product code needs none.
 */
export function planScaleOut(input: { wanted: number; productCode: string | null; available: number; mode: LicenseMode; unitPriceFen: number; hourly: boolean; capFen: number; spentFen: number }): ScaleOut {
  if (!input.productCode) return { launch: input.wanted, buy: 0, costFen: 0, short: false };
  const lacking = Math.max(0, input.wanted - input.available);
  const room = Math.max(0, input.capFen - input.spentFen);
  const affordable = input.unitPriceFen > 0 ? Math.floor(room / input.unitPriceFen) : input.hourly && input.capFen === 0 ? 0 : lacking;
  const buy = input.mode === 'buy' ? Math.min(lacking, affordable) : 0;
  const launch = Math.min(input.wanted, input.available + buy);
  return { launch, buy, costFen: buy * input.unitPriceFen, short: launch < input.wanted };
}
