// A seller's products (SEL-7, SEL-3, MKT-8): the draft and its description, the interface URL,
// submission to review, delisting. Versions and SKUs are in product-versions.ts, interface
// debugging in interface-debug.ts, the admin's side in listing-review.ts; every status change
// follows the lifecycle in lib/domain/products.ts.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { images, interfaceChecks, productVersionImages, productVersions, products, regions, skus } from '../../db/schema';
import type { Db } from '../../db/client';
import { clock } from '../clock';
import { config } from '../config';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { checkInterfaceUrl } from '../domain/interface-url';
import { byPricingModel } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { applyProductAction, productPermission } from '../domain/products';
import { newProductCode, productInfoSchema } from '../domain/publishing';
import { parseInput } from '../domain/validation';
import { offeringImages } from './catalogue';
import { listingProblemsOf } from './listing-checks';
import { mutate, read, type Tx } from './transaction';

export type Product = typeof products.$inferSelect;

const infoCodes = { title: 'InvalidParameter.ProductTitle', category: 'InvalidParameter.Category', summary: 'InvalidParameter.ProductSummary', description: 'InvalidParameter.ProductDescription' } as const;

/** The caller's own product; another seller's behaves as if it did not exist. */
export async function requireOwnProduct(db: Db | Tx, actor: Actor, code: string): Promise<Product> {
  const product = (await db.select().from(products).where(and(eq(products.code, code), eq(products.sellerAccountId, actor.accountId))).limit(1)).at(0);
  if (!product) throw new CloudError('InvalidProductCode.NotFound', { productCode: code }, 'productCode');
  return product;
}

function parseInterfaceUrl(raw: unknown): string | null {
  const url = String(raw ?? '').trim();
  if (!url) return null;
  const problem = checkInterfaceUrl(url, config.mode, config.localInterfacePorts);
  if (problem) throw new CloudError('InvalidParameter.InterfaceUrl', { problem }, 'interfaceUrl');
  return url;
}

/** Step 1: a new draft with its description; the platform, OS and code follow later from its images. */
export async function createProduct(actor: Actor, input: Record<string, unknown>): Promise<Product> {
  return await mutate(actor, 'CreateProduct', async (tx, note) => {
    authorize(actor, productPermission('edit'));
    const info = parseInput(productInfoSchema, input, infoCodes);
    const interfaceUrl = parseInterfaceUrl(input.interfaceUrl);
    let code = newProductCode();
    while ((await tx.select({ code: products.code }).from(products).where(eq(products.code, code)).limit(1)).at(0)) code = newProductCode();
    const product = (await tx
      .insert(products)
      .values({ code, sellerAccountId: actor.accountId, ...info, osType: 'linux', platform: 'Others Linux', status: 'draft', interfaceUrl, createdAt: clock.now() })
      .returning())[0];
    note.target = code;
    return product;
  });
}

export async function updateProduct(actor: Actor, code: string, input: Record<string, unknown>): Promise<Product> {
  return await mutate(actor, 'UpdateProduct', async (tx, note) => {
    authorize(actor, productPermission('edit'));
    note.target = code;
    const product = await requireOwnProduct(tx, actor, code);
    applyProductAction(product.status, 'edit');
    const info = parseInput(productInfoSchema, input, infoCodes);
    const interfaceUrl = parseInterfaceUrl(input.interfaceUrl);
    // SEL-6: a new interface must be debugged again.
    if (interfaceUrl !== product.interfaceUrl) await tx.delete(interfaceChecks).where(eq(interfaceChecks.productCode, code));
    return (await tx.update(products).set({ ...info, interfaceUrl }).where(eq(products.code, code)).returning())[0];
  });
}

/**
 * SEL-3: a listed product's interface may move (a new host, a new path) without a new review;
 * the debugging results go with the old URL, and calls due from now on go to the new one.
 */
export async function moveInterface(actor: Actor, code: string, input: { interfaceUrl?: unknown }): Promise<Product> {
  return await mutate(actor, 'MoveInterface', async (tx, note) => {
    authorize(actor, productPermission('moveInterface'));
    note.target = code;
    const product = await requireOwnProduct(tx, actor, code);
    applyProductAction(product.status, 'moveInterface');
    const interfaceUrl = parseInterfaceUrl(input.interfaceUrl);
    if (!interfaceUrl) throw new CloudError('InvalidParameter.InterfaceUrl', { problem: 'missing' }, 'interfaceUrl');
    if (interfaceUrl !== product.interfaceUrl) await tx.delete(interfaceChecks).where(eq(interfaceChecks.productCode, code));
    note.detail = { from: product.interfaceUrl, to: interfaceUrl };
    return (await tx.update(products).set({ interfaceUrl }).where(eq(products.code, code)).returning())[0];
  });
}

