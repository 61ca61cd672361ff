// Browsing the marketplace (public): categories, featured products, search with filters and
// sort, and the product page with versions, regions, SKUs and the buyer's own licenses.
import { and, asc, count, desc, eq, exists, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, images, products, productVersions, regions, skus, users } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { byPricingModel, categories, isBoughtAlone, pricingModels, publicProductStatuses, SEARCH_QUERY_MAX, type Category, type PricingModel } from '../domain/marketplace';
import { monthlyEquivalentFen, monthlyEquivalentRatio } from '../domain/compared-price';
import { assertFen } from '../domain/money';
import { parseInput } from '../domain/validation';
import { offeringImages } from './catalogue';
import { listLicenses, type LicenseGroup } from './licenses';
import { requirePublicProduct, type Sku } from './orders';
import { publicRead } from './marketplace-cache';
import { matchProducts } from './product-search';
import { read } from './transaction';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';
import { descNullsLast } from '../../db/portable';

export type ProductCard = {
  code: string;
  title: string;
  summary: string;
  category: Category;
  osType: string;
  platform: string;
  sellerName: string;
  status: string;
  featured: boolean;
  listedAt: Date | null;
  /**
   * The SKU the card starts from: the cheapest by the compared figure (issue 16), which is the
   * price itself when the search chose a pricing model ('model') and otherwise the monthly
   * equivalent ('monthly', lib/domain/compared-price.ts).
   */
  fromPrice: { pricingModel: PricingModel; priceFen: number; comparedFen: number; compared: 'model' | 'monthly' };
};

const sqlInteger = (n: number) => sql.raw(String(assertFen(n)));

/** In SQL, what a SKU is compared by: monthlyEquivalentFen, in the same integer arithmetic; or the chosen model's own price. */
function comparedPrice(pricing: PricingModel | undefined): SQL<number> {
  if (pricing) return sql<number>`${skus.priceFen}`;
  const cases = pricingModels.map((model) => {
    const { times, per } = monthlyEquivalentRatio[model];
    return sql`WHEN ${model} THEN (2 * ${skus.priceFen} * ${sqlInteger(times)} + ${sqlInteger(per)}) / ${sqlInteger(2 * per)}`;
  });
  return sql<number>`CASE ${skus.pricingModel} ${sql.join(cases, sql` `)} END`;
}

/** The card's starting figure: the least compared figure of its SKUs (of the chosen model only, if one is). */
const startingPrice = (pricing?: PricingModel) => sql<number | null>`min(${comparedPrice(pricing)})`.mapWith(Number);

function cards(db: Db, where: SQL | undefined, pricing?: PricingModel) {
  return db
    .select({
      code: products.code,
      title: products.title,
      summary: products.summary,
      category: products.category,
      osType: products.osType,
      platform: products.platform,
      sellerName: accounts.name,
      status: products.status,
      featured: products.featured,
      listedAt: products.listedAt,
      comparedFen: startingPrice(pricing),
    })
    .from(products)
    .innerJoin(accounts, eq(accounts.id, products.sellerAccountId))
    .innerJoin(skus, and(eq(skus.productCode, products.code), pricing ? eq(skus.pricingModel, pricing) : undefined))
    .where(where)
    // The seller's columns by its key too: PostgreSQL takes only columns grouped by or their table's key grouped by.
    .groupBy(products.code, accounts.id);
}

type CardRow = Awaited<ReturnType<ReturnType<typeof cards>['all']>>[number];

/** Cards for rows, each with its cheapest SKU by the compared figure (ties go to the earlier pricing model). */
async function toCards(db: Db, rows: CardRow[], pricing?: PricingModel): Promise<ProductCard[]> {
  const codes = rows.map((r) => r.code);
  const offered = codes.length ? (await db.select().from(skus).where(and(inArray(skus.productCode, codes), pricing ? eq(skus.pricingModel, pricing) : undefined))).sort(byPricingModel) : [];
  const compared = (sku: { pricingModel: string; priceFen: number }) => (pricing ? sku.priceFen : monthlyEquivalentFen(sku.pricingModel as PricingModel, sku.priceFen));
  return rows.map(({ comparedFen, category, ...rest }) => {
    const cheapest = offered.find((sku) => sku.productCode === rest.code && compared(sku) === comparedFen);
    const fromPrice = cheapest
      ? { pricingModel: cheapest.pricingModel as PricingModel, priceFen: cheapest.priceFen, comparedFen: comparedFen ?? 0 }
      : { pricingModel: 'free' as const, priceFen: 0, comparedFen: 0 };
    return { ...rest, category: category as Category, fromPrice: { ...fromPrice, compared: pricing ? 'model' : 'monthly' } };
  });
}

