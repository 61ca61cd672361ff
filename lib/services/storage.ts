// Object storage for imports (IMP-1): buckets per account and region, objects uploaded into
// them, and the one-click authorisation that lets the image service read them (IMP-2).
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { accountRoles, buckets, objects } from '../../db/schema';
import { clock } from '../clock';
import { config } from '../config';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { assertBucketName, assertObjectKey, IMPORT_POLICY_ACTIONS, IMPORT_ROLE } from '../domain/storage';
import { requireRegion } from './catalogue';
import { objectPath, removeFile, writeObjectFile } from './object-files';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';
import { parseSort } from '../domain/list-query';
import { orderFor, searchTerms } from './list-sql';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { oneAfterAnother } from '../../db/portable';

export type Bucket = typeof buckets.$inferSelect;
export type StoredObject = typeof objects.$inferSelect;

export async function requireBucket(db: Db | Tx, actor: Actor, bucketId: string): Promise<Bucket> {
  const bucket = (await db.select().from(buckets).where(and(eq(buckets.id, bucketId), eq(buckets.accountId, actor.accountId))).limit(1)).at(0);
  if (!bucket) throw new CloudError('InvalidOSSBucket.NotFound', { bucket: bucketId }, 'bucketId');
  return bucket;
}

/** IMP-1: a bucket is found by name only in the caller's own account and the given region. */
export async function bucketByName(db: Db | Tx, actor: Actor, regionId: string, name: string): Promise<Bucket> {
  const bucket = (await db.select().from(buckets).where(and(eq(buckets.accountId, actor.accountId), eq(buckets.regionId, regionId), eq(buckets.name, name))).limit(1)).at(0);
  if (!bucket) throw new CloudError('InvalidOSSBucket.NotFound', { bucket: name }, 'ossBucket');
  return bucket;
}

export async function createBucket(actor: Actor, input: { regionId: string; name: string }): Promise<Bucket> {
  return await mutate(actor, 'PutBucket', async (tx, note) => {
    authorize(actor, 'storage.write');
    const name = String(input.name ?? '').trim();
    assertBucketName(name);
    await requireRegion(tx, String(input.regionId ?? ''));
    if ((await tx.select({ id: buckets.id }).from(buckets).where(and(eq(buckets.accountId, actor.accountId), eq(buckets.regionId, input.regionId), eq(buckets.name, name))).limit(1)).at(0)) {
      throw new CloudError('BucketAlreadyExists', { name }, 'name');
    }
    const bucket = { id: globalThis.crypto.randomUUID(), accountId: actor.accountId, regionId: input.regionId, name, createdAt: clock.now() };
    await tx.insert(buckets).values(bucket);
    note.target = bucket.id;
    note.detail = { name, regionId: input.regionId };
    return bucket;
  });
}

export type BucketRow = Bucket & { objectCount: number };

export async function listBuckets(actor: Actor, regionId: string): Promise<BucketRow[]> {
  authorize(actor, 'storage.read');
  return await read(async (db) => {
    const rows = await db
      .select()
      .from(buckets)
      .where(and(eq(buckets.accountId, actor.accountId), eq(buckets.regionId, regionId)))
      .orderBy(asc(buckets.name));
    return await oneAfterAnother(rows, (bucket) => withObjectCount(db, bucket));
  });
}

const withObjectCount = async (db: Db, bucket: Bucket): Promise<BucketRow> => ({ ...bucket, objectCount: (await db.select({ n: count() }).from(objects).where(eq(objects.bucketId, bucket.id)).limit(1)).at(0)?.n ?? 0 });

/** The bucket list's sortable columns (issue 16). */
export const bucketSortKeys = ['name', 'created'] as const;
const bucketSortColumns = new Map<(typeof bucketSortKeys)[number], SQLiteColumn>([
  ['name', buckets.name],
  ['created', buckets.createdAt],
]);

