// Regions, instance types and the images a caller may launch from.
import { and, asc, eq, exists, isNull, or, sql } from 'drizzle-orm';
import { images, imageShares, instanceTypes, regions } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { ownerAliasFor, withoutOthersIds } from '../domain/images';
import { authorize } from '../domain/permissions';
import { read, type Tx } from './transaction';
import type { Db } from '../../db/client';

export type Region = typeof regions.$inferSelect;
export type InstanceType = typeof instanceTypes.$inferSelect;
export type Image = typeof images.$inferSelect;

export function listRegions(): Region[] {
  return read((db) => db.select().from(regions).orderBy(asc(regions.sortOrder)).all());
}

export function listInstanceTypes(): InstanceType[] {
  return read((db) =>
    db.select().from(instanceTypes).orderBy(asc(instanceTypes.vcpu), asc(instanceTypes.memoryGib), asc(instanceTypes.id)).all(),
  );
}

export function requireRegion(db: Db | Tx, regionId: string): Region {
  const region = db.select().from(regions).where(eq(regions.id, regionId)).get();
  if (!region) throw new CloudError('RegionId.NotFound', { regionId }, 'regionId');
  return region;
}

/** An active share of the image to the account (SHR-5: a share lives in its image's region). */
export function isSharedWith(db: Db | Tx, imageId: string, accountId: string): boolean {
  return Boolean(
    db
      .select({ id: imageShares.id })
      .from(imageShares)
      .where(and(eq(imageShares.imageId, imageId), eq(imageShares.recipientAccountId, accountId), isNull(imageShares.removedAt)))
      .get(),
  );
}

/** SQL for "shared with this account now", for image queries. */
export function sharedWithSql(accountId: string) {
  return exists(
    sql`(SELECT 1 FROM ${imageShares} WHERE ${imageShares.imageId} = ${images.id} AND ${imageShares.recipientAccountId} = ${accountId} AND ${imageShares.removedAt} IS NULL)`,
  );
}

/** The images in a region the caller may launch from: public system images, its own, and those shared with it. */
export function listLaunchableImages(actor: Actor, regionId: string): Image[] {
  authorize(actor, 'image.describe');
  return read((db) => {
    requireRegion(db, regionId);
    return db
      .select()
      .from(images)
      .where(
        and(
          eq(images.regionId, regionId),
          eq(images.status, 'Available'),
          isNull(images.deletedAt),
          or(eq(images.kind, 'system'), eq(images.ownerAccountId, actor.accountId), and(eq(images.kind, 'custom'), sharedWithSql(actor.accountId))),
        ),
      )
      .orderBy(asc(images.platform), asc(images.name))
      .all()
      .map((image) => withoutOthersIds(image, actor.accountId));
  });
}

/** An image the caller can see, in the region asked for; anything else does not exist for them. */
export function requireVisibleImage(db: Db | Tx, actor: Actor, imageId: string, regionId: string): Image {
  const image = db.select().from(images).where(eq(images.id, imageId)).get();
  if (!image || image.regionId !== regionId || !ownerAliasFor(image, actor.accountId, isSharedWith(db, image.id, actor.accountId))) {
    throw new CloudError('InvalidImageId.NotFound', { imageId }, 'imageId');
  }
  return image;
}
