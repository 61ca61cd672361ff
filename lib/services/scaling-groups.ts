// Scaling groups (MKT-9): create, change, delete, read, the license pool for max and its
// reservation, scheduled actions. Reconciling a group to its desired capacity is scaling-reconcile.ts.
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { images, instances, instanceTypes, licenses, scalingActivities, scalingGroups, scalingMembers, scalingSchedules, skus } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { assertImageAvailable } from '../domain/images';
import { isValidImageFamily } from '../domain/image-family';
import { byPricingModel, isBoughtAlone, type PricingModel } from '../domain/marketplace';
import { formatFen } from '../domain/money';
import { isValidResourceName } from '../domain/names';
import { parsePaging } from '../domain/paging';
import { authorize } from '../domain/permissions';
import { assertBuyableAlone, priceOrder } from '../domain/pricing';
import { availableToGroup, clampDesired, isReleasable, licenseModes, licensePool, removalPolicies, sizeRefusal, type LicensePool } from '../domain/scaling';
import { parseInput } from '../domain/validation';
import type { Db } from '../../db/client';
import { requireRegion, requireVisibleImage } from './catalogue';
import { familyImageIn } from './image-family';
import { enqueueJob } from './jobs';
import { releaseInstance } from './instances';
import { availableLicenseCount } from './licenses';
import { buyLicenses } from './orders';
import { once } from './idempotency';
import { balanceOf, bookId } from './ledger';
import { mutate, read, type Tx } from './transaction';
import { oneAfterAnother } from '../../db/portable';

export type ScalingGroup = typeof scalingGroups.$inferSelect;
export type ScalingActivity = typeof scalingActivities.$inferSelect;
export type ScalingSchedule = typeof scalingSchedules.$inferSelect;

// A blank field (a form's cleared input, an empty API parameter) is no number: coerced, it would be 0 and release every member.
const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const size = z.preprocess(blank, z.coerce.number().int());
const optionalSize = z.preprocess(blank, z.coerce.number().int().optional());
const fen = z.coerce.number().int().min(0).max(100_000_000_00);
const name = z.string().trim().min(1).refine(isValidResourceName);

const createSchema = z.object({
  name,
  regionId: z.string().min(1),
  // Issue 17: a group launches one image, or follows a family's newest image (then imageId may be left out).
  imageId: z.string().optional().transform((s) => s || undefined),
  imageFamily: z.string().optional().transform((s) => s || undefined),
  instanceTypeId: z.string().min(1),
  minSize: size,
  maxSize: size,
  desired: optionalSize,
  removalPolicy: z.enum(removalPolicies).default('oldest'),
  licenseMode: z.enum(licenseModes).default('buy'),
  skuCode: z.string().optional().transform((s) => s || undefined),
  spendingCapFen: fen.default(0),
});

const modifySchema = z.object({
  name: name.optional(),
  minSize: optionalSize,
  maxSize: optionalSize,
  desired: optionalSize,
  removalPolicy: z.enum(removalPolicies).optional(),
  licenseMode: z.enum(licenseModes).optional(),
  spendingCapFen: fen.optional(),
});

const codes = {
  name: 'InvalidParameter',
  regionId: 'RegionId.NotFound',
  imageId: 'InvalidImageId.NotFound',
  instanceTypeId: 'InvalidInstanceType.ValueNotSupported',
  minSize: 'InvalidParameter.MinSize',
  maxSize: 'InvalidParameter.MaxSize',
  desired: 'InvalidParameter.DesiredCapacity',
  skuCode: 'InvalidSkuCode.NotFound',
} as const;

function assertSizes(sizes: { minSize: number; maxSize: number; desired: number }): void {
  const refusal = sizeRefusal(sizes);
  if (refusal) throw refusal;
}

/** A group whose passes succeed, or whose owner just changed it: the next failure is told again, and retried at once. */
export const notFailing = { failingCode: null, failures: 0, retryAt: null };

/** One of the caller's groups; another account's does not exist for them. */
export async function requireOwnGroup(db: Db | Tx, actor: Actor, groupId: string): Promise<ScalingGroup> {
  const group = (await db.select().from(scalingGroups).where(and(eq(scalingGroups.id, groupId), eq(scalingGroups.accountId, actor.accountId))).limit(1)).at(0);
  if (!group) throw new CloudError('InvalidScalingGroupId.NotFound', { groupId }, 'groupId');
  return group;
}