/** A page of the caller's buckets in a region (read through its account-region-name index), searched by name. */
export async function describeBuckets(actor: Actor, query: { regionId: string; search?: string; sort?: string; page?: unknown; pageSize?: unknown }): Promise<{ items: BucketRow[]; total: number; page: number; pageSize: number }> {
  authorize(actor, 'storage.read');
  const { page, pageSize } = parsePaging(query, { defaultPageSize: 20 });
  const sort = parseSort(query.sort, bucketSortKeys, { key: 'name', direction: 'asc' });
  return await read(async (db) => {
    const where = and(eq(buckets.accountId, actor.accountId), eq(buckets.regionId, query.regionId), searchTerms(query.search?.trim(), [buckets.id], [buckets.name]));
    const total = (await db.select({ n: count() }).from(buckets).where(where).limit(1)).at(0)?.n ?? 0;
    const rows = await db
      .select()
      .from(buckets)
      .where(where)
      .orderBy(...orderFor(sort, bucketSortColumns, buckets.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const items = await oneAfterAnother(rows, (bucket) => withObjectCount(db, bucket));
    return { items, total, page, pageSize };
  });
}


export async function deleteBucket(actor: Actor, bucketId: string): Promise<void> {
  await mutate(actor, 'DeleteBucket', async (tx, note) => {
    authorize(actor, 'storage.write');
    note.target = bucketId;
    const bucket = await requireBucket(tx, actor, bucketId);
    if (((await tx.select({ n: count() }).from(objects).where(eq(objects.bucketId, bucket.id)).limit(1)).at(0)?.n ?? 0) > 0) throw new CloudError('BucketNotEmpty', { name: bucket.name });
    await tx.delete(buckets).where(eq(buckets.id, bucket.id));
  });
}

export async function getBucket(actor: Actor, bucketId: string): Promise<{ bucket: Bucket; objects: StoredObject[] }> {
  authorize(actor, 'storage.read');
  return await read(async (db) => {
    const bucket = await requireBucket(db, actor, bucketId);
    return { bucket, objects: await db.select().from(objects).where(eq(objects.bucketId, bucket.id)).orderBy(desc(objects.createdAt)) };
  });
}

/**
 * Uploads an object, streamed to disk (a multi-GB file is never held in memory). The row is
 * written only once the whole file is stored; a file of the same key is replaced.
 */
export async function putObject(actor: Actor, input: { bucketId: string; key: string; contentType?: string; contentLength: number | null; body: WebReadableStream<Uint8Array> | Readable }): Promise<StoredObject> {
  authorize(actor, 'storage.write');
  assertObjectKey(input.key);
  await read(async (db) => await requireBucket(db, actor, input.bucketId));
  if (input.contentLength !== null && input.contentLength > config.maxObjectBytes) throw new CloudError('EntityTooLarge', { max: `${Math.floor(config.maxObjectBytes / 1024 ** 2)} MiB` });
  const id = globalThis.crypto.randomUUID();
  const sizeBytes = await writeObjectFile(id, input.body, input.contentLength, config.maxObjectBytes);
  let replaced: string | undefined;
  try {
    const stored = await mutate(actor, 'PutObject', async (tx, note) => {
      const bucket = await requireBucket(tx, actor, input.bucketId);
      const old = (await tx.select().from(objects).where(and(eq(objects.bucketId, bucket.id), eq(objects.key, input.key))).limit(1)).at(0);
      if (old) await tx.delete(objects).where(eq(objects.id, old.id));
      replaced = old?.id;
      const row = { id, bucketId: bucket.id, key: input.key, sizeBytes, contentType: input.contentType || 'application/octet-stream', createdAt: clock.now() };
      await tx.insert(objects).values(row);
      note.target = `${bucket.name}/${input.key}`;
      note.detail = { sizeBytes };
      return row;
    });
    if (replaced) removeFile(objectPath(replaced));
    return stored;
  } catch (error) {
    removeFile(objectPath(id));
    throw error;
  }
}

export async function deleteObject(actor: Actor, objectId: string): Promise<void> {
  await mutate(actor, 'DeleteObject', async (tx, note) => {
    authorize(actor, 'storage.write');
    note.target = objectId;
    const object = (await tx.select().from(objects).where(eq(objects.id, objectId)).limit(1)).at(0);
    // Another account's object answers exactly like one that does not exist.
    const own = object && (await tx.select({ id: buckets.id }).from(buckets).where(and(eq(buckets.id, object.bucketId), eq(buckets.accountId, actor.accountId))).limit(1)).at(0);
    if (!object || !own) throw new CloudError('InvalidOSSObject.NotFound', { object: objectId });
    await tx.delete(objects).where(eq(objects.id, object.id));
  });
  removeFile(objectPath(objectId));
}

// ─── IMP-2: authorising the image service to read the buckets ────────────────

export async function hasImportRole(db: Db | Tx, accountId: string): Promise<boolean> {
  return Boolean((await db.select().from(accountRoles).where(and(eq(accountRoles.accountId, accountId), eq(accountRoles.roleName, IMPORT_ROLE))).limit(1)).at(0));
}

export async function importRoleStatus(actor: Actor): Promise<{ granted: boolean; roleName: string; actions: readonly string[] }> {
  authorize(actor, 'storage.read');
  return { granted: await read(async (db) => await hasImportRole(db, actor.accountId)), roleName: IMPORT_ROLE, actions: IMPORT_POLICY_ACTIONS };
}

/** The one-click authorisation: records the role with the seed's policy actions. */
export async function grantImportRole(actor: Actor): Promise<void> {
  await mutate(actor, 'GrantImportRole', async (tx, note) => {
    authorize(actor, 'storage.write');
    note.target = IMPORT_ROLE;
    await tx.insert(accountRoles).values({ accountId: actor.accountId, roleName: IMPORT_ROLE, policy: { actions: [...IMPORT_POLICY_ACTIONS] }, createdAt: clock.now() }).onConflictDoNothing();
  });
}
