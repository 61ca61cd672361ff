// Publishing (SEL-7) and interface debugging (SEL-6): a seller makes a draft product from its
// own Available custom images, prices it, proves its interface answers every activity, and
// submits it; an admin lists or rejects it (ADM-1). Listing turns each chosen image into a
// marketplace image carrying the product code, in its region (MKT-1).
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, images, interfaceChecks, productVersionImages, productVersions, products, skus } from '../../db/schema';
import { clock } from '../clock';
import { config } from '../config';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { checkInterfaceUrl } from '../domain/interface-url';
import { byPricingModel, type PricingModel } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { listingProblems, newProductCode, productInfoSchema, skuInputSchema, versionNameSchema, type ListingProblem } from '../domain/publishing';
import { resultCodes, sellerActivities, type SellerActivity } from '../domain/seller-calls';
import { parseDecisionNote, parseInput } from '../domain/validation';
import { notify } from './notifications';
import { indexProduct } from './product-search';
import { callSeller, type Exchange } from './seller-http';
import { signingKey } from './seller-keys';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';

type Product = typeof products.$inferSelect;

const infoCodes = { title: 'InvalidParameter.ProductTitle', category: 'InvalidParameter.Category', summary: 'InvalidParameter.ProductSummary', description: 'InvalidParameter.ProductDescription' } as const;

function requireOwnProduct(db: Db | Tx, actor: Actor, code: string): Product {
  const product = db.select().from(products).where(and(eq(products.code, code), eq(products.sellerAccountId, actor.accountId))).get();
  if (!product) throw new CloudError('InvalidProductCode.NotFound', { productCode: code }, 'productCode');
  return product;
}

function requireEditable(product: Product): void {
  if (product.status !== 'draft' && product.status !== 'rejected') throw new CloudError('IncorrectProductStatus', { status: product.status });
}

function parseInterfaceUrl(raw: unknown): string | null {
  const url = String(raw ?? '').trim();
  if (!url) return null;
  const problem = checkInterfaceUrl(url, config.mode, config.localInterfacePorts);
  if (problem) throw new CloudError('InvalidParameter.InterfaceUrl', { problem }, 'interfaceUrl');
  return url;
}

/** Step 1: a new draft with its description; the platform, OS and code follow later from its images. */
export function createProduct(actor: Actor, input: Record<string, unknown>): Product {
  return mutate(actor, 'CreateProduct', (tx, note) => {
    authorize(actor, 'product.publish');
    const info = parseInput(productInfoSchema, input, infoCodes);
    const interfaceUrl = parseInterfaceUrl(input.interfaceUrl);
    let code = newProductCode();
    while (tx.select({ code: products.code }).from(products).where(eq(products.code, code)).get()) code = newProductCode();
    const product = tx
      .insert(products)
      .values({ code, sellerAccountId: actor.accountId, ...info, osType: 'linux', platform: 'Others Linux', status: 'draft', interfaceUrl, createdAt: clock.now() })
      .returning()
      .get();
    note.target = code;
    return product;
  });
}

export function updateProduct(actor: Actor, code: string, input: Record<string, unknown>): Product {
  return mutate(actor, 'UpdateProduct', (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = code;
    const product = requireOwnProduct(tx, actor, code);
    requireEditable(product);
    const info = parseInput(productInfoSchema, input, infoCodes);
    const interfaceUrl = parseInterfaceUrl(input.interfaceUrl);
    // SEL-6: a new interface must be debugged again.
    if (interfaceUrl !== product.interfaceUrl) tx.delete(interfaceChecks).where(eq(interfaceChecks.productCode, code)).run();
    return tx.update(products).set({ ...info, interfaceUrl }).where(eq(products.code, code)).returning().get();
  });
}

/**
 * SEL-3: a listed product's interface may move (a new host, a new path) without a new review;
 * the debugging results go with the old URL, and calls due from now on go to the new one.
 */
export function moveInterface(actor: Actor, code: string, input: { interfaceUrl?: unknown }): Product {
  return mutate(actor, 'MoveInterface', (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = code;
    const product = requireOwnProduct(tx, actor, code);
    if (product.status !== 'listed') throw new CloudError('IncorrectProductStatus', { status: product.status });
    const interfaceUrl = parseInterfaceUrl(input.interfaceUrl);
    if (!interfaceUrl) throw new CloudError('InvalidParameter.InterfaceUrl', { problem: 'missing' }, 'interfaceUrl');
    if (interfaceUrl !== product.interfaceUrl) tx.delete(interfaceChecks).where(eq(interfaceChecks.productCode, code)).run();
    note.detail = { from: product.interfaceUrl, to: interfaceUrl };
    return tx.update(products).set({ interfaceUrl }).where(eq(products.code, code)).returning().get();
  });
}