export async function listCategories(): Promise<{ category: Category; count: number }[]> {
  return await publicRead('categories', async (db) => {
    const counts = new Map((await db.select({ category: products.category, n: count() }).from(products).where(eq(products.status, 'listed')).groupBy(products.category)).map((r) => [r.category, r.n]));
    return categories.map((category) => ({ category, count: counts.get(category) ?? 0 }));
  });
}

export async function featuredProducts(limit = 8): Promise<ProductCard[]> {
  return await publicRead(`featured:${limit}`, async (db) =>
    await toCards(db, await cards(db, and(eq(products.status, 'listed'), eq(products.featured, true))).orderBy(descNullsLast(products.listedAt)).limit(limit)),
  );
}

const searchSchema = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX).optional(),
  category: z.enum(categories).optional(),
  os: z.enum(['linux', 'windows']).optional(),
  pricing: z.enum(pricingModels).optional(),
  region: z.string().max(32).optional(),
  minPriceFen: z.coerce.number().int().min(0).optional(),
  maxPriceFen: z.coerce.number().int().min(0).optional(),
  sort: z.enum(['relevance', 'price_asc', 'price_desc', 'newest']).default('relevance'),
});

export type ProductQuery = z.input<typeof searchSchema> & { page?: unknown; pageSize?: unknown };

/** Listed products matching the query and filters; all filters combine (AND). */
export async function searchProducts(query: ProductQuery) {
  const q = { ...parseInput(searchSchema, query, {}), ...parsePaging(query, { defaultPageSize: 24, maxPageSize: 60 }) };
  return await publicRead(`search:${JSON.stringify(q)}`, async (db) => {
    const filters: SQL[] = [eq(products.status, 'listed')];
    const ranks = q.q ? await matchProducts(db, q.q) : null;
    if (ranks) filters.push(inArray(products.code, [...ranks.keys()]));
    if (q.category) filters.push(eq(products.category, q.category));
    if (q.os) filters.push(eq(products.osType, q.os));
    if (q.region) {
      filters.push(exists(db.select({ one: sql`1` }).from(images).where(and(eq(images.productCode, products.code), offeringImages(q.region)))));
    }
    // A chosen pricing model keeps only its SKUs (and so only products offering it) in the join.
    const price = startingPrice(q.pricing);
    const having: SQL[] = [];
    if (q.minPriceFen !== undefined) having.push(gte(price, q.minPriceFen));
    if (q.maxPriceFen !== undefined) having.push(lte(price, q.maxPriceFen));
    const matching = () => cards(db, and(...filters), q.pricing).having(having.length ? and(...having) : undefined);
    const offset = (q.page - 1) * q.pageSize;

    // Text relevance is FTS5's rank, known only in memory; the text already narrowed the rows.
    if (ranks && q.sort === 'relevance') {
      const rows = await matching();
      rows.sort((a, b) => ranks.get(a.code)! - ranks.get(b.code)!);
      return { items: await toCards(db, rows.slice(offset, offset + q.pageSize), q.pricing), total: rows.length, page: q.page, pageSize: q.pageSize, query: q };
    }
    const order = {
      relevance: [desc(products.featured), descNullsLast(products.listedAt), asc(products.code)],
      price_asc: [asc(price), asc(products.title)],
      price_desc: [desc(price), asc(products.title)],
      newest: [descNullsLast(products.listedAt), asc(products.code)],
    }[q.sort];
    const total = (await db.select({ n: count() }).from(matching().as('matching')).limit(1)).at(0)?.n ?? 0;
    const items = await toCards(db, await matching().orderBy(...order).limit(q.pageSize).offset(offset), q.pricing);
    return { items, total, page: q.page, pageSize: q.pageSize, query: q };
  });
}

/** `deprecated`: the seller deprecated every image of the version (issue 17); it still launches, but is not the one offered. */
export type ProductVersionView = { version: string; deprecated: boolean; images: { imageId: string; regionId: string }[] };

export type BuyableSku = { code: string; pricingModel: PricingModel; priceFen: number };
export type HourlySku = { code: string; priceFen: number };

/**
 * What the page offers: licenses to buy (MKT-2, with an hourly launch besides when there is
 * one), only a launch paid by the hour, nothing in any region, or nothing because it is delisted (MKT-8).
 */
export type ProductOffer =
  | { kind: 'delisted' }
  | { kind: 'notOffered' }
  | { kind: 'licenses'; skus: BuyableSku[]; hourly: HourlySku | null; defaultRegion: string }
  | { kind: 'hourly'; hourly: HourlySku | null; defaultRegion: string };

/** Everything in the order the page shows it: versions newest first, regions and licenses in the console's region order, SKUs by pricing model. */
export type ProductDetail = {
  product: ProductCard & { description: string; logoUrl: string | null };
  versions: ProductVersionView[];
  regions: string[];
  skus: Sku[];
  /** The newest version's image in each region: what "Launch" opens the wizard with. */
  launchImages: Record<string, string>;
  offer: ProductOffer;
  substitutes: ProductCard[];
  myLicenses: LicenseGroup[] | null;
};

