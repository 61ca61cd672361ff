// What stops a product from going to review (SEL-7), gathered from the database for the pure
// check in lib/domain/publishing.ts: the seller sees the list while working, and it is checked
// again at submission and at approval (ADM-1).
import { asc, eq } from 'drizzle-orm';
import { images, interfaceChecks, productVersionImages, productVersions, products, skus } from '../../db/schema';
import type { Db } from '../../db/client';
import { config } from '../config';
import { checkInterfaceUrl } from '../domain/interface-url';
import type { PricingModel } from '../domain/marketplace';
import { listingProblems, type ListingProblem } from '../domain/publishing';
import { signingKey } from './seller-keys';
import type { Tx } from './transaction';

export async function listingProblemsOf(db: Db | Tx, product: typeof products.$inferSelect): Promise<ListingProblem[]> {
  const versions = await db.select().from(productVersions).where(eq(productVersions.productCode, product.code)).orderBy(asc(productVersions.sortOrder));
  const chosen = await db
    .select({ version: productVersionImages.version, regionId: productVersionImages.regionId, imageId: images.id, status: images.status, deletedAt: images.deletedAt })
    .from(productVersionImages)
    .innerJoin(images, eq(images.id, productVersionImages.sourceImageId))
    .where(eq(productVersionImages.productCode, product.code));
  const passed = (await db
    .select({ activity: interfaceChecks.activity, url: interfaceChecks.url, passedAt: interfaceChecks.passedAt })
    .from(interfaceChecks)
    .where(eq(interfaceChecks.productCode, product.code)))
    .filter((c) => c.passedAt && c.url === product.interfaceUrl)
    .map((c) => c.activity);
  return listingProblems({
    versions: versions.map((v) => ({ version: v.version, images: chosen.filter((c) => c.version === v.version).map((c) => ({ regionId: c.regionId, imageId: c.imageId, available: c.status === 'Available' && !c.deletedAt })) })),
    skus: (await db.select().from(skus).where(eq(skus.productCode, product.code))) as { pricingModel: PricingModel; priceFen: number }[],
    interfaceUrl: product.interfaceUrl,
    interfaceUrlProblem: product.interfaceUrl ? checkInterfaceUrl(product.interfaceUrl, config.mode, config.localInterfacePorts) : null,
    passed,
    hasSigningKey: Boolean(await signingKey(db, product.sellerAccountId)),
  });
}