const versionSchema = z.object({ version: versionNameSchema, imageIds: z.array(z.string().min(1)).max(20) });

/** Step 2: a version is a set of the seller's own Available custom images, at most one per region. */
export function setVersion(actor: Actor, code: string, input: unknown): void {
  mutate(actor, 'SetProductVersion', (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = code;
    const product = requireOwnProduct(tx, actor, code);
    requireEditable(product);
    const request = parseInput(versionSchema, input, { version: 'InvalidParameter.Version', imageIds: 'InvalidImageId.NotFound' });
    const chosen = request.imageIds.length
      ? tx.select().from(images).where(and(inArray(images.id, request.imageIds), eq(images.ownerAccountId, actor.accountId), eq(images.kind, 'custom'), isNull(images.deletedAt))).all()
      : [];
    for (const id of request.imageIds) {
      const image = chosen.find((i) => i.id === id);
      if (!image) throw new CloudError('InvalidImageId.NotFound', { imageId: id }, 'imageIds');
      // An image made from another seller's product carries its code: it is not the seller's to sell.
      if (image.productCode || image.status !== 'Available') throw new CloudError('InvalidImage.NotPublishable', { imageId: id }, 'imageIds');
    }
    if (new Set(chosen.map((i) => i.regionId)).size !== chosen.length) throw new CloudError('InvalidParameter.VersionRegions', {}, 'imageIds');
    const now = clock.now();
    const existing = tx.select().from(productVersions).where(eq(productVersions.productCode, code)).all();
    if (!existing.some((v) => v.version === request.version)) {
      tx.insert(productVersions).values({ productCode: code, version: request.version, sortOrder: existing.length, createdAt: now }).run();
    }
    tx.delete(productVersionImages).where(and(eq(productVersionImages.productCode, code), eq(productVersionImages.version, request.version))).run();
    for (const image of chosen) tx.insert(productVersionImages).values({ productCode: code, version: request.version, regionId: image.regionId, sourceImageId: image.id }).run();
    // The product's platform is its images' (MKT-1: one product, one kind of system).
    if (chosen[0]) tx.update(products).set({ osType: chosen[0].osType, platform: chosen[0].platform }).where(eq(products.code, code)).run();
    note.detail = { version: request.version, images: request.imageIds };
  });
}

export function removeVersion(actor: Actor, code: string, version: string): void {
  mutate(actor, 'RemoveProductVersion', (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = code;
    requireEditable(requireOwnProduct(tx, actor, code));
    tx.delete(productVersionImages).where(and(eq(productVersionImages.productCode, code), eq(productVersionImages.version, version))).run();
    tx.delete(productVersions).where(and(eq(productVersions.productCode, code), eq(productVersions.version, version))).run();
  });
}

/** Step 3: the SKUs, replaced as a whole, one per pricing model. */
export function setSkus(actor: Actor, code: string, input: unknown[]): void {
  mutate(actor, 'SetProductSkus', (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = code;
    requireEditable(requireOwnProduct(tx, actor, code));
    const parsed = input.map((s) => parseInput(skuInputSchema, s, { pricingModel: 'InvalidParameter', priceFen: 'InvalidParameter.Price' }));
    if (new Set(parsed.map((s) => s.pricingModel)).size !== parsed.length) throw new CloudError('InvalidParameter', { param: 'pricingModel' });
    tx.delete(skus).where(eq(skus.productCode, code)).run();
    for (const s of parsed) tx.insert(skus).values({ code: `${code}-${s.pricingModel}`, productCode: code, pricingModel: s.pricingModel, priceFen: s.priceFen }).run();
    note.detail = { skus: parsed };
  });
}

// ─── Interface debugging (SEL-6) ─────────────────────────────────────────────

export type DebugResult = Exchange & { activity: SellerActivity; keyId: string; passed: boolean };