function offerOf(delisted: boolean, offered: string[], skuRows: Sku[], preferredRegion: string | undefined): ProductOffer {
  const defaultRegion = preferredRegion && offered.includes(preferredRegion) ? preferredRegion : offered[0];
  if (delisted) return { kind: 'delisted' };
  if (!defaultRegion) return { kind: 'notOffered' };
  const hourlyRow = skuRows.find((s) => s.pricingModel === 'hourly');
  const hourly = hourlyRow ? { code: hourlyRow.code, priceFen: hourlyRow.priceFen } : null;
  const buyable = skuRows.filter((s) => isBoughtAlone(s.pricingModel as PricingModel)).map((s) => ({ code: s.code, pricingModel: s.pricingModel as PricingModel, priceFen: s.priceFen }));
  return buyable.length > 0 ? { kind: 'licenses', skus: buyable, hourly, defaultRegion } : { kind: 'hourly', hourly, defaultRegion };
}

/** What the product page shows every visitor alike (cached per marketplace revision). */
async function publicProduct(code: string) {
  return await publicRead(`product:${code}`, async (db) => {
    const product = await requirePublicProduct(db, code);
    const [card] = await toCards(db, await cards(db, eq(products.code, code)));
    const versionRows = await db.select().from(productVersions).where(eq(productVersions.productCode, code)).orderBy(desc(productVersions.sortOrder));
    const imageRows = await db
      .select({ imageId: images.id, regionId: images.regionId, version: images.productVersion, deprecatedAt: images.deprecatedAt })
      .from(images)
      .innerJoin(regions, eq(regions.id, images.regionId))
      .where(and(eq(images.productCode, code), offeringImages()))
      .orderBy(asc(regions.sortOrder));
    const versions = versionRows.map((v) => {
      const rows = imageRows.filter((i) => i.version === v.version);
      return { version: v.version, deprecated: rows.length > 0 && rows.every((i) => i.deprecatedAt), images: rows.map(({ imageId, regionId }) => ({ imageId, regionId })) };
    });
    // "Launch" opens the newest version not deprecated in the region, else the newest at all.
    const launchImages: Record<string, string> = {};
    const newestFirst = versionRows.flatMap((v) => imageRows.filter((i) => i.version === v.version));
    for (const image of [...newestFirst.filter((i) => !i.deprecatedAt), ...newestFirst]) launchImages[image.regionId] ??= image.imageId;
    const delisted = product.status === 'delisted';
    return {
      product: { ...card, description: product.description, logoUrl: product.logoUrl },
      versions,
      regions: [...new Set(imageRows.map((i) => i.regionId))],
      skus: (await db.select().from(skus).where(eq(skus.productCode, code))).sort(byPricingModel),
      launchImages,
      delisted,
      substitutes: delisted
        ? await toCards(db, await cards(db, and(eq(products.status, 'listed'), eq(products.category, product.category))).orderBy(desc(products.featured), descNullsLast(products.listedAt)).limit(4))
        : [],
      regionOrder: new Map((await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.sortOrder))).map((r, i) => [r.id, i])),
    };
  });
}

/** The product page. A delisted product still shows (its buyers' licenses work), with substitutes (MKT-8). */
export async function getProduct(code: string, actor: Actor | null): Promise<ProductDetail> {
  const { delisted, regionOrder, ...shown } = await publicProduct(code);
  // The caller's own: the region the offer opens in and their licenses, read on every request.
  return await read(async (db) => {
    const preferredRegion = actor?.userId ? (await db.select({ regionId: users.regionId }).from(users).where(eq(users.id, actor.userId)).limit(1)).at(0)?.regionId : undefined;
    const inRegionOrder = (a: { regionId: string }, b: { regionId: string }) => (regionOrder.get(a.regionId) ?? regionOrder.size) - (regionOrder.get(b.regionId) ?? regionOrder.size);
    return {
      ...shown,
      offer: offerOf(delisted, shown.regions, shown.skus, preferredRegion),
      myLicenses: actor ? (await listLicenses(actor, code)).sort(inRegionOrder) : null,
    };
  });
}

/** MKT-6: every version's image of one product in a region, newest first (replacing a disk with another version). */
export async function versionImagesOf(regionId: string, productCode: string) {
  return await read(async (db) =>
    (await db
      .select({ image: images, title: products.title, status: products.status })
      .from(images)
      .innerJoin(products, eq(products.code, images.productCode))
      .innerJoin(productVersions, and(eq(productVersions.productCode, images.productCode), eq(productVersions.version, images.productVersion)))
      .where(and(eq(images.productCode, productCode), offeringImages(regionId), inArray(products.status, publicProductStatuses)))
      .orderBy(desc(productVersions.sortOrder)))
      .map((r) => ({ ...r.image, productTitle: r.title, productStatus: r.status })),
  );
}
