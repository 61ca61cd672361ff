// Regions, instance types and the images a caller may launch from.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { images, instanceTypes, regions } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { ownerAliasFor } from '../domain/images';
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

/** The images in a region the caller may launch from: public system images and its own. */
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
          or(eq(images.kind, 'system'), eq(images.ownerAccountId, actor.accountId)),
        ),
      )
      .orderBy(asc(images.platform), asc(images.name))
      .all();
  });
}

/** An image the caller can see, in the region asked for; anything else does not exist for them. */
export function requireVisibleImage(db: Db | Tx, actor: Actor, imageId: string, regionId: string): Image {
  const image = db.select().from(images).where(eq(images.id, imageId)).get();
  if (!image || image.regionId !== regionId || !ownerAliasFor(image, actor.accountId)) {
    throw new CloudError('InvalidImageId.NotFound', { imageId }, 'imageId');
  }
  return image;
}
