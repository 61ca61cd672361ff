// Instance use cases: launch, list, read, start, stop, release. One function per action,
// shared by the console's server actions, the ECS API and the jobs (API-5).
import { preparedStatement } from '../../db/prepared';
import { and, count, eq, ne, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { images, instances, instanceTypes, licenses } from '../../db/schema';
import { clock } from '../clock';
import { config } from '../config';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { applyAction, batchNames, instanceStatuses, type InstanceStatus } from '../domain/instances';
import { assertEntitled, diskReplacement, launchNeed } from '../domain/entitlement';
import { assertImageAvailable } from '../domain/images';
import { parseLaunchRequest, type LaunchRequest } from '../domain/launch';
import { decideLaunch } from '../domain/launch-decision';
import { isSubscriptionModel, type SubscriptionModel } from '../domain/marketplace';
import { authorize, type Permission } from '../domain/permissions';
import { hourStart } from '../domain/metering';
import { findVisibleImage, requireVisibleImage } from './catalogue';
import { moveInstance } from './instance-status';
import { tellSeller } from './seller-calls';
import { assertNotInArrears } from './wallet';
import { enqueueJob } from './jobs';
import { availableLicenseCount, consumeLicenses, returnLicense } from './licenses';
import { buyLicenses } from './orders';
import { loadLaunchFacts } from './launch-facts';
import { withFamilyImage } from './image-family';
import { once } from './idempotency';
import { mutate, read, type AuditAction, type AuditNote, type Tx } from './transaction';
import { parseInput } from '../domain/validation';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';
import { parseSort, searchField, sortValues } from '../domain/list-query';
import { orderFor, searchTerms } from './list-sql';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

export type Instance = typeof instances.$inferSelect;

export type InstanceView = Instance & {
  imageName: string;
  productCode: string | null;
  platform: string;
  osType: string;
  vcpu: number;
  memoryGib: number;
  hourlyPriceFen: number;
  /** MKT-11: the period a subscription instance renews by. */
  subscriptionModel: SubscriptionModel | null;
};

const runInstancesResult = z.object({ instanceIds: z.array(z.string()) });
export type RunInstancesResult = z.infer<typeof runInstancesResult>;

export async function runInstances(actor: Actor, input: unknown): Promise<RunInstancesResult> {
  return await mutate(actor, 'RunInstances', async (tx, note) => {
    authorize(actor, 'instance.run');
    // Issue 17: ImageFamily without ImageId launches the family's newest image, chosen in this transaction.
    const withImage = await withFamilyImage(tx, actor, input);
    const request = parseLaunchRequest(withImage);
    const { clientToken, dryRun, ...parameters } = request;
    // IMP-8: a retry is matched on what the caller sent (the family), not on the image it resolved to then.
    const asked = withImage === input ? parameters : { ...parameters, imageId: undefined, imageFamily: (input as { imageFamily: string }).imageFamily };
    return await once(tx, actor, 'RunInstances', clientToken, asked, runInstancesResult, async () => await launch(tx, actor, request, note, dryRun));
  });
}

/**
 * The launch itself, inside RunInstances' transaction: decideLaunch says whether it may happen
 * and what it buys first (MKT-4, issue 12); the facts are read in this transaction, so parallel
 * launches (serialised by BEGIN IMMEDIATE, on PostgreSQL by the usage row launchLimits locks)
 * each see the ones before. A refused launch buys nothing.
 */
async function launch(tx: Tx, actor: Actor, request: LaunchRequest, note: AuditNote, dryRun: boolean): Promise<RunInstancesResult> {
  const decision = decideLaunch(await loadLaunchFacts(tx, actor, request, { amount: request.amount }), request);
  if (!decision.ok) throw decision.refusal;
  const { image, instanceType: type, buy } = decision;
  if (buy && image.productCode) await buyLicenses(tx, actor, { productCode: image.productCode, skuCode: buy.skuCode, regionId: request.regionId, quantity: buy.quantity });
  const now = clock.now();
  const ids = Array.from({ length: request.amount }, () => newResourceId('i'));
  const names = request.name ? batchNames(request.name, request.amount) : ids;
  await tx.insert(instances)
    .values(
      ids.map((id, i) => ({
        id,
        accountId: actor.accountId,
        regionId: request.regionId,
        instanceTypeId: type.id,
        imageId: image.id,
        name: names[i],
        status: 'Pending',
        billing: 'payg',
        meteredUntil: hourStart(now),
        createdAt: now,
      })),
    );
  if (image.productCode) {
    const held = await consumeLicenses(tx, actor.accountId, image.productCode, request.regionId, ids);
    // MKT-11: an instance holding a subscription license ends with it.
    const hold = preparedStatement('UPDATE instances SET license_id = ?, expires_at = ?, billing = ? WHERE id = ?');
    for (const [i, id] of ids.entries()) await hold.run(held[i].id, held[i].expiresAt ?? null, held[i].expiresAt ? 'subscription' : 'payg', id);
  }
  // No real VM boots: a durable job moves the batch to Running after the boot delay.
  await enqueueJob(tx, 'instance.boot', { accountId: actor.accountId, instanceIds: ids }, new Date(now.getTime() + config.bootSeconds * 1000));
  note.target = ids.join(',');
  note.detail = { regionId: request.regionId, imageId: image.id, instanceType: type.id, amount: request.amount, productCode: image.productCode };
  // API-4 DryRun: every check (licenses and money included) has passed; the rollback undoes the writes.
  if (dryRun) throw new CloudError('DryRunOperation');
  return { instanceIds: ids };
}

/** The instance list's sortable columns (issue 16); "newest" and "oldest" are the API's and the default. */
export const instanceSortKeys = ['name', 'status', 'type', 'created'] as const;
const sortColumns = new Map<(typeof instanceSortKeys)[number], SQLiteColumn>([
  ['name', instances.name],
  ['status', instances.status],
  ['type', instances.instanceTypeId],
  ['created', instances.createdAt],
]);

const listSchema = z.object({
  regionId: z.string().optional(),
  status: z.enum(instanceStatuses).optional(),
  sort: z.enum(['newest', 'oldest', ...sortValues(instanceSortKeys)]).default('newest'),
  search: searchField,
});

export type InstanceQuery = z.input<typeof listSchema> & { page?: unknown; pageSize?: unknown };

export type InstancePage = { items: InstanceView[]; total: number; page: number; pageSize: number };

function viewQuery(db: Db | Tx) {
  return db
    .select({
      instance: instances,
      imageName: images.name,
      productCode: images.productCode,
      platform: images.platform,
      osType: images.osType,
      vcpu: instanceTypes.vcpu,
      memoryGib: instanceTypes.memoryGib,
      hourlyPriceFen: instanceTypes.hourlyPriceFen,
      licenseModel: licenses.pricingModel,
    })
    .from(instances)
    .innerJoin(images, eq(images.id, instances.imageId))
    .innerJoin(instanceTypes, eq(instanceTypes.id, instances.instanceTypeId))
    .leftJoin(licenses, eq(licenses.id, instances.licenseId));
}

function toView(row: ReturnType<typeof viewQuery> extends { all(): (infer R)[] } ? R : never): InstanceView {
  const model = row.licenseModel;
  const subscriptionModel = isSubscriptionModel(model) ? model : null;
  // Object.assign, not a spread: V8 copies a row this wide several times faster so (issue 13, a page of 50 per call).
  return Object.assign({}, row.instance, { imageName: row.imageName, productCode: row.productCode, platform: row.platform, osType: row.osType, vcpu: row.vcpu, memoryGib: row.memoryGib, hourlyPriceFen: row.hourlyPriceFen, subscriptionModel });
}

/** The caller's instances, newest first by default; released ones only when asked for by status. */
export async function describeInstances(actor: Actor, query: InstanceQuery = {}): Promise<InstancePage> {
  authorize(actor, 'instance.describe');
  const q = { ...parseInput(listSchema, query, { status: 'InvalidParameter' }), ...parsePaging(query, { defaultPageSize: 20 }) };
  const filters: SQL[] = [eq(instances.accountId, actor.accountId)];
  if (q.regionId) filters.push(eq(instances.regionId, q.regionId));
  filters.push(q.status ? eq(instances.status, q.status) : ne(instances.status, 'Released'));
  const search = searchTerms(q.search, [instances.id], [instances.name]);
  if (search) filters.push(search);
  const where = and(...filters);
  return await read(async (db) => {
    const total = (await db.select({ n: count() }).from(instances).where(where).limit(1)).at(0)?.n ?? 0;
    const sort = q.sort === 'newest' ? '-created' : q.sort === 'oldest' ? 'created' : q.sort;
    const rows = await viewQuery(db)
      .where(where)
      .orderBy(...orderFor(parseSort(sort, instanceSortKeys, { key: 'created', direction: 'desc' }), sortColumns, instances.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  });
}

async function requireOwnInstance(db: Db | Tx, actor: Actor, instanceId: string): Promise<Instance> {
  const instance = (await db
    .select()
    .from(instances)
    .where(and(eq(instances.id, instanceId), eq(instances.accountId, actor.accountId))).limit(1)).at(0);
  // Another account's instance answers exactly like one that does not exist.
  if (!instance) throw new CloudError('InvalidInstanceId.NotFound', { instanceId }, 'instanceId');
  return instance;
}

export async function getInstance(actor: Actor, instanceId: string): Promise<InstanceView> {
  authorize(actor, 'instance.describe');
  return await read(async (db) => {
    const row = (await viewQuery(db)
      .where(and(eq(instances.id, instanceId), eq(instances.accountId, actor.accountId))).limit(1)).at(0);
    if (!row) throw new CloudError('InvalidInstanceId.NotFound', { instanceId }, 'instanceId');
    return toView(row);
  });
}

type LifecycleAction = 'start' | 'stop' | 'release';

const actionMeta: Record<LifecycleAction, { permission: Permission; audit: AuditAction }> = {
  start: { permission: 'instance.start', audit: 'StartInstance' },
  stop: { permission: 'instance.stop', audit: 'StopInstance' },
  release: { permission: 'instance.release', audit: 'DeleteInstance' },
};

async function changeStatus(actor: Actor, instanceId: string, action: LifecycleAction): Promise<Instance> {
  const meta = actionMeta[action];
  return await mutate(actor, meta.audit, async (tx, note) => {
    note.target = instanceId;
    authorize(actor, meta.permission);
    const instance = await requireOwnInstance(tx, actor, instanceId);
    const status = applyAction(instance.status as InstanceStatus, action);
    // MKT-12: an account in arrears starts nothing until it has topped up.
    if (action === 'start') await assertNotInArrears(tx, actor.accountId);
    const released = status === 'Released';
    const releasedAt = released ? clock.now() : null;
    // MKT-5: releasing the instance returns its license to the account's pool.
    if (released && instance.licenseId) await returnLicense(tx, instance.licenseId);
    const licenseId = released ? null : instance.licenseId;
    await moveInstance(tx, instance, { to: status, set: { releasedAt, licenseId } });
    note.detail = { from: instance.status, to: status, ...(released && instance.licenseId ? { licenseReturned: instance.licenseId } : {}) };
    return { ...instance, status, statusReason: null, releasedAt, licenseId };
  });
}

export const startInstance = async (actor: Actor, instanceId: string) => await changeStatus(actor, instanceId, 'start');
export const stopInstance = async (actor: Actor, instanceId: string) => await changeStatus(actor, instanceId, 'stop');
export const releaseInstance = async (actor: Actor, instanceId: string) => await changeStatus(actor, instanceId, 'release');

/** Issue 12: the use case of one of three action names, never a key looked up in an object. */
export function lifecycleChange(action: LifecycleAction): (actor: Actor, instanceId: string) => Promise<Instance> {
  switch (action) {
    case 'start':
      return startInstance;
    case 'stop':
      return stopInstance;
    case 'release':
      return releaseInstance;
  }
}

/** The boot job: the account's Pending instances of a batch become Running (released ones stay released). */
export async function completeBoot(actor: Actor, instanceIds: string[]): Promise<void> {
  await mutate(actor, 'BootInstances', async (tx, note) => {
    note.target = instanceIds.join(',');
    // One prepared statement for any batch size (the boot job runs thousands a second), read by
    // primary key: CROSS JOIN keeps SQLite on it. The owner and status are checked here, not in
    // SQL, where PostgreSQL's generic plan may walk the account's Pending instances (a whole
    // launch backlog, per boot) by its (account, status) index instead.
    const batch = await preparedStatement({
      sqlite: `SELECT i.id, i.status, i.account_id FROM json_each(?) AS j CROSS JOIN instances AS i ON i.id = j.value`,
      postgres: `SELECT id, status, account_id FROM instances WHERE id = ANY(ARRAY(SELECT json_array_elements_text(?::json)))`,
    }).all<{ id: string; status: string; account_id: string }>(JSON.stringify(instanceIds));
    const pending = batch.filter((instance) => instance.account_id === actor.accountId && instance.status === 'Pending');
    for (const instance of pending) await moveInstance(tx, instance, { to: 'Running' });
  });
}

const replaceSchema = z.object({ instanceId: z.string().min(1), imageId: z.string().min(1) });

/**
 * MKT-6 ReplaceSystemDisk: the instance (Stopped) gets a new image of its region. Another
 * version of the product it holds a license for needs nothing; another product consumes one
 * of its licenses and returns the held one; an image without a product code returns it.
 */
export async function replaceSystemDisk(actor: Actor, input: unknown): Promise<Instance> {
  return await mutate(actor, 'ReplaceSystemDisk', async (tx, note) => {
    authorize(actor, 'instance.replaceDisk');
    const request = parseInput(replaceSchema, input, { instanceId: 'InvalidInstanceId.NotFound', imageId: 'InvalidImageId.NotFound' });
    note.target = request.instanceId;
    const instance = await requireOwnInstance(tx, actor, request.instanceId);
    applyAction(instance.status as InstanceStatus, 'replaceDisk');
    const { image } = await requireVisibleImage(tx, actor, request.imageId, instance.regionId);
    assertImageAvailable(image);

    const held = instance.licenseId ? (await tx.select().from(licenses).where(eq(licenses.id, instance.licenseId)).limit(1)).at(0) : undefined;
    const plan = diskReplacement({ heldProductCode: held?.productCode ?? null, newProductCode: image.productCode });
    let licenseId = instance.licenseId;
    if (plan.consume) {
      const need = launchNeed({ productCode: image.productCode, regionId: instance.regionId, amount: 1, available: await availableLicenseCount(tx, actor.accountId, image.productCode!, instance.regionId) });
      assertEntitled(need);
    }
    if (plan.returnHeld && held) {
      await tx.update(instances).set({ licenseId: null }).where(eq(instances.id, instance.id));
      await returnLicense(tx, held.id);
      licenseId = null;
    }
    if (plan.consume) [{ id: licenseId }] = await consumeLicenses(tx, actor.accountId, image.productCode!, instance.regionId, [instance.id]);
    // MKT-11: the instance now ends with the license it holds (or never, without a subscription).
    const expiresAt = licenseId ? ((await tx.select({ expiresAt: licenses.expiresAt }).from(licenses).where(eq(licenses.id, licenseId)).limit(1)).at(0)?.expiresAt ?? null) : null;
    await tx.update(instances)
      .set({ imageId: image.id, licenseId, expiresAt, billing: expiresAt ? 'subscription' : 'payg' })
      .where(eq(instances.id, instance.id));
    // Another version of the product the instance holds a license for: the seller hears of the upgrade (SEL-3).
    const previous = (await tx.select({ version: images.productVersion }).from(images).where(eq(images.id, instance.imageId)).limit(1)).at(0);
    if (held && !plan.consume && !plan.returnHeld && previous?.version !== image.productVersion) await tellSeller(tx, 'upgradeInstance', { licenseId: held.id });
    note.detail = { fromImage: instance.imageId, toImage: image.id, consumed: plan.consume, returned: plan.returnHeld ? held?.id : undefined };
    return { ...instance, imageId: image.id, licenseId };
  });
}

/** MKT-6 ReInitDisk: back to the instance's current image; never needs a license or payment. */
export async function reInitDisk(actor: Actor, instanceId: string): Promise<Instance> {
  return await mutate(actor, 'ReInitDisk', async (tx, note) => {
    authorize(actor, 'instance.reinitDisk');
    note.target = instanceId;
    const instance = await requireOwnInstance(tx, actor, instanceId);
    applyAction(instance.status as InstanceStatus, 'reinitDisk');
    // SHR-9: an image since deleted or unshared cannot re-initialise the disk; the instance keeps running.
    if (!await findVisibleImage(tx, actor, instance.imageId, instance.regionId)) throw new CloudError('InvalidImage.Unavailable', { imageId: instance.imageId });
    return instance;
  });
}
