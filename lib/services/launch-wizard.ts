// What the launch wizard (/console/instances/new) offers in a region: the images the caller may
// launch from (system, its own, shared with it: at most the image quota), and the marketplace's
// products a page at a time — searched in the database, never every product of the region (issue 13).
import { and, asc, desc, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { images, products, productVersions } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { listLaunchableImages, offeringImages, requireRegion, type Image } from './catalogue';
import { familyImageIn, familyNamesIn } from './image-family';
import { listLicenses } from './licenses';
import { read } from './transaction';
import type { Db } from '../../db/client';
import { likeIgnoringCase, oneAfterAnother } from '../../db/portable';
import { containsPattern } from '../domain/list-query';

export type WizardImage = { id: string; name: string; description: string; platform: string; osType: string; sizeGib: number; kind: string; productCode: string | null; productVersion: string | null; productStatus?: string; imageFamily?: string };
/** A page of products; `more` when there is a next one (no count: it would visit every product of the region). */
export type MarketplacePage = { items: WizardImage[]; more: boolean; page: number };

export const MARKETPLACE_PAGE_SIZE = 24;

/** The system, own and shared images of a region, as the wizard lists them. */
export async function launchableWizardImages(actor: Actor, regionId: string): Promise<WizardImage[]> {
  return (await listLaunchableImages(actor, regionId)).map((i) => ({
    id: i.id,
    name: i.name,
    description: i.description,
    platform: i.platform,
    osType: i.osType,
    sizeGib: i.sizeGib,
    // Custom images of other accounts are here because they are shared with this one (SHR-5).
    kind: i.kind === 'custom' && i.ownerAccountId !== actor.accountId ? 'shared' : i.kind,
    productCode: i.productCode,
    productVersion: i.productVersion,
  }));
}

/**
 * Issue 17: the wizard's "latest of family" choices — each image family of the region that
 * resolves, for the caller, to an image it can launch, with the image it resolves to now (the
 * launch itself resolves the family again, in its own transaction).
 */
export async function launchableFamilies(actor: Actor, regionId: string): Promise<(WizardImage & { imageFamily: string })[]> {
  authorize(actor, 'image.describe');
  return await read(async (db) => {
    await requireRegion(db, regionId);
    const families = await oneAfterAnother((await familyNamesIn(db, actor, regionId)), async (family) => {
      const found = await familyImageIn(db, actor, regionId, family);
      if (!found) return [];
      const { image } = found;
      return [{ id: image.id, name: image.name, description: image.description, platform: image.platform, osType: image.osType, sizeGib: image.sizeGib, kind: image.kind, productCode: image.productCode, productVersion: image.productVersion, imageFamily: family }];
    });
    return families.flat();
  });
}

/**
 * MKT-8: listed products, and delisted ones only for a buyer who still holds their licenses in
 * the region; each set offered in the region (MKT-1). Two sets, so each is read in title order
 * from products_status_title_idx and a page is merged from them without sorting every product.
 */
async function launchableProducts(actor: Actor, regionId: string): Promise<SQL[]> {
  const held = [...new Set((await listLicenses(actor)).filter((g) => g.regionId === regionId).map((g) => g.productCode))];
  const offered = exists(sql`(SELECT 1 FROM ${images} WHERE ${images.productCode} = ${products.code} AND ${offeringImages(regionId)})`);
  return [and(eq(products.status, 'listed'), offered)!, and(eq(products.status, 'delisted'), inArray(products.code, held), offered)!];
}

/** Every word in the product's title, code or platform (as the wizard's filter of the other tabs). */
function matchingWords(q: string): SQL[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return words.map((word) => likeIgnoringCase(sql`${products.title} || ' ' || ${products.code} || ' ' || ${products.platform}`, containsPattern(word)));
}

/** The newest version's image in the region of each of these products (MKT-1), by product code; a deprecated version's is not offered (issue 17). */
async function newestImages(db: Db, regionId: string, codes: string[]) {
  const rows = codes.length
    ? await db
        .select({ image: images })
        .from(images)
        .innerJoin(productVersions, and(eq(productVersions.productCode, images.productCode), eq(productVersions.version, images.productVersion)))
        .where(and(inArray(images.productCode, codes), offeringImages(regionId), isNull(images.deprecatedAt)))
        .orderBy(desc(productVersions.sortOrder))
    : [];
  const newest = new Map<string, (typeof rows)[number]['image']>();
  for (const { image } of rows) if (!newest.has(image.productCode!)) newest.set(image.productCode!, image);
  return newest;
}

/** A product's image as the wizard's Marketplace tab shows it: under the product's title. */
function productImage(image: Image, product: { title: string; status: string }): WizardImage {
  return { id: image.id, name: image.name, description: product.title, platform: image.platform, osType: image.osType, sizeGib: image.sizeGib, kind: 'marketplace', productCode: image.productCode, productVersion: image.productVersion, productStatus: product.status };
}

const pageSchema = z.object({ regionId: z.string().min(1), q: z.string().trim().max(100).default(''), page: z.number().int().min(1).max(10_000).default(1) });

/** A page of the marketplace products launchable in a region, by title, matching the words of `q`. */
export async function marketplaceLaunchPage(actor: Actor, input: z.input<typeof pageSchema>): Promise<MarketplacePage> {
  authorize(actor, 'image.describe');
  const { regionId, q, page } = parseInput(pageSchema, input, { regionId: 'RegionId.NotFound', q: 'InvalidParameter', page: 'InvalidPageNumber.Malformed' });
  return await read(async (db) => {
    await requireRegion(db, regionId);
    const [listed, held] = (await launchableProducts(actor, regionId)).map((set) => db.select({ code: products.code, title: products.title, status: products.status }).from(products).where(and(set, ...matchingWords(q))));
    const found = await unionAll(listed, held).orderBy(asc(sql`title`), asc(sql`code`)).limit(MARKETPLACE_PAGE_SIZE + 1).offset((page - 1) * MARKETPLACE_PAGE_SIZE);
    const rows = found.slice(0, MARKETPLACE_PAGE_SIZE);
    const newest = await newestImages(db, regionId, rows.map((r) => r.code));
    const items = rows.flatMap((p) => {
      const image = newest.get(p.code);
      return image ? [productImage(image, p)] : [];
    });
    return { items, more: found.length > MARKETPLACE_PAGE_SIZE, page };
  });
}

/** The newest image of a launchable product, when `imageId` is one (the wizard opened from a product page). */
export async function marketplaceLaunchImage(actor: Actor, regionId: string, imageId: string): Promise<WizardImage | null> {
  authorize(actor, 'image.describe');
  return await read(async (db) => {
    const image = (await db.select({ code: images.productCode }).from(images).where(and(eq(images.id, imageId), offeringImages(regionId))).limit(1)).at(0);
    if (!image?.code) return null;
    const product = (await db.select({ title: products.title, status: products.status }).from(products).where(and(eq(products.code, image.code), or(...await launchableProducts(actor, regionId)))).limit(1)).at(0);
    const newest = product && (await newestImages(db, regionId, [image.code])).get(image.code);
    if (!product || newest?.id !== imageId) return null;
    return productImage(newest, product);
  });
}