/** Sends one activity of a test order to the product's interface, signed like a real call; records whether it passed. */
export async function debugInterface(actor: Actor, code: string, activity: SellerActivity): Promise<DebugResult> {
  authorize(actor, 'product.publish');
  if (!sellerActivities.includes(activity)) throw new CloudError('InvalidParameter', { param: 'activity' });
  const { product, key, instanceId } = read((db) => {
    const product = requireOwnProduct(db, actor, code);
    const created = db.select().from(interfaceChecks).where(and(eq(interfaceChecks.productCode, code), eq(interfaceChecks.activity, 'newInstance'))).get();
    return { product, key: signingKey(db, actor.accountId), instanceId: (created?.exchange as { instanceId?: string } | undefined)?.instanceId };
  });
  if (!product.interfaceUrl) throw new CloudError('InvalidParameter.InterfaceUrl', { problem: 'missing' }, 'interfaceUrl');
  if (!key) throw new CloudError('InvalidSellerKey.Missing');
  const sku = read((db) => db.select().from(skus).where(eq(skus.productCode, code)).orderBy(asc(skus.code)).get());
  const body = JSON.stringify({
    activity,
    orderId: `test-order-${code}`,
    orderLineId: `test-line-${code}`,
    ...(activity !== 'newInstance' ? { instanceId: instanceId ?? 'test-instance' } : {}),
    productCode: code,
    skuCode: sku?.code ?? `${code}-test`,
    accountId: actor.accountId,
    regionId: 'cn-hangzhou',
    period: activity === 'refreshInstance' ? { unit: 'month', count: 1 } : null,
    amountFen: 0,
    ...(activity === 'updateInstanceStatus' ? { status: 'frozen' } : {}),
    testOrder: true,
  });
  const exchange = await callSeller({ url: product.interfaceUrl, keyId: key.keyId, secret: key.secret, activity, body });
  const passed = exchange.verdict === 'ok' && exchange.answer?.resultCode === resultCodes.success;
  mutate(actor, 'DebugInterface', (tx, note) => {
    note.target = code;
    note.detail = { activity, verdict: exchange.verdict };
    const now = clock.now();
    const row = { productCode: code, activity, url: product.interfaceUrl!, passedAt: passed ? now : null, exchange: { ...exchange, instanceId: exchange.answer?.instanceId }, checkedAt: now };
    // A later failure does not undo a pass: the rule is that every activity has passed once.
    tx.insert(interfaceChecks)
      .values(row)
      .onConflictDoUpdate({ target: [interfaceChecks.productCode, interfaceChecks.activity], set: passed ? row : { exchange: row.exchange, checkedAt: now } })
      .run();
  });
  return { ...exchange, activity, keyId: key.keyId, passed };
}

// ─── Reading, submitting, reviewing ──────────────────────────────────────────

function problemsOf(db: Db | Tx, product: Product): ListingProblem[] {
  const versions = db.select().from(productVersions).where(eq(productVersions.productCode, product.code)).orderBy(asc(productVersions.sortOrder)).all();
  const chosen = db
    .select({ version: productVersionImages.version, regionId: productVersionImages.regionId, imageId: images.id, status: images.status, deletedAt: images.deletedAt })
    .from(productVersionImages)
    .innerJoin(images, eq(images.id, productVersionImages.sourceImageId))
    .where(eq(productVersionImages.productCode, product.code))
    .all();
  const passed = db
    .select({ activity: interfaceChecks.activity, url: interfaceChecks.url, passedAt: interfaceChecks.passedAt })
    .from(interfaceChecks)
    .where(eq(interfaceChecks.productCode, product.code))
    .all()
    .filter((c) => c.passedAt && c.url === product.interfaceUrl)
    .map((c) => c.activity);
  return listingProblems({
    versions: versions.map((v) => ({ version: v.version, images: chosen.filter((c) => c.version === v.version).map((c) => ({ regionId: c.regionId, imageId: c.imageId, available: c.status === 'Available' && !c.deletedAt })) })),
    skus: db.select().from(skus).where(eq(skus.productCode, product.code)).all() as { pricingModel: PricingModel; priceFen: number }[],
    interfaceUrl: product.interfaceUrl,
    interfaceUrlProblem: product.interfaceUrl ? checkInterfaceUrl(product.interfaceUrl, config.mode, config.localInterfacePorts) : null,
    passed,
    hasSigningKey: Boolean(signingKey(db, product.sellerAccountId)),
  });
}

export function listMyProducts(actor: Actor) {
  authorize(actor, 'product.publish');
  return read((db) => db.select().from(products).where(eq(products.sellerAccountId, actor.accountId)).orderBy(desc(products.createdAt)).all());
}

/** Everything the publishing page shows: the draft, its versions and images, SKUs, debugging results and the checklist. */
export function getMyProduct(actor: Actor, code: string) {
  authorize(actor, 'product.publish');
  return read((db) => {
    const product = requireOwnProduct(db, actor, code);
    return {
      product,
      versions: db.select().from(productVersions).where(eq(productVersions.productCode, code)).orderBy(asc(productVersions.sortOrder)).all(),
      versionImages: db.select().from(productVersionImages).where(eq(productVersionImages.productCode, code)).all(),
      skus: db.select().from(skus).where(eq(skus.productCode, code)).all().sort(byPricingModel),
      checks: db.select().from(interfaceChecks).where(eq(interfaceChecks.productCode, code)).all(),
      problems: problemsOf(db, product),
      publishableImages: db
        .select({ id: images.id, name: images.name, regionId: images.regionId, platform: images.platform, status: images.status })
        .from(images)
        .where(and(eq(images.ownerAccountId, actor.accountId), eq(images.kind, 'custom'), isNull(images.deletedAt), isNull(images.productCode)))
        .orderBy(asc(images.regionId), asc(images.name))
        .all(),
    };
  });
}

