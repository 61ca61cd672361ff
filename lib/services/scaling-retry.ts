// MKT-9: money or licenses an owner adds are a new attempt for their failing scaling groups:
// the next sweep tries them, not the end of their back-off.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { images, scalingGroups } from '../../db/schema';
import type { Tx } from './transaction';

/** The account's failing groups (only those of a product in a region, when named) are tried at the next sweep. */
export async function retryFailingGroups(tx: Tx, accountId: string, of?: { productCode: string; regionId: string }): Promise<void> {
  const ofProduct = of ? and(eq(scalingGroups.regionId, of.regionId), inArray(scalingGroups.imageId, tx.select({ id: images.id }).from(images).where(eq(images.productCode, of.productCode)))) : undefined;
  await tx.update(scalingGroups)
    .set({ retryAt: null })
    .where(and(eq(scalingGroups.accountId, accountId), isNotNull(scalingGroups.failingCode), ofProduct));
}
