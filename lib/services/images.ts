// Custom images: CreateImage from an instance, CopyImage to another region, DeleteImage, the
// image list and detail with lineage. Create and copy are tasks that a durable job advances.
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, images, imageShares, instances, products, tasks } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { assertImageAvailable, ownerAliasFor, withoutOthersIds, type ImageOwnerAlias } from '../domain/images';
import { isValidDescription, isValidImageName } from '../domain/names';
import { isValidImageFamily } from '../domain/image-family';
import { authorize } from '../domain/permissions';
import { isTaskOpen, nextProgress, openTaskStatuses } from '../domain/tasks';
import { parseInput } from '../domain/validation';
import { findVisibleImage, isSharedWith, requireRegion, requireVisibleImage, type Image } from './catalogue';
import { imageSortKeys, listVisibleImages } from './visible-images';
import { preparedQuery } from '../../db/prepared';
import { notify } from './notifications';
import { enqueueJob } from './jobs';
import { readSettings } from './settings';
import { type Tx, infrastructure, mutate, read } from './transaction';
import type { Db } from '../../db/client';
import { inJsonList, lockForCount } from '../../db/portable';
import { parsePaging } from '../domain/paging';
import { parseSort, searchField, sortValues } from '../domain/list-query';
import { orderFor, searchTerms } from './list-sql';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

export type Task = typeof tasks.$inferSelect;

const TASK_STEP_MS = 1000;

/** An image's name and description, as CreateImage, CopyImage and ModifyImageAttribute take them. */
export const imageNameField = z.string().trim().refine(isValidImageName);
export const imageDescriptionField = z.string().refine(isValidDescription);
const nameField = imageNameField;
const descriptionField = imageDescriptionField.default('');
const imageCodes = { name: 'InvalidImageName.Malformed', description: 'InvalidDescription.Malformed', imageFamily: 'InvalidImageFamily.Malformed' } as const;

async function requireOwnCustomImage(db: Db | Tx, actor: Actor, imageId: string): Promise<Image> {
  const { image, alias } = await requireVisibleImage(db, actor, imageId);
  // Visible but not the caller's own custom image (system, marketplace, shared): not theirs to change.
  if (alias !== 'self') throw new CloudError('Forbidden', {}, 'imageId');
  return image;
}

/** IMP-9 and SHR-6: an account's custom images in a region plus the images shared with it there. A change counts after lockForCount of the account. */
export async function imagesCountedInQuota(db: Db | Tx, accountId: string, regionId: string): Promise<number> {
  const own = (await db.select({ n: count() }).from(images).where(and(ownCustom(accountId), eq(images.regionId, regionId))).limit(1)).at(0)?.n ?? 0;
  const received = (await db
    .select({ n: count() })
    .from(imageShares)
    .innerJoin(images, eq(images.id, imageShares.imageId))
    .where(and(eq(imageShares.recipientAccountId, accountId), isNull(imageShares.removedAt), eq(images.regionId, regionId))).limit(1)).at(0)?.n ?? 0;
  return own + received;
}

const ownCustom = (accountId: string) => and(eq(images.ownerAccountId, accountId), eq(images.kind, 'custom'), isNull(images.deletedAt));

/** IMP-9 and a unique name per account and region, checked before a custom image is made. */
export async function assertRoomForImage(tx: Tx, actor: Actor, regionId: string, name: string): Promise<void> {
  await lockForCount(tx, accounts, actor.accountId); // an image made or shared on another connection meanwhile is counted
  if (await imagesCountedInQuota(tx, actor.accountId, regionId) >= (await readSettings(tx)).imageQuotaPerRegion) throw new CloudError('QuotaExceed.Image', { regionId });
  await assertImageNameFree(tx, actor, regionId, name);
}

/** One custom image of that name per account and region (`except`: the image being renamed). */
export async function assertImageNameFree(tx: Tx, actor: Actor, regionId: string, name: string, except?: string): Promise<void> {
  const taken = (await tx.select({ id: images.id }).from(images).where(and(ownCustom(actor.accountId), eq(images.regionId, regionId), eq(images.name, name))).limit(1)).at(0);
  if (taken && taken.id !== except) throw new CloudError('InvalidImageName.Duplicated', { name }, 'name');
}

async function startTask(tx: Tx, actor: Actor, action: 'CreateImage' | 'CopyImage', image: typeof images.$inferInsert): Promise<{ imageId: string; taskId: string }> {
  const now = clock.now();
  const taskId = newResourceId('t');
  await tx.insert(images).values(image);
  await tx.insert(tasks).values({ id: taskId, accountId: actor.accountId, regionId: image.regionId, action, status: 'Waiting', imageId: image.id, createdAt: now });
  await enqueueJob(tx, 'image.task', { taskId }, now);
  return { imageId: image.id, taskId };
}

