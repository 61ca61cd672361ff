// Reference data every installation has, seeded on every start (idempotent): regions, instance
// types, public system images. Pure data in db/seed-data.ts; this writes it.
import crypto from 'node:crypto';
import type { Db } from '../../db/client';
import { images, instanceTypes, regions } from '../../db/schema';
import { seedInstanceTypes, seedRegions, seedSystemImages } from '../../db/seed-data';
import { clock } from '../clock';
import { newResourceId } from '../domain/ids';
import { transactionOn } from '../services/transaction';

/** Stable ids for seeded rows, so seeding twice finds the same rows. */
export function stableId(prefix: 'm', key: string): string {
  const digest = crypto.createHash('sha256').update(key).digest();
  return newResourceId(prefix, (length) => new Uint8Array(Array.from({ length }, (_, i) => digest[i % digest.length] ^ i)));
}

export async function seedCatalogue(db: Db): Promise<void> {
  const now = clock.now();
  await transactionOn(db, async (tx) => {
    for (const [sortOrder, id] of seedRegions.entries()) await tx.insert(regions).values({ id, sortOrder }).onConflictDoNothing();
    for (const type of seedInstanceTypes) await tx.insert(instanceTypes).values(type).onConflictDoNothing();
    for (const image of seedSystemImages) {
      for (const regionId of image.regions ?? seedRegions) {
        await tx.insert(images)
          .values({
            id: stableId('m', `${regionId}/${image.name}`),
            regionId,
            kind: 'system',
            ownerAccountId: null,
            name: image.name,
            description: image.description,
            osType: image.osType,
            platform: image.platform,
            architecture: 'x86_64',
            sizeGib: image.sizeGib,
            status: 'Available',
            source: 'system',
            createdAt: now,
          })
          .onConflictDoNothing();
      }
    }
  });
}