export async function listMyProducts(actor: Actor) {
  authorize(actor, 'product.publish');
  return await read(async (db) => await db.select().from(products).where(eq(products.sellerAccountId, actor.accountId)).orderBy(desc(products.createdAt)));
}

/**
 * Each version's regions in the console's order: where buyers can launch it (its marketplace
 * images, as the marketplace lists them) and, before listing, where the seller's chosen images are.
 */
async function versionRegionsOf(db: Db | Tx, code: string): Promise<Map<string, string[]>> {
  const rows = [
    ...await db.select({ version: images.productVersion, regionId: images.regionId, sortOrder: regions.sortOrder }).from(images).innerJoin(regions, eq(regions.id, images.regionId)).where(and(eq(images.productCode, code), offeringImages())),
    ...await db.select({ version: productVersionImages.version, regionId: productVersionImages.regionId, sortOrder: regions.sortOrder }).from(productVersionImages).innerJoin(regions, eq(regions.id, productVersionImages.regionId)).where(eq(productVersionImages.productCode, code)),
  ].sort((a, b) => a.sortOrder - b.sortOrder);
  const byVersion = new Map<string, string[]>();
  for (const { version, regionId } of rows) {
    if (version === null) continue;
    const list = byVersion.get(version) ?? [];
    if (!list.includes(regionId)) list.push(regionId);
    byVersion.set(version, list);
  }
  return byVersion;
}

/** Everything the publishing page shows: the draft, its versions and images, SKUs, debugging results and the checklist. */
export async function getMyProduct(actor: Actor, code: string) {
  authorize(actor, 'product.publish');
  return await read(async (db) => {
    const product = await requireOwnProduct(db, actor, code);
    return {
      product,
      versions: await db.select().from(productVersions).where(eq(productVersions.productCode, code)).orderBy(asc(productVersions.sortOrder)),
      versionRegions: await versionRegionsOf(db, code),
      skus: (await db.select().from(skus).where(eq(skus.productCode, code))).sort(byPricingModel),
      checks: await db.select().from(interfaceChecks).where(eq(interfaceChecks.productCode, code)),
      problems: await listingProblemsOf(db, product),
      // Issue 17: the published (marketplace) images of each version, with their family and deprecation.
      published: await db
        .select({ version: images.productVersion, regionId: images.regionId, imageFamily: images.imageFamily, deprecatedAt: images.deprecatedAt, successorImageId: images.successorImageId })
        .from(images)
        .where(and(eq(images.kind, 'marketplace'), eq(images.productCode, code), isNull(images.deletedAt))),
      publishableImages: await db
        .select({ id: images.id, name: images.name, regionId: images.regionId, platform: images.platform, status: images.status })
        .from(images)
        .where(and(eq(images.ownerAccountId, actor.accountId), eq(images.kind, 'custom'), isNull(images.deletedAt), isNull(images.productCode)))
        .orderBy(asc(images.regionId), asc(images.name)),
    };
  });
}

/** SEL-7: the automatic checks, then the admin's listing queue. */
export async function submitProduct(actor: Actor, code: string): Promise<void> {
  await mutate(actor, 'SubmitProduct', async (tx, note) => {
    authorize(actor, productPermission('submit'));
    note.target = code;
    const product = await requireOwnProduct(tx, actor, code);
    const status = applyProductAction(product.status, 'submit');
    const problems = await listingProblemsOf(tx, product);
    if (problems.length > 0) throw new CloudError('InvalidListing.Incomplete', { count: problems.length });
    await tx.update(products).set({ status, submittedAt: clock.now(), reviewNote: null }).where(eq(products.code, code));
  });
}

/** MKT-8: the seller takes a listed product off the marketplace; bought licenses keep working. */
export async function delistOwnProduct(actor: Actor, code: string): Promise<void> {
  await mutate(actor, 'DelistProduct', async (tx, note) => {
    authorize(actor, productPermission('delist'));
    note.target = code;
    const product = await requireOwnProduct(tx, actor, code);
    const status = applyProductAction(product.status, 'delist');
    await tx.update(products).set({ status, delistedAt: clock.now() }).where(eq(products.code, code));
  });
}