async function assertNameFree(tx: Tx, actor: Actor, regionId: string, groupName: string, except?: string): Promise<void> {
  const taken = (await tx.select({ id: scalingGroups.id }).from(scalingGroups).where(and(eq(scalingGroups.accountId, actor.accountId), eq(scalingGroups.regionId, regionId), eq(scalingGroups.name, groupName))).limit(1)).at(0);
  if (taken && taken.id !== except) throw new CloudError('InvalidScalingGroupName.Duplicate', { name: groupName }, 'name');
}

/** The SKU a product-coded group buys with: the one asked for, else the first sold alone (free, one-time, then subscriptions). */
async function groupSku(db: Db | Tx, productCode: string, skuCode: string | undefined) {
  const offered = (await db.select().from(skus).where(eq(skus.productCode, productCode))).sort(byPricingModel);
  const sku = skuCode ? offered.find((s) => s.code === skuCode) : (offered.find((s) => isBoughtAlone(s.pricingModel as PricingModel)) ?? offered[0]);
  if (!sku) throw new CloudError('InvalidSkuCode.NotFound', { skuCode: skuCode ?? '' }, 'skuCode');
  return sku;
}

/** The image a new group starts from: the one named, or its family's newest (which the group then follows). */
async function groupImage(tx: Tx, actor: Actor, request: { regionId: string; imageId?: string; imageFamily?: string }) {
  // One or the other: with both, the group would launch the image, then switch to a family no one checked.
  if (request.imageId && request.imageFamily) throw new CloudError('InvalidParameter', { param: 'ImageFamily' }, 'imageFamily');
  if (request.imageId) return await requireVisibleImage(tx, actor, request.imageId, request.regionId);
  if (!request.imageFamily) throw new CloudError('MissingParameter', { param: 'ImageId' }, 'imageId');
  if (!isValidImageFamily(request.imageFamily)) throw new CloudError('InvalidImageFamily.Malformed', { imageFamily: request.imageFamily }, 'imageFamily');
  const found = await familyImageIn(tx, actor, request.regionId, request.imageFamily);
  if (!found) throw new CloudError('InvalidImageFamily.MissingAvailableImage', { imageFamily: request.imageFamily }, 'imageFamily');
  return found;
}

/** Tells the worker to bring the group to its desired capacity now (scaling-reconcile.ts). */
async function reconcileSoon(tx: Tx, group: Pick<ScalingGroup, 'id' | 'accountId'>, cause: 'desired' | 'schedule'): Promise<void> {
  await enqueueJob(tx, 'scaling.reconcile', { accountId: group.accountId, groupId: group.id, cause });
}

export async function createScalingGroup(actor: Actor, input: unknown): Promise<ScalingGroup> {
  return await mutate(actor, 'CreateScalingGroup', async (tx, note) => {
    authorize(actor, 'scaling.manage');
    const request = parseInput(createSchema, input, codes);
    const desired = request.desired ?? request.minSize;
    assertSizes({ minSize: request.minSize, maxSize: request.maxSize, desired });
    await requireRegion(tx, request.regionId);
    const { image } = await groupImage(tx, actor, request);
    assertImageAvailable(image);
    if (!(await tx.select({ id: instanceTypes.id }).from(instanceTypes).where(eq(instanceTypes.id, request.instanceTypeId)).limit(1)).at(0)) {
      throw new CloudError('InvalidInstanceType.ValueNotSupported', { instanceType: request.instanceTypeId }, 'instanceTypeId');
    }
    await assertNameFree(tx, actor, request.regionId, request.name);
    const skuCode = image.productCode ? (await groupSku(tx, image.productCode, request.skuCode)).code : null;
    if (request.licenseMode === 'reserve') await assertReservable(tx, skuCode);
    const group: ScalingGroup = {
      id: newResourceId('asg'),
      accountId: actor.accountId,
      name: request.name,
      regionId: request.regionId,
      imageId: image.id,
      imageFamily: request.imageFamily ?? null,
      instanceTypeId: request.instanceTypeId,
      minSize: request.minSize,
      maxSize: request.maxSize,
      desired,
      removalPolicy: request.removalPolicy,
      licenseMode: request.licenseMode,
      skuCode,
      spendingCapFen: request.spendingCapFen,
      spentFen: 0,
      ...notFailing,
      createdAt: clock.now(),
    };
    await tx.insert(scalingGroups).values(group);
    if (desired > 0) await reconcileSoon(tx, group, 'desired');
    note.target = group.id;
    note.detail = { regionId: group.regionId, imageId: group.imageId, imageFamily: group.imageFamily, minSize: group.minSize, maxSize: group.maxSize, desired };
    return group;
  });
}

