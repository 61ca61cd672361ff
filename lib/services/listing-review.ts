// The admin's listing review (ADM-1): the queue of submitted products, listing (which publishes a
// marketplace image per chosen image, in its region: MKT-1) and rejection with a reason.
import { asc, count, eq } from 'drizzle-orm';
import { accounts, images, productVersionImages, productVersions, products, skus } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { byPricingModel } from '../domain/marketplace';
import { parsePaging } from '../domain/paging';
import { authorize } from '../domain/permissions';
import { applyProductAction, productPermission } from '../domain/products';
import { parseDecisionNote } from '../domain/validation';
import { listingProblemsOf } from './listing-checks';
import { notify } from './notifications';
import { indexProduct } from './product-search';
import { mutate, read, type Tx } from './transaction';
import { ascNullsFirst, oneAfterAnother } from '../../db/portable';

export async function listListingReviews(actor: Actor, { status = 'in_review', ...paging }: { status?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'listing.review');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return await read(async (db) => {
    const where = eq(products.status, status);
    const total = (await db.select({ n: count() }).from(products).where(where).limit(1)).at(0)?.n ?? 0;
    const rows = await db
      .select({ product: products, sellerName: accounts.name })
      .from(products)
      .innerJoin(accounts, eq(accounts.id, products.sellerAccountId))
      .where(where)
      .orderBy(ascNullsFirst(products.submittedAt), asc(products.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const items = await oneAfterAnother(rows, async (r) => ({
      ...r,
      skus: (await db.select().from(skus).where(eq(skus.productCode, r.product.code))).sort(byPricingModel),
      regions: [...new Set((await db.select({ regionId: productVersionImages.regionId }).from(productVersionImages).where(eq(productVersionImages.productCode, r.product.code))).map((v) => v.regionId))],
      versions: (await db.select({ version: productVersions.version }).from(productVersions).where(eq(productVersions.productCode, r.product.code))).map((v) => v.version),
      problems: await listingProblemsOf(db, r.product),
    }));
    return { items, total, page, pageSize };
  });
}

async function requireProduct(tx: Tx, code: string) {
  const product = (await tx.select().from(products).where(eq(products.code, code)).limit(1)).at(0);
  if (!product) throw new CloudError('InvalidProductCode.NotFound', { productCode: code });
  return product;
}

/** ADM-1: listing re-runs the checks, then publishes a marketplace image per chosen image. */
export async function approveListing(actor: Actor, code: string): Promise<void> {
  await mutate(actor, 'ApproveListing', async (tx, note) => {
    authorize(actor, productPermission('approve'));
    note.target = code;
    const product = await requireProduct(tx, code);
    const status = applyProductAction(product.status, 'approve');
    const problems = await listingProblemsOf(tx, product);
    if (problems.length > 0) throw new CloudError('InvalidListing.Incomplete', { count: problems.length });
    const now = clock.now();
    const chosen = await tx.select({ v: productVersionImages, image: images }).from(productVersionImages).innerJoin(images, eq(images.id, productVersionImages.sourceImageId)).where(eq(productVersionImages.productCode, code));
    for (const { v, image } of chosen) {
      await tx.insert(images)
        .values({
          id: newResourceId('m'),
          regionId: v.regionId,
          kind: 'marketplace',
          ownerAccountId: null,
          name: `${code}-v${v.version}`,
          description: product.title,
          osType: image.osType,
          platform: image.platform,
          architecture: image.architecture,
          sizeGib: image.sizeGib,
          status: 'Available',
          productCode: code,
          productVersion: v.version,
          source: 'published',
          sourceImageId: image.id,
          createdAt: now,
        });
    }
    await tx.update(products).set({ status, listedAt: now, reviewNote: null }).where(eq(products.code, code));
    const seller = (await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, product.sellerAccountId)).limit(1)).at(0)!;
    await indexProduct(tx, { code, title: product.title, summary: product.summary, description: product.description, seller: seller.name });
    await notify(tx, product.sellerAccountId, 'listingApproved', { productCode: code, title: product.title });
  });
}

export async function rejectListing(actor: Actor, code: string, input: { note?: unknown }): Promise<void> {
  await mutate(actor, 'RejectListing', async (tx, audit) => {
    authorize(actor, productPermission('reject'));
    audit.target = code;
    const product = await requireProduct(tx, code);
    const status = applyProductAction(product.status, 'reject');
    const note = parseDecisionNote(input);
    await tx.update(products).set({ status, reviewNote: note }).where(eq(products.code, code));
    await notify(tx, product.sellerAccountId, 'listingRejected', { productCode: code, title: product.title, note });
  });
}

/** How many listings wait for review (the admin's navigation shows it). */
export async function pendingListingCount(actor: Actor): Promise<number> {
  authorize(actor, 'listing.review');
  return await read(async (db) => (await db.select({ n: count() }).from(products).where(eq(products.status, 'in_review')).limit(1)).at(0)?.n ?? 0);
}