/** SEL-7: the automatic checks, then the admin's listing queue. */
export function submitProduct(actor: Actor, code: string): void {
  mutate(actor, 'SubmitProduct', (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = code;
    const product = requireOwnProduct(tx, actor, code);
    requireEditable(product);
    const problems = problemsOf(tx, product);
    if (problems.length > 0) throw new CloudError('InvalidListing.Incomplete', { count: problems.length });
    tx.update(products).set({ status: 'in_review', submittedAt: clock.now(), reviewNote: null }).where(eq(products.code, code)).run();
  });
}

/** MKT-8: the seller takes a listed product off the marketplace; bought licenses keep working. */
export function delistOwnProduct(actor: Actor, code: string): void {
  mutate(actor, 'DelistProduct', (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = code;
    const product = requireOwnProduct(tx, actor, code);
    if (product.status !== 'listed') throw new CloudError('IncorrectProductStatus', { status: product.status });
    tx.update(products).set({ status: 'delisted', delistedAt: clock.now() }).where(eq(products.code, code)).run();
  });
}

export function listListingReviews(actor: Actor, { status = 'in_review', ...paging }: { status?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'listing.review');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return read((db) => {
    const where = eq(products.status, status);
    const total = db.select({ n: count() }).from(products).where(where).get()?.n ?? 0;
    const rows = db
      .select({ product: products, sellerName: accounts.name })
      .from(products)
      .innerJoin(accounts, eq(accounts.id, products.sellerAccountId))
      .where(where)
      .orderBy(asc(products.submittedAt), asc(products.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .all();
    const items = rows.map((r) => ({
      ...r,
      skus: db.select().from(skus).where(eq(skus.productCode, r.product.code)).all().sort(byPricingModel),
      regions: [...new Set(db.select({ regionId: productVersionImages.regionId }).from(productVersionImages).where(eq(productVersionImages.productCode, r.product.code)).all().map((v) => v.regionId))],
      versions: db.select({ version: productVersions.version }).from(productVersions).where(eq(productVersions.productCode, r.product.code)).all().map((v) => v.version),
      problems: problemsOf(db, r.product),
    }));
    return { items, total, page, pageSize };
  });
}

/** ADM-1: listing re-runs the checks, then publishes a marketplace image per chosen image. */
export function approveListing(actor: Actor, code: string): void {
  mutate(actor, 'ApproveListing', (tx, note) => {
    authorize(actor, 'listing.review');
    note.target = code;
    const product = tx.select().from(products).where(eq(products.code, code)).get();
    if (!product) throw new CloudError('InvalidProductCode.NotFound', { productCode: code });
    if (product.status !== 'in_review') throw new CloudError('IncorrectProductStatus', { status: product.status });
    if (problemsOf(tx, product).length > 0) throw new CloudError('InvalidListing.Incomplete', { count: problemsOf(tx, product).length });
    const now = clock.now();
    const chosen = tx.select({ v: productVersionImages, image: images }).from(productVersionImages).innerJoin(images, eq(images.id, productVersionImages.sourceImageId)).where(eq(productVersionImages.productCode, code)).all();
    for (const { v, image } of chosen) {
      tx.insert(images)
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
        })
        .run();
    }
    tx.update(products).set({ status: 'listed', listedAt: now, reviewNote: null }).where(eq(products.code, code)).run();
    const seller = tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, product.sellerAccountId)).get()!;
    indexProduct(tx, { code, title: product.title, summary: product.summary, description: product.description, seller: seller.name });
    notify(tx, product.sellerAccountId, 'listingApproved', { productCode: code, title: product.title });
  });
}

export function rejectListing(actor: Actor, code: string, input: { note?: unknown }): void {
  mutate(actor, 'RejectListing', (tx, audit) => {
    authorize(actor, 'listing.review');
    audit.target = code;
    const product = tx.select().from(products).where(eq(products.code, code)).get();
    if (!product) throw new CloudError('InvalidProductCode.NotFound', { productCode: code });
    if (product.status !== 'in_review') throw new CloudError('IncorrectProductStatus', { status: product.status });
    const note = parseDecisionNote(input);
    tx.update(products).set({ status: 'rejected', reviewNote: note }).where(eq(products.code, code)).run();
    notify(tx, product.sellerAccountId, 'listingRejected', { productCode: code, title: product.title, note });
  });
}

/** How many listings wait for review (the admin's navigation shows it). */
export function pendingListingCount(actor: Actor): number {
  authorize(actor, 'listing.review');
  return read((db) => db.select({ n: count() }).from(products).where(eq(products.status, 'in_review')).get()?.n ?? 0);
}