/** Changes a group's sizes, name, policies or cap; a desired outside a new [min, max] moves into it. */
export async function modifyScalingGroup(actor: Actor, groupId: string, input: unknown): Promise<ScalingGroup> {
  return await mutate(actor, 'ModifyScalingGroup', async (tx, note) => {
    authorize(actor, 'scaling.manage');
    note.target = groupId;
    const change = parseInput(modifySchema, input, codes);
    const group = await requireOwnGroup(tx, actor, groupId);
    const minSize = change.minSize ?? group.minSize;
    const maxSize = change.maxSize ?? group.maxSize;
    const desired = change.desired ?? clampDesired(group.desired, minSize, maxSize);
    assertSizes({ minSize, maxSize, desired });
    if (change.name) await assertNameFree(tx, actor, group.regionId, change.name, group.id);
    if (change.licenseMode === 'reserve') await assertReservable(tx, group.skuCode);
    const updated = { ...group, ...change, minSize, maxSize, desired, ...notFailing };
    // A new desired capacity, or new terms for licenses, is a new attempt: its failure is told anew.
    await tx.update(scalingGroups).set({ name: updated.name, minSize, maxSize, desired, removalPolicy: updated.removalPolicy, licenseMode: updated.licenseMode, spendingCapFen: updated.spendingCapFen, ...notFailing }).where(eq(scalingGroups.id, group.id));
    await reconcileSoon(tx, group, 'desired');
    note.detail = { ...change, desired };
    return updated;
  });
}

/** SetGroupDesiredCapacity: within [min, max], or refused. */
export async function setDesiredCapacity(actor: Actor, groupId: string, desired: unknown): Promise<ScalingGroup> {
  return await mutate(actor, 'SetGroupDesiredCapacity', async (tx, note) => {
    authorize(actor, 'scaling.manage');
    note.target = groupId;
    const group = await requireOwnGroup(tx, actor, groupId);
    const { desired: value } = parseInput(z.object({ desired: size }), { desired }, codes);
    assertSizes({ minSize: group.minSize, maxSize: group.maxSize, desired: value });
    await tx.update(scalingGroups).set({ desired: value, ...notFailing }).where(eq(scalingGroups.id, group.id));
    await reconcileSoon(tx, group, 'desired');
    note.detail = { from: group.desired, to: value };
    return { ...group, desired: value };
  });
}

const scheduleSchema = z.object({ runAt: z.coerce.date(), desired: size });

/** A scheduled action: at `runAt` (by the platform's clock) the group's desired becomes `desired`, clamped to [min, max] then. */
export async function scheduleDesiredCapacity(actor: Actor, groupId: string, input: unknown): Promise<ScalingSchedule> {
  return await mutate(actor, 'CreateScheduledTask', async (tx, note) => {
    authorize(actor, 'scaling.manage');
    note.target = groupId;
    const group = await requireOwnGroup(tx, actor, groupId);
    const request = parseInput(scheduleSchema, input, { runAt: 'InvalidParameter', desired: 'InvalidParameter.DesiredCapacity' });
    if (Number.isNaN(request.runAt.getTime())) throw new CloudError('InvalidParameter', { param: 'runAt' }, 'runAt');
    assertSizes({ minSize: 0, maxSize: group.maxSize, desired: request.desired });
    note.detail = { runAt: request.runAt.toISOString(), desired: request.desired };
    return (await tx.insert(scalingSchedules).values({ groupId: group.id, runAt: request.runAt, desired: request.desired }).returning())[0];
  });
}

// ─── Reading ─────────────────────────────────────────────────────────────────

/** `members`: the group's instances not released. */
export type GroupSummary = ScalingGroup & { members: number };

/** Alibaba's DescribeScalingGroups takes at most 20 ScalingGroupIds.N. */
const describeSchema = z.object({
  regionId: z.string().max(64).optional(),
  groupIds: z.array(z.string().min(1).max(64)).max(20).optional(),
  name: z.string().max(128).optional(),
});

