// The demo marketplace: sellers' products with versions, regional images and SKUs, indexed for
// search. Idempotent: a product that exists is left alone.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { images, products, productVersions, skus } from '../../db/schema';
import { seedRegions } from '../../db/seed-data';
import { seedSellers, type SeedProduct } from '../../db/seed/marketplace-data';
import { createAccount } from '../services/accounts';
import { indexProduct } from '../services/product-search';
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
export function insertProduct(db: Db, seller: { accountId: string; name: string }, p: SeedProduct, now: Date): boolean {
  if (db.select({ code: products.code }).from(products).where(eq(products.code, p.code)).get()) return false;
  const listedAt = new Date(now.getTime() - p.listedDaysAgo * DAY_MS);
  db.transaction((tx) => {
    tx.insert(products)
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
      })
      .run();
    p.versions.forEach((version, sortOrder) => {
      tx.insert(productVersions).values({ productCode: p.code, version, sortOrder, createdAt: new Date(listedAt.getTime() + sortOrder * DAY_MS) }).run();
      for (const regionId of p.regions ?? seedRegions) {
        tx.insert(images)
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
          })
          .run();
      }
    });
    for (const sku of p.skus) tx.insert(skus).values({ code: skuCode(p.code, sku.model), productCode: p.code, pricingModel: sku.model, priceFen: sku.priceFen }).run();
    indexProduct(tx, { code: p.code, title: p.title, summary: p.summary, description: p.description, seller: seller.name });
  });
  return true;
}

/** MKT-8: a delisted product leaves search and purchase, but stays readable for its buyers. */
export function delistProduct(db: Db, code: string, now: Date): void {
  db.update(products).set({ status: 'delisted', delistedAt: now }).where(eq(products.code, code)).run();
}

/** All seed products for the given seller accounts; returns the codes inserted now. */
export function seedMarketplace(db: Db, sellers: Map<string, { accountId: string; name: string }>, catalogue: SeedProduct[], now: Date): string[] {
  return catalogue.filter((p) => insertProduct(db, sellers.get(p.seller)!, p, now)).map((p) => p.code);
}

/** A fresh account for each catalogue seller, one after another (tests and benchmarks). */
export async function sellerAccounts(): Promise<Map<string, { accountId: string; name: string }>> {
  const sellers = new Map<string, { accountId: string; name: string }>();
  for (const s of seedSellers) sellers.set(s.key, { accountId: await createAccount(s.name), name: s.name });
  return sellers;
}