const createSchema = z.object({ instanceId: z.string().min(1), name: nameField, description: descriptionField, imageFamily: z.string().trim().optional().refine((f) => !f || isValidImageFamily(f)) });

/** CreateImage: a custom image of an instance's system disk; it keeps the ProductCode (MKT-4), and may join an image family (issue 17). */
export async function createImage(actor: Actor, input: unknown) {
  return await mutate(actor, 'CreateImage', async (tx, note) => {
    authorize(actor, 'image.create');
    const request = parseInput(createSchema, input, { ...imageCodes, instanceId: 'InvalidInstanceId.NotFound' });
    const instance = (await tx.select().from(instances).where(and(eq(instances.id, request.instanceId), eq(instances.accountId, actor.accountId))).limit(1)).at(0);
    if (!instance) throw new CloudError('InvalidInstanceId.NotFound', { instanceId: request.instanceId }, 'instanceId');
    if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new CloudError('IncorrectInstanceStatus', { status: instance.status, action: 'createImage' });
    const source = (await tx.select().from(images).where(eq(images.id, instance.imageId)).limit(1)).at(0)!;
    await assertRoomForImage(tx, actor, instance.regionId, request.name);
    const result = await startTask(tx, actor, 'CreateImage', {
      id: newResourceId('m'),
      regionId: instance.regionId,
      kind: 'custom',
      ownerAccountId: actor.accountId,
      name: request.name,
      description: request.description,
      osType: source.osType,
      platform: source.platform,
      architecture: source.architecture,
      sizeGib: source.sizeGib,
      status: 'Creating',
      productCode: source.productCode,
      productVersion: source.productVersion,
      imageFamily: request.imageFamily || null,
      source: 'instance',
      sourceInstanceId: instance.id,
      sourceImageId: source.id,
      createdAt: clock.now(),
    });
    note.target = result.imageId;
    note.detail = { instanceId: instance.id, taskId: result.taskId, productCode: source.productCode };
    return result;
  });
}

const copySchema = z.object({ imageId: z.string().min(1), destinationRegionId: z.string().min(1), name: nameField.optional(), description: descriptionField.optional() });

/** CopyImage: the copy keeps the ProductCode, so launching it needs a license in its region (MKT-4, MKT-7). */
export async function copyImage(actor: Actor, input: unknown) {
  return await mutate(actor, 'CopyImage', async (tx, note) => {
    authorize(actor, 'image.copy');
    const request = parseInput(copySchema, input, { ...imageCodes, imageId: 'InvalidImageId.NotFound', destinationRegionId: 'RegionId.NotFound' });
    const source = await requireOwnCustomImage(tx, actor, request.imageId);
    assertImageAvailable(source);
    await requireRegion(tx, request.destinationRegionId);
    const name = request.name ?? source.name;
    await assertRoomForImage(tx, actor, request.destinationRegionId, name);
    const result = await startTask(tx, actor, 'CopyImage', {
      ...source,
      id: newResourceId('m'),
      regionId: request.destinationRegionId,
      name,
      description: request.description ?? source.description,
      status: 'Creating',
      source: 'copy',
      sourceInstanceId: null,
      sourceImageId: source.id,
      // A copy joins no family and is not deprecated (Alibaba: copies do not inherit the family).
      imageFamily: null,
      deprecatedAt: null,
      successorImageId: null,
      createdAt: clock.now(),
      deletedAt: null,
    });
    note.target = result.imageId;
    note.detail = { sourceImageId: source.id, destinationRegionId: request.destinationRegionId, taskId: result.taskId };
    return result;
  });
}

/** DeleteImage: own custom images only; instances already running from it keep running. */
export async function deleteImage(actor: Actor, imageId: string): Promise<void> {
  await mutate(actor, 'DeleteImage', async (tx, note) => {
    authorize(actor, 'image.delete');
    note.target = imageId;
    const image = await requireOwnCustomImage(tx, actor, imageId);
    const open = (await tx.select().from(tasks).where(eq(tasks.imageId, image.id))).find((t) => isTaskOpen(t.status));
    if (open) throw new CloudError(open.action === 'ImportImage' ? 'ImageIsImporting' : 'IncorrectImageStatus', { imageId: image.id });
    const now = clock.now();
    await tx.update(images).set({ deletedAt: now, status: 'UnAvailable' }).where(eq(images.id, image.id));
    // SHR-9, SHR-12: every share ends; recipients are told, and their instances keep running.
    const ended = await tx.update(imageShares).set({ removedAt: now, removedBy: 'deleted' }).where(and(eq(imageShares.imageId, image.id), isNull(imageShares.removedAt))).returning();
    for (const share of ended) await notify(tx, share.recipientAccountId, 'sharedImageDeleted', { imageName: image.name, imageId: image.id, regionId: image.regionId });
    note.detail = { sharesEnded: ended.length };
  });
}