export async function describeScalingGroups(actor: Actor, input: { regionId?: string; groupIds?: string[]; name?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'scaling.read');
  const paging = parsePaging(input, { defaultPageSize: 20 });
  const query = parseInput(describeSchema, { regionId: input.regionId, groupIds: input.groupIds, name: input.name }, { groupIds: 'InvalidParameter', regionId: 'InvalidParameter', name: 'InvalidParameter' });
  return await read(async (db) => {
    const where = and(
      eq(scalingGroups.accountId, actor.accountId),
      query.regionId ? eq(scalingGroups.regionId, query.regionId) : undefined,
      query.groupIds?.length ? inArray(scalingGroups.id, query.groupIds) : undefined,
      query.name ? eq(scalingGroups.name, query.name) : undefined,
    );
    const total = (await db.select({ n: count() }).from(scalingGroups).where(where).limit(1)).at(0)?.n ?? 0;
    const rows = await db.select().from(scalingGroups).where(where).orderBy(desc(scalingGroups.createdAt), asc(scalingGroups.id)).limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize);
    // A member released (by someone, or for arrears) but not yet replaced is no capacity.
    const counts = new Map(
      (await db
        .select({ groupId: scalingMembers.groupId, n: count() })
        .from(scalingMembers)
        .innerJoin(instances, eq(instances.id, scalingMembers.instanceId))
        .where(and(inArray(scalingMembers.groupId, rows.map((r) => r.id)), ne(instances.status, 'Released')))
        .groupBy(scalingMembers.groupId))
        .map((c) => [c.groupId, c.n]),
    );
    const items: GroupSummary[] = rows.map((g) => ({ ...g, members: counts.get(g.id) ?? 0 }));
    return { items, total, ...paging };
  });
}

export type GroupMember = { instanceId: string; name: string; status: string; statusReason: string | null; joinedAt: Date; licenseId: string | null };

export async function groupMembers(db: Db | Tx, groupId: string): Promise<GroupMember[]> {
  return await db
    .select({ instanceId: scalingMembers.instanceId, name: instances.name, status: instances.status, statusReason: instances.statusReason, joinedAt: scalingMembers.joinedAt, licenseId: instances.licenseId })
    .from(scalingMembers)
    .innerJoin(instances, eq(instances.id, scalingMembers.instanceId))
    .where(eq(scalingMembers.groupId, groupId))
    .orderBy(asc(scalingMembers.joinedAt), asc(scalingMembers.instanceId));
}

const heldBy = async (db: Db | Tx, groupId: string) =>
  (await db.select({ n: count() }).from(licenses).innerJoin(scalingMembers, eq(scalingMembers.instanceId, licenses.instanceId)).where(and(eq(scalingMembers.groupId, groupId), eq(licenses.status, 'in_use'))).limit(1)).at(0)?.n ?? 0;

/** MKT-9: the account's other reserve-mode groups of the product in the region, with the licenses their members hold. */
async function otherReserves(db: Db | Tx, group: ScalingGroup, productCode: string) {
  const groups = await db
    .select({ id: scalingGroups.id, maxSize: scalingGroups.maxSize })
    .from(scalingGroups)
    .innerJoin(images, eq(images.id, scalingGroups.imageId))
    .where(and(eq(scalingGroups.accountId, group.accountId), eq(scalingGroups.regionId, group.regionId), eq(scalingGroups.licenseMode, 'reserve'), ne(scalingGroups.id, group.id), eq(images.productCode, productCode)));
  return await oneAfterAnother(groups, async (g) => ({ maxSize: g.maxSize, held: await heldBy(db, g.id) }));
}

/** MKT-9: the licenses the group's max needs, what its members hold, what the pool has for it (not another reserve group's), and the shortfall's cost. */
export async function poolOfGroup(db: Db | Tx, group: ScalingGroup, productCode: string | null): Promise<LicensePool | null> {
  if (!productCode) return null;
  const available = availableToGroup(await availableLicenseCount(db, group.accountId, productCode, group.regionId), await otherReserves(db, group, productCode));
  return licensePool({ productCode, maxSize: group.maxSize, held: await heldBy(db, group.id), available, unitPriceFen: await unitPriceOf(db, group.skuCode) });
}

