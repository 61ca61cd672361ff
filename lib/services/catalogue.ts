// Regions, instance types and the images a caller may launch from.
import { and, asc, eq, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { images, imageShares, instanceTypes, regions } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { ownerAliasFor, withoutOthersIds, type ImageOwnerAlias } from '../domain/images';
import { authorize } from '../domain/permissions';
import { read, type Tx } from './transaction';
import { listVisibleImages } from './visible-images';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { oneAfterAnother } from '../../db/portable';

export type Region = typeof regions.$inferSelect;
export type InstanceType = typeof instanceTypes.$inferSelect;
export type Image = typeof images.$inferSelect;

export async function listRegions(): Promise<Region[]> {
  return await read(async (db) => await db.select().from(regions).orderBy(asc(regions.sortOrder)));
}

export async function listInstanceTypes(): Promise<InstanceType[]> {
  return await read(async (db) =>
    await db.select().from(instanceTypes).orderBy(asc(instanceTypes.vcpu), asc(instanceTypes.memoryGib), asc(instanceTypes.id)),
  );
}

// Prepared once (db/prepared.ts); each runs on the process connection, inside the caller's transaction.
const regionById = preparedQuery((db) => db.select().from(regions).where(eq(regions.id, sql.placeholder('id'))).prepare());
const imageById = preparedQuery((db) => db.select().from(images).where(eq(images.id, sql.placeholder('id'))).prepare());
const activeShare = preparedQuery((db) =>
  db
    .select({ id: imageShares.id })
    .from(imageShares)
    .where(and(eq(imageShares.imageId, sql.placeholder('imageId')), eq(imageShares.recipientAccountId, sql.placeholder('accountId')), isNull(imageShares.removedAt)))
    .prepare(),
);

export async function findRegion(_db: Db | Tx, regionId: string): Promise<Region | undefined> {
  return (await regionById().execute({ id: regionId })).at(0);
}

export async function requireRegion(db: Db | Tx, regionId: string): Promise<Region> {
  const region = await findRegion(db, regionId);
  if (!region) throw new CloudError('RegionId.NotFound', { regionId }, 'regionId');
  return region;
}

/** An active share of the image to the account (SHR-5: a share lives in its image's region). */
export async function isSharedWith(_db: Db | Tx, imageId: string, accountId: string): Promise<boolean> {
  return Boolean((await activeShare().execute({ imageId, accountId })).at(0));
}

/** The images in a region the caller may launch from: public system images, its own, and those shared with it. */
export async function listLaunchableImages(actor: Actor, regionId: string): Promise<Image[]> {
  authorize(actor, 'image.describe');
  return await read(async (db) => {
    await requireRegion(db, regionId);
    // Each set from its index (issue 13); the own and shared ones are at most the image quota.
    const sets = await oneAfterAnother((['system', 'self', 'others'] as const), async (ownerAlias) => (await listVisibleImages(db, { accountId: actor.accountId, regionId, ownerAlias, status: 'Available', page: 1, pageSize: Number.MAX_SAFE_INTEGER })).rows);
    return sets
      .flat()
      .sort((a, b) => byText(a.platform, b.platform) || byText(a.name, b.name))
      .map((image) => withoutOthersIds(image, actor.accountId));
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type VisibleImage = { image: Image; alias: ImageOwnerAlias };

/**
 * The one image-visibility loader: an image the caller can see (in the region asked for, when
 * one is), with how it looks to them; null when it does not exist for them.
 */
export async function findVisibleImage(db: Db | Tx, actor: Actor, imageId: string, regionId?: string): Promise<VisibleImage | null> {
  const image = (await imageById().execute({ id: imageId })).at(0);
  if (!image || (regionId !== undefined && image.regionId !== regionId)) return null;
  const alias = ownerAliasFor(image, actor.accountId, await isSharedWith(db, image.id, actor.accountId));
  return alias ? { image, alias } : null;
}

/** findVisibleImage, where anything the caller cannot see answers InvalidImageId.NotFound. */
export async function requireVisibleImage(db: Db | Tx, actor: Actor, imageId: string, regionId?: string): Promise<VisibleImage> {
  const visible = await findVisibleImage(db, actor, imageId, regionId);
  if (!visible) throw new CloudError('InvalidImageId.NotFound', { imageId }, 'imageId');
  return visible;
}

/**
 * MKT-1: the marketplace images that offer a product — in a region, when one is given. A product
 * is offered in a region when one of these has its code there.
 */
export function offeringImages(regionId?: string | Placeholder): SQL {
  return and(eq(images.kind, 'marketplace'), isNull(images.deletedAt), ...(regionId === undefined ? [] : [eq(images.regionId, regionId)]))!;
}
