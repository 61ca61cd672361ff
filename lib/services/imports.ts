// ImportImage (IMP-1 … IMP-9): checks the request, reads the file's ends to know its disk,
// and starts a durable task that copies the file into the image store with real progress.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { images, objects, tasks } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { assertDiskFits, inspectDisk, parseImportRequest, type DiskCheck, type ImportInput } from '../domain/imports';
import { authorize } from '../domain/permissions';
import { isTaskOpen, openTaskStatuses } from '../domain/tasks';
import { requireRegion } from './catalogue';
import { once } from './idempotency';
import { assertRoomForImage } from './images';
import { enqueueJob } from './jobs';
import { copyRange, diskPath, objectPath, readEnds, removeFile } from './object-files';
import { bucketByName, hasImportRole } from './storage';
import { infrastructure, mutate } from './transaction';
import { getDb } from '../../db/client';
import { changedRows } from '../../db/portable';
import { chinaStamp } from '../domain/calendar';

export type ImportDetails = { bucket: string; object: string; objectId: string; format: string; diskImageSize?: number; sizeBytes: number; copiedBytes: number; check: DiskCheck };

const importResult = z.object({ imageId: z.string(), taskId: z.string(), regionId: z.string() });
export type ImportResult = z.infer<typeof importResult>;

/** Bytes copied per job run: small enough that progress moves and other jobs get their turn. */
const STEP_BYTES = 16 * 1024 * 1024;

export async function importImage(actor: Actor, input: ImportInput): Promise<ImportResult> {
  return await mutate(actor, 'ImportImage', async (tx, note) => {
    authorize(actor, 'image.import');
    const request = parseImportRequest(input);
    const { clientToken, ...parameters } = request;
    return await once(tx, actor, 'ImportImage', clientToken, parameters, importResult, async () => {
      await requireRegion(tx, request.regionId);
      // IMP-2: without the role the image service may not read the buckets (seed: "Forbbiden").
      if (!await hasImportRole(tx, actor.accountId)) throw new CloudError('Forbidden', { reason: 'importRole' });
      const bucket = await bucketByName(tx, actor, request.regionId, request.ossBucket);
      const object = (await tx.select().from(objects).where(and(eq(objects.bucketId, bucket.id), eq(objects.key, request.ossObject))).limit(1)).at(0);
      if (!object) throw new CloudError('InvalidOSSObject.NotFound', { object: request.ossObject }, 'ossObject');

      const ends = readEnds(objectPath(object.id));
      const check = inspectDisk(request.format, ends.head, ends.tail, ends.size);
      // A file that is not what it claims is the task's failure (IMP-6); a system disk too small for it is the call's.
      const sizeGib = check.ok ? assertDiskFits(request.diskImageSize, check.disk) : (request.diskImageSize ?? 1);
      // Named by the time the user reads: China's (issue 16).
      const name = request.imageName ?? `import-${chinaStamp(clock.now())}`;
      await assertRoomForImage(tx, actor, request.regionId, name);

      const now = clock.now();
      const imageId = newResourceId('m');
      const taskId = newResourceId('t');
      await tx.insert(images)
        .values({ id: imageId, regionId: request.regionId, kind: 'custom', ownerAccountId: actor.accountId, name, description: request.description, osType: request.osType, platform: request.platform, architecture: request.architecture, sizeGib, status: 'Creating', source: 'import', createdAt: now });
      const details: ImportDetails = { bucket: bucket.name, object: object.key, objectId: object.id, format: request.format, diskImageSize: request.diskImageSize, sizeBytes: ends.size, copiedBytes: 0, check };
      await tx.insert(tasks).values({ id: taskId, accountId: actor.accountId, regionId: request.regionId, action: 'ImportImage', status: 'Waiting', imageId, details, createdAt: now });
      await enqueueJob(tx, 'image.import', { taskId }, now);
      note.target = imageId;
      note.detail = { taskId, bucket: bucket.name, object: object.key, format: request.format };
      return { imageId, taskId, regionId: request.regionId };
    });
  });
}

/** IMP-7: cancelling an open task removes its half-made image. */
export async function cancelTask(actor: Actor, taskId: string): Promise<void> {
  await mutate(actor, 'CancelTask', async (tx, note) => {
    authorize(actor, 'task.cancel');
    note.target = taskId;
    const task = (await tx.select().from(tasks).where(and(eq(tasks.id, taskId), eq(tasks.accountId, actor.accountId))).limit(1)).at(0);
    if (!task) throw new CloudError('InvalidTaskId.NotFound', { taskId }, 'taskId');
    if (!isTaskOpen(task.status)) throw new CloudError('IncorrectTaskStatus', { status: task.status });
    const now = clock.now();
    await tx.update(tasks).set({ status: 'Cancelled', finishedAt: now }).where(eq(tasks.id, task.id));
    await tx.update(images).set({ status: 'UnAvailable', deletedAt: now }).where(eq(images.id, task.imageId));
  });
  const task = (await getDb().select().from(tasks).where(eq(tasks.id, taskId)).limit(1)).at(0);
  if (task) removeFile(diskPath(task.imageId));
}

async function fail(taskId: string, imageId: string, reason: string, params: Record<string, unknown> = {}): Promise<void> {
  const now = clock.now();
  await infrastructure(async (tx) => {
    // Still open when this turn comes: a CancelTask committed meanwhile stands.
    const failed = await tx.update(tasks).set({ status: 'Failed', finishedAt: now, failureReason: JSON.stringify({ reason, ...params }) }).where(and(eq(tasks.id, taskId), inArray(tasks.status, openTaskStatuses)));
    if (changedRows(failed) > 0) await tx.update(images).set({ status: 'CreateFailed' }).where(eq(images.id, imageId));
  });
  removeFile(diskPath(imageId));
}

/**
 * One step of an import job: copy the next chunk of the object into the image's disk file,
 * record how far it got, and come back for the next one. A step interrupted by a crash is
 * redone from the last recorded offset; nothing is ever left "Creating" for good.
 */
export async function advanceImport(taskId: string): Promise<void> {
  const db = getDb();
  const task = (await db.select().from(tasks).where(eq(tasks.id, taskId)).limit(1)).at(0);
  if (!task || !isTaskOpen(task.status)) return;
  const details = task.details as ImportDetails;
  if (!details.check.ok) return await fail(task.id, task.imageId, details.check.reason, details.check.params);
  const source = (await db.select().from(objects).where(eq(objects.id, details.objectId)).limit(1)).at(0);
  if (!source) return await fail(task.id, task.imageId, 'objectDeleted', { object: details.object });

  const copied = details.copiedBytes + copyRange(objectPath(source.id), diskPath(task.imageId), details.copiedBytes, STEP_BYTES);
  const done = copied >= details.sizeBytes;
  await infrastructure(async (tx) => {
    const current = (await tx.select().from(tasks).where(eq(tasks.id, taskId)).limit(1)).at(0);
    if (!current || !isTaskOpen(current.status)) return; // cancelled meanwhile
    const now = clock.now();
    const progress = done ? 100 : Math.min(99, Math.floor((copied / details.sizeBytes) * 100));
    await tx.update(tasks)
      .set({ status: done ? 'Finished' : 'Processing', progress, details: { ...details, copiedBytes: copied }, finishedAt: done ? now : null })
      .where(eq(tasks.id, taskId));
    if (done) await tx.update(images).set({ status: 'Available' }).where(eq(images.id, task.imageId));
    else await enqueueJob(tx, 'image.import', { taskId }, now);
  });
}