const skuOf = async (db: Db | Tx, skuCode: string | null) => (skuCode ? (await db.select().from(skus).where(eq(skus.code, skuCode)).limit(1)).at(0) : undefined);

/** What one license of the group's SKU costs up front (an hourly one: nothing, MKT-10), by the pricing rules. */
export async function unitPriceOf(db: Db | Tx, skuCode: string | null): Promise<number> {
  const sku = await skuOf(db, skuCode);
  return sku ? priceOrder({ pricingModel: sku.pricingModel as PricingModel, priceFen: sku.priceFen }, 1).unitPriceFen : 0;
}

/** An hourly SKU (MKT-2): nothing up front, billed every hour its instance runs. */
export async function isHourlySku(db: Db | Tx, skuCode: string | null): Promise<boolean> {
  return (await skuOf(db, skuCode))?.pricingModel === 'hourly';
}

export async function imageProductCode(db: Db | Tx, group: Pick<ScalingGroup, 'imageId'>): Promise<string | null> {
  return (await db.select({ code: images.productCode }).from(images).where(eq(images.id, group.imageId)).limit(1)).at(0)?.code ?? null;
}

/** `hourly`: the group's SKU is hourly, so its licenses are bought with each launch and cannot be reserved. */
export type GroupDetail = { group: ScalingGroup; members: GroupMember[]; pool: LicensePool | null; productCode: string | null; hourly: boolean; activities: ScalingActivity[]; schedules: ScalingSchedule[] };

export async function getScalingGroup(actor: Actor, groupId: string): Promise<GroupDetail> {
  authorize(actor, 'scaling.read');
  return await read(async (db) => {
    const group = await requireOwnGroup(db, actor, groupId);
    const productCode = await imageProductCode(db, group);
    return {
      group,
      members: await groupMembers(db, group.id),
      pool: await poolOfGroup(db, group, productCode),
      productCode,
      hourly: await isHourlySku(db, group.skuCode),
      activities: await db.select().from(scalingActivities).where(eq(scalingActivities.groupId, group.id)).orderBy(desc(scalingActivities.id)).limit(50),
      schedules: await db.select().from(scalingSchedules).where(eq(scalingSchedules.groupId, group.id)).orderBy(asc(scalingSchedules.runAt)),
    };
  });
}

