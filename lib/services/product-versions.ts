// A draft's versions and SKUs (SEL-7, MKT-1, MKT-2): a version is a set of the seller's own
// Available custom images, at most one per region; the SKUs are its prices, one per pricing model.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { images, productVersionImages, productVersions, products, skus } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { applyProductAction, productPermission } from '../domain/products';
import { skuInputSchema, versionNameSchema } from '../domain/publishing';
import { parseInput } from '../domain/validation';
import { requireOwnProduct } from './products';
import { mutate } from './transaction';

const versionSchema = z.object({ version: versionNameSchema, imageIds: z.array(z.string().min(1)).max(20) });

/** Step 2: a version is a set of the seller's own Available custom images, at most one per region. */
export async function setVersion(actor: Actor, code: string, input: unknown): Promise<void> {
  await mutate(actor, 'SetProductVersion', async (tx, note) => {
    authorize(actor, productPermission('edit'));
    note.target = code;
    applyProductAction((await requireOwnProduct(tx, actor, code)).status, 'edit');
    const request = parseInput(versionSchema, input, { version: 'InvalidParameter.Version', imageIds: 'InvalidImageId.NotFound' });
    const chosen = request.imageIds.length
      ? await tx.select().from(images).where(and(inArray(images.id, request.imageIds), eq(images.ownerAccountId, actor.accountId), eq(images.kind, 'custom'), isNull(images.deletedAt)))
      : [];
    for (const id of request.imageIds) {
      const image = chosen.find((i) => i.id === id);
      if (!image) throw new CloudError('InvalidImageId.NotFound', { imageId: id }, 'imageIds');
      // An image made from another seller's product carries its code: it is not the seller's to sell.
      if (image.productCode || image.status !== 'Available') throw new CloudError('InvalidImage.NotPublishable', { imageId: id }, 'imageIds');
    }
    if (new Set(chosen.map((i) => i.regionId)).size !== chosen.length) throw new CloudError('InvalidParameter.VersionRegions', {}, 'imageIds');
    const now = clock.now();
    const existing = await tx.select().from(productVersions).where(eq(productVersions.productCode, code));
    if (!existing.some((v) => v.version === request.version)) {
      await tx.insert(productVersions).values({ productCode: code, version: request.version, sortOrder: existing.length, createdAt: now });
    }
    await tx.delete(productVersionImages).where(and(eq(productVersionImages.productCode, code), eq(productVersionImages.version, request.version)));
    for (const image of chosen) await tx.insert(productVersionImages).values({ productCode: code, version: request.version, regionId: image.regionId, sourceImageId: image.id });
    // The product's platform is its images' (MKT-1: one product, one kind of system).
    if (chosen[0]) await tx.update(products).set({ osType: chosen[0].osType, platform: chosen[0].platform }).where(eq(products.code, code));
    note.detail = { version: request.version, images: request.imageIds };
  });
}

export async function removeVersion(actor: Actor, code: string, version: string): Promise<void> {
  await mutate(actor, 'RemoveProductVersion', async (tx, note) => {
    authorize(actor, productPermission('edit'));
    note.target = code;
    applyProductAction((await requireOwnProduct(tx, actor, code)).status, 'edit');
    await tx.delete(productVersionImages).where(and(eq(productVersionImages.productCode, code), eq(productVersionImages.version, version)));
    await tx.delete(productVersions).where(and(eq(productVersions.productCode, code), eq(productVersions.version, version)));
  });
}

/** Step 3: the SKUs, replaced as a whole, one per pricing model. */
export async function setSkus(actor: Actor, code: string, input: unknown[]): Promise<void> {
  await mutate(actor, 'SetProductSkus', async (tx, note) => {
    authorize(actor, productPermission('edit'));
    note.target = code;
    applyProductAction((await requireOwnProduct(tx, actor, code)).status, 'edit');
    const parsed = input.map((s) => parseInput(skuInputSchema, s, { pricingModel: 'InvalidParameter', priceFen: 'InvalidParameter.Price' }));
    if (new Set(parsed.map((s) => s.pricingModel)).size !== parsed.length) throw new CloudError('InvalidParameter', { param: 'pricingModel' });
    await tx.delete(skus).where(eq(skus.productCode, code));
    for (const s of parsed) await tx.insert(skus).values({ code: `${code}-${s.pricingModel}`, productCode: code, pricingModel: s.pricingModel, priceFen: s.priceFen });
    note.detail = { skus: parsed };
  });
}