/** The image.task job: one step of progress per run, until the image is Available. */
export async function advanceImageTask(taskId: string): Promise<void> {
  await infrastructure(async (tx) => {
    const task = (await tx.select().from(tasks).where(eq(tasks.id, taskId)).limit(1)).at(0);
    if (!task || !isTaskOpen(task.status)) return;
    const image = (await tx.select().from(images).where(eq(images.id, task.imageId)).limit(1)).at(0)!;
    const progress = nextProgress(task.progress, image.sizeGib);
    const now = clock.now();
    if (progress < 100) {
      await tx.update(tasks).set({ status: 'Processing', progress }).where(eq(tasks.id, task.id));
      await enqueueJob(tx, 'image.task', { taskId }, new Date(now.getTime() + TASK_STEP_MS));
      return;
    }
    await tx.update(tasks).set({ status: 'Finished', progress: 100, finishedAt: now }).where(eq(tasks.id, task.id));
    await tx.update(images).set({ status: 'Available' }).where(eq(images.id, image.id));
  });
}

// ─── Reading ─────────────────────────────────────────────────────────────────

export type ImageView = Image & { ownerAlias: ImageOwnerAlias; productTitle: string | null; task: Pick<Task, 'id' | 'status' | 'progress'> | null };

const listSchema = z.object({
  regionId: z.string().min(1),
  ownerAlias: z.enum(['system', 'self', 'others', 'marketplace']).optional(),
  imageId: z.string().optional(),
  imageName: z.string().optional(),
  imageFamily: z.string().optional(),
  productCode: z.string().optional(),
  status: z.string().optional(),
  osType: z.string().optional(),
  architecture: z.string().optional(),
  search: searchField,
  sort: z.enum(sortValues(imageSortKeys) as [string, ...string[]]).optional(),
});

/** The product titles and open tasks of a page of images, by lists of keys (inJsonList), so one statement serves every page. */
const viewStatements = preparedQuery((db) => ({
  titles: db.select({ code: products.code, title: products.title }).from(products).where(inJsonList(products.code, sql.placeholder('codes'))).prepare(),
  openTasks: db.select().from(tasks).where(and(inJsonList(tasks.imageId, sql.placeholder('ids')), inArray(tasks.status, openTaskStatuses))).prepare(),
}));

async function withViews(db: Db, actor: Actor, rows: Image[]): Promise<ImageView[]> {
  if (rows.length === 0) return [];
  const { titles, openTasks } = viewStatements();
  const codes = [...new Set(rows.map((r) => r.productCode).filter((c): c is string => !!c))];
  const titleOf = new Map(codes.length ? (await titles.execute({ codes: JSON.stringify(codes) })).map((p) => [p.code, p.title]) : []);
  const taskOf = new Map((await openTasks.execute({ ids: JSON.stringify(rows.map((r) => r.id)) })).map((t) => [t.imageId, t]));
  const views: ImageView[] = [];
  for (const image of rows) {
    const task = taskOf.get(image.id);
    // Every row was selected as visible: a custom image that is not the caller's is shared with it.
    // Object.assign, not a spread: V8 copies a row this wide several times faster so (issue 13).
    // A deprecated image names its successor only to a caller who can see it (issue 17): an
    // owner's private successor, or one deleted since, is no one else's business.
    const successorImageId = image.successorImageId && (await findVisibleImage(db, actor, image.successorImageId)) ? image.successorImageId : null;
    views.push(Object.assign({}, withoutOthersIds(image, actor.accountId), { successorImageId, ownerAlias: ownerAliasFor(image, actor.accountId, true)!, productTitle: image.productCode ? (titleOf.get(image.productCode) ?? null) : null, task: task ? { id: task.id, status: task.status, progress: task.progress } : null }));
  }
  return views;
}