export async function describeScalingActivities(actor: Actor, groupId: string, paging: { page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'scaling.read');
  const p = parsePaging(paging);
  return await read(async (db) => {
    const group = await requireOwnGroup(db, actor, groupId);
    const where = eq(scalingActivities.groupId, group.id);
    const total = (await db.select({ n: count() }).from(scalingActivities).where(where).limit(1)).at(0)?.n ?? 0;
    const items = await db.select().from(scalingActivities).where(where).orderBy(desc(scalingActivities.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
    return { items, total, ...p };
  });
}

// ─── The license pool ────────────────────────────────────────────────────────

/** What reserving buys now (MKT-9), priced by the rules that charge it, and the wallet after: the order review (issue 16). */
export type ReservationQuote = { productCode: string; regionId: string; quantity: number; unitPriceFen: number; amountFen: number; balanceFen: number; balanceAfterFen: number };

/** The reservation of a product-coded group (null for any other group), or refused as the purchase would be. */
async function priceReservation(db: Db | Tx, group: ScalingGroup): Promise<(ReservationQuote & { skuCode: string }) | null> {
  const productCode = await imageProductCode(db, group);
  const pool = await poolOfGroup(db, group, productCode);
  if (!pool || !productCode || !group.skuCode) return null;
  await assertReservable(db, group.skuCode);
  const balanceFen = await balanceOf(db, bookId('wallet', group.accountId));
  return { productCode, skuCode: group.skuCode, regionId: group.regionId, quantity: pool.shortfall, unitPriceFen: await unitPriceOf(db, group.skuCode), amountFen: pool.shortfallCostFen, balanceFen, balanceAfterFen: balanceFen - pool.shortfallCostFen };
}

/** An hourly SKU's license is bought with each instance it launches (MKT-2): there is nothing to reserve. */
async function assertReservable(db: Db | Tx, skuCode: string | null): Promise<void> {
  const sku = await skuOf(db, skuCode);
  if (sku) assertBuyableAlone(sku.pricingModel as PricingModel);
}

/** The reservation's review: what reserveGroupLicenses would buy and charge now, changing nothing. */
export async function quoteGroupReservation(actor: Actor, groupId: string): Promise<ReservationQuote | null> {
  authorize(actor, 'scaling.manage');
  return await read(async (db) => {
    const quote = await priceReservation(db, await requireOwnGroup(db, actor, groupId));
    if (!quote) return null;
    const { skuCode: _, ...shown } = quote;
    return shown;
  });
}

const reserveSchema = z.object({
  clientToken: z.string().min(1).max(64).optional(),
  // What the owner reviewed: nothing is bought that was not (issue 16's review step).
  quantity: z.coerce.number().int().min(0),
  amountFen: fen,
});
const reserveResult = z.object({ bought: z.number(), amountFen: z.number() });

/**
 * MKT-9 "reserve": buy the shortfall for the group's max now, in one confirmed step, through
 * the license purchase every buyer uses (its rules and price). The group then scales out from
 * the pool only. A reviewed quantity or amount that is no longer what it would buy is refused,
 * charging nothing, so the owner is never charged a total they did not see. The same
 * reservation sent again (a double click, a retried request) answers as the first did (IMP-8).
 */
export async function reserveGroupLicenses(actor: Actor, groupId: string, input: unknown) {
  return await mutate(actor, 'ReserveGroupLicenses', async (tx, note) => {
    authorize(actor, 'scaling.manage');
    authorize(actor, 'license.buy');
    note.target = groupId;
    const { clientToken, ...reviewed } = parseInput(reserveSchema, input, { quantity: 'InvalidParameter.Quantity', amountFen: 'InvalidParameter' });
    const group = await requireOwnGroup(tx, actor, groupId);
    return await once(tx, actor, 'ReserveGroupLicenses', clientToken, { groupId, ...reviewed }, reserveResult, async () => {
      const quote = await priceReservation(tx, group);
      const quantity = quote?.quantity ?? 0;
      const amountFen = quote?.amountFen ?? 0;
      if (reviewed.quantity !== quantity || reviewed.amountFen !== amountFen) {
        throw new CloudError('InvalidOrder.QuoteChanged', { quantity, amount: formatFen(amountFen) });
      }
      // Like any change of the owner's, a new attempt: a group waiting out its back-off scales out now.
      await tx.update(scalingGroups).set({ licenseMode: 'reserve', ...notFailing }).where(eq(scalingGroups.id, group.id));
      await reconcileSoon(tx, group, 'desired');
      if (!quote || quantity === 0) return { bought: 0, amountFen: 0 };
      const order = await buyLicenses(tx, actor, { productCode: quote.productCode, skuCode: quote.skuCode, regionId: group.regionId, quantity });
      note.detail = { orderId: order.orderId, quantity, amountFen: order.amountFen };
      return { bought: quantity, amountFen: order.amountFen };
    });
  });
}

/**
 * Deletes a group: its members are released (each license back to the pool with its release),
 * then the group and its history. Without `force` (Alibaba's ForceDelete, false by default) a
 * group that still has instances is refused, so an API caller never releases them unawares.
 */
export async function deleteScalingGroup(actor: Actor, groupId: string, { force = true }: { force?: boolean } = {}): Promise<void> {
  await mutate(actor, 'DeleteScalingGroup', async (tx, note) => {
    authorize(actor, 'scaling.manage');
    note.target = groupId;
    const group = await requireOwnGroup(tx, actor, groupId);
    const members = await groupMembers(tx, group.id);
    if (!force && members.some((m) => m.status !== 'Released')) throw new CloudError('InstanceInUse', { groupId }, 'groupId');
    // Like Alibaba's ForceDelete: members go with the group, except a frozen one, which waits for
    // the platform (ADM-2) and stays the owner's instance outside any group.
    const released = members.filter(isReleasable);
    for (const m of released) await releaseInstance(actor, m.instanceId);
    await tx.delete(scalingMembers).where(eq(scalingMembers.groupId, group.id));
    await tx.delete(scalingGroups).where(eq(scalingGroups.id, group.id));
    note.detail = { released: released.map((m) => m.instanceId), kept: members.filter((m) => m.status !== 'Released' && !isReleasable(m)).map((m) => m.instanceId) };
  });
}
