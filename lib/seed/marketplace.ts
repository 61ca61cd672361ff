// The demo marketplace: sellers' products with versions, regional images and SKUs, indexed for
// search. Idempotent: a product that exists is left alone.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { images, products, productVersions, skus } from '../../db/schema';
import { seedRegions } from '../../db/seed-data';
import { seedSellers, type SeedProduct } from '../../db/seed/marketplace-data';
import { createAccount } from '../services/accounts';
import { indexProduct } from '../services/product-search';
import { transactionOn } from '../services/transaction';
import { stableId } from './catalogue';

const DAY_MS = 86_400_000;

export function skuCode(productCode: string, model: string): string {
  return `${productCode}-${model}`;
}

/**
 * Inserts one product, listed, with everything it needs to be bought and launched; false when
 * it was there already. (A seed product meant to be delisted is delisted by the caller, after
 * selling it: see seedDemo.)
 */
export async function insertProduct(db: Db, seller: { accountId: string; name: string }, p: SeedProduct, now: Date): Promise<boolean> {
  if ((await db.select({ code: products.code }).from(products).where(eq(products.code, p.code)).limit(1)).at(0)) return false;
  const listedAt = new Date(now.getTime() - p.listedDaysAgo * DAY_MS);
  await transactionOn(db, async (tx) => {
    await tx.insert(products)
      .values({
        code: p.code,
        sellerAccountId: seller.accountId,
        title: p.title,
        category: p.category,
        summary: p.summary,
        description: p.description,
        osType: p.osType,
        platform: p.platform,
        status: 'listed',
        featured: p.featured ?? false,
        createdAt: listedAt,
        listedAt,
      });
    for (const [sortOrder, version] of p.versions.entries()) {
      await tx.insert(productVersions).values({ productCode: p.code, version, sortOrder, createdAt: new Date(listedAt.getTime() + sortOrder * DAY_MS) });
      for (const regionId of p.regions ?? seedRegions) {
        await tx.insert(images)
          .values({
            id: stableId('m', `${p.code}/${version}/${regionId}`),
            regionId,
            kind: 'marketplace',
            ownerAccountId: null,
            name: `${p.code}-v${version}`,
            description: p.title,
            osType: p.osType,
            platform: p.platform,
            architecture: 'x86_64',
            sizeGib: p.sizeGib,
            status: 'Available',
            productCode: p.code,
            productVersion: version,
            source: 'published',
            createdAt: listedAt,
          });
      }
    }
    for (const sku of p.skus) await tx.insert(skus).values({ code: skuCode(p.code, sku.model), productCode: p.code, pricingModel: sku.model, priceFen: sku.priceFen });
    await indexProduct(tx, { code: p.code, title: p.title, summary: p.summary, description: p.description, seller: seller.name });
  });
  return true;
}

/** MKT-8: a delisted product leaves search and purchase, but stays readable for its buyers. */
export async function delistProduct(db: Db, code: string, now: Date): Promise<void> {
  await db.update(products).set({ status: 'delisted', delistedAt: now }).where(eq(products.code, code));
}

/** All seed products for the given seller accounts; returns the codes inserted now. */
export async function seedMarketplace(db: Db, sellers: Map<string, { accountId: string; name: string }>, catalogue: SeedProduct[], now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const p of catalogue) if (await insertProduct(db, sellers.get(p.seller)!, p, now)) added.push(p.code);
  return added;
}

/** A fresh account for each catalogue seller, one after another (tests and benchmarks). */
export async function sellerAccounts(): Promise<Map<string, { accountId: string; name: string }>> {
  const sellers = new Map<string, { accountId: string; name: string }>();
  for (const s of seedSellers) sellers.set(s.key, { accountId: await createAccount(s.name), name: s.name });
  return sellers;
}