/** The images of a region the caller can see (system, its own, shared with it, marketplace), filtered as DescribeImages filters. */
export async function describeImages(actor: Actor, query: z.input<typeof listSchema> & { page?: unknown; pageSize?: unknown }) {
  authorize(actor, 'image.describe');
  const q = { ...parseInput(listSchema, query, { regionId: 'RegionId.NotFound', ownerAlias: 'InvalidParameter' }), ...parsePaging(query, { defaultPageSize: 20 }) };
  return await read(async (db) => {
    await requireRegion(db, q.regionId);
    const { rows, total } = await listVisibleImages(db, { ...q, accountId: actor.accountId, sort: parseSort(q.sort, imageSortKeys, { key: 'created', direction: 'desc' }) });
    return { items: await withViews(db, actor, rows), total, page: q.page, pageSize: q.pageSize };
  });
}

/**
 * A step of an image's lineage. Another account's resource ids never show: an ancestor the
 * caller cannot see has no id, and the instance an image was made from is named only when it
 * was the caller's own (`fromInstance` says an instance of someone else's was the source).
 */
export type LineageStep = { imageId: string | null; regionId: string; name: string | null; source: string; fromInstance: boolean; viaInstanceId: string | null; productCode: string | null; visible: boolean };

/** One image with its lineage, newest first: copy ← custom image ← instance ← marketplace image; and the successor it names when deprecated, if the caller can see it (issue 17). */
export async function getImage(actor: Actor, imageId: string): Promise<{ image: ImageView; lineage: LineageStep[]; successor: { id: string; name: string } | null }> {
  authorize(actor, 'image.describe');
  return await read(async (db) => {
    const { image } = await requireVisibleImage(db, actor, imageId);
    const lineage: LineageStep[] = [];
    const seen = new Set<string>();
    let step: Image | undefined = image;
    while (step && !seen.has(step.id)) {
      seen.add(step.id);
      // An ancestor the caller cannot see (another account's, or deleted) is named by kind only.
      const visible = step.id === image.id || ownerAliasFor({ ...step, deletedAt: null }, actor.accountId, await isSharedWith(db, step.id, actor.accountId)) !== null;
      lineage.push({
        imageId: visible ? step.id : null,
        regionId: step.regionId,
        name: visible ? step.name : null,
        source: step.source,
        fromInstance: step.sourceInstanceId !== null,
        viaInstanceId: withoutOthersIds(step, actor.accountId).sourceInstanceId,
        productCode: step.productCode,
        visible,
      });
      step = step.sourceImageId ? (await db.select().from(images).where(eq(images.id, step.sourceImageId)).limit(1)).at(0) : undefined;
    }
    const successor = image.successorImageId ? (await findVisibleImage(db, actor, image.successorImageId))?.image : undefined;
    return { image: (await withViews(db, actor, [image]))[0], lineage, successor: successor ? { id: successor.id, name: successor.name } : null };
  });
}

/** The task list's sortable columns (issue 16). */
export const taskSortKeys = ['action', 'image', 'status', 'created'] as const;
const taskSortColumns = new Map<(typeof taskSortKeys)[number], SQLiteColumn>([
  ['action', tasks.action],
  ['image', images.name],
  ['status', tasks.status],
  ['created', tasks.createdAt],
]);

/** The caller's tasks, newest first by default, in one region or all (DescribeTasks), searched by task or image id or image name. */
export async function describeTasks(actor: Actor, { regionId, search, sort, ...paging }: { regionId?: string; search?: string; sort?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'task.read');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  const order = parseSort(sort, taskSortKeys, { key: 'created', direction: 'desc' });
  return await read(async (db) => {
    const where = and(eq(tasks.accountId, actor.accountId), regionId === undefined ? undefined : eq(tasks.regionId, regionId), searchTerms(search?.trim(), [tasks.id, tasks.imageId], [images.name]));
    const total = (await db.select({ n: count() }).from(tasks).innerJoin(images, eq(images.id, tasks.imageId)).where(where).limit(1)).at(0)?.n ?? 0;
    const items = (await db
      .select({ task: tasks, imageName: images.name })
      .from(tasks)
      .innerJoin(images, eq(images.id, tasks.imageId))
      .where(where)
      .orderBy(...orderFor(order, taskSortColumns, tasks.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize))
      .map((r) => ({ ...r.task, imageName: r.imageName }));
    return { items, total, page, pageSize };
  });
}

/** The current state of some of the caller's tasks, for live progress in the console. */
export async function taskStates(actor: Actor, taskIds: string[]): Promise<Pick<Task, 'id' | 'status' | 'progress'>[]> {
  authorize(actor, 'task.read');
  if (taskIds.length === 0) return [];
  return await read(async (db) =>
    await db
      .select({ id: tasks.id, status: tasks.status, progress: tasks.progress })
      .from(tasks)
      .where(and(eq(tasks.accountId, actor.accountId), inArray(tasks.id, taskIds.slice(0, 100)))),
  );
}
