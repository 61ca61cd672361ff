// Issue 13: the public marketplace pages read from memory, and a change shows on the next
// request (MKT-8: a delisted product leaves search at once), whoever makes it: a service in this
// process or another process on the same database file. What is the buyer's own stays theirs.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedProducts } from '../../db/seed/marketplace-data';
import type { Bound } from '../../db/prepared';
import { anotherProcess, newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { fund } from '../../tests/helpers/marketplace';
import { skuCode } from '../seed/marketplace';
import type { Actor } from '../domain/actor';
import { featuredProducts, getProduct, listCategories, searchProducts } from './marketplace';
import { purchaseLicenses } from './orders';
import { marketplaceRevision } from './marketplace-cache';
import { delistOwnProduct } from './products';

const { db } = throwawayDatabase();
let sellers: Awaited<ReturnType<typeof seedTestMarketplace>>;
beforeAll(async () => {
  sellers = await seedTestMarketplace(db());
});

// Each test changes its own product: one featured, the others sold per instance everywhere.
const listed = seedProducts.filter((p) => p.status !== 'delisted');
const featured = listed.find((p) => p.featured)!;
const [priced, bumped, bought] = listed.filter((p) => p !== featured && !p.featured && !p.regions && p.skus.some((s) => s.model === 'per_instance'));
const sellerOf = (code: string): Actor => {
  const { accountId } = sellers.get(seedProducts.find((p) => p.code === code)!.seller)!;
  return { userId: `user-${accountId}`, accountId, roles: ['buyer', 'seller'], requestId: 'r' };
};
/** Another server process: its own connection to the same file. */

describe('the public marketplace reads, cached per marketplace revision', () => {
  it('a second read is served from memory; a seller delisting a product takes it out of search, the categories and its page on the next read (MKT-8)', async () => {
    const product = featured;
    const search = await searchProducts({ q: product.title });
    const categories = await listCategories();
    expect(await searchProducts({ q: product.title })).toBe(search);
    expect(await listCategories()).toBe(categories);
    expect(search.items.map((p) => p.code)).toContain(product.code);
    expect((await featuredProducts(60)).map((p) => p.code)).toContain(product.code);
    expect((await getProduct(product.code, null)).offer.kind).not.toBe('delisted');

    await delistOwnProduct(sellerOf(product.code), product.code);

    expect((await searchProducts({ q: product.title })).items.map((p) => p.code)).not.toContain(product.code);
    expect((await featuredProducts(60)).map((p) => p.code)).not.toContain(product.code);
    const count = (list: Awaited<ReturnType<typeof listCategories>>) => list.find((c) => c.category === product.category)!.count;
    expect(count(await listCategories())).toBe(count(categories) - 1);
    expect((await getProduct(product.code, null)).offer).toEqual({ kind: 'delisted' });
  });

  it('a price, title or seller name changed by another process shows on the next read', async () => {
    const product = priced;
    const before = await getProduct(product.code, null);
    expect((await getProduct(product.code, null)).product).toBe(before.product);
    const other = await anotherProcess();
    await other.run('UPDATE skus SET price_fen = 12345 WHERE code = ?', skuCode(product.code, 'per_instance'));
    expect((await getProduct(product.code, null)).skus.find((s) => s.pricingModel === 'per_instance')!.priceFen).toBe(12_345);
    await other.run('UPDATE products SET title = ? WHERE code = ?', 'Renamed by an operator', product.code);
    expect((await searchProducts({ pageSize: 60 })).items.find((p) => p.code === product.code)!.title).toBe('Renamed by an operator');
    await other.run('UPDATE accounts SET name = ? WHERE id = ?', 'Renamed seller', sellerOf(product.code).accountId);
    expect((await getProduct(product.code, null)).product.sellerName).toBe('Renamed seller');
    await other.close();
  });

  it('every change the pages show bumps the revision; a custom image or a license (the API hot path) does not', async () => {
    const product = bumped;
    const other = await anotherProcess();
    const bumps = async (statement: string, ...params: Bound[]) => {
      const start = await marketplaceRevision();
      await other.run(statement, ...params);
      return (await marketplaceRevision()) - start;
    };
    const epoch = new Date(0);
    expect(await bumps('UPDATE products SET featured = NOT featured WHERE code = ?', product.code)).toBe(1);
    expect(await bumps('UPDATE skus SET price_fen = price_fen + 1 WHERE product_code = ?', product.code)).toBe(product.skus.length);
    expect(await bumps("INSERT INTO product_versions (product_code, version, sort_order, created_at) VALUES (?, '9.9.9', 99, ?)", product.code, epoch)).toBe(1);
    expect(await bumps("UPDATE images SET deleted_at = ? WHERE kind = 'marketplace' AND product_code = ? AND region_id = 'cn-hangzhou'", epoch, product.code)).toBeGreaterThan(0);
    expect(await bumps("UPDATE regions SET sort_order = sort_order WHERE id = 'cn-hangzhou'")).toBe(1);
    // A seller's draft is not shown: its edits leave the revision (and every visitor's cache) alone, until it is listed.
    const draft = 'drft000001';
    expect(await bumps("INSERT INTO products (code, seller_account_id, title, category, summary, description, os_type, platform, status, created_at) VALUES (?, ?, 'Draft', 'database', 's', 'd', 'linux', 'Ubuntu', 'draft', ?)", draft, sellerOf(product.code).accountId, epoch)).toBe(0);
    expect(await bumps("INSERT INTO skus (code, product_code, pricing_model, price_fen) VALUES (?, ?, 'hourly', 10)", `${draft}-hourly`, draft)).toBe(0);
    expect(await bumps("INSERT INTO product_versions (product_code, version, sort_order, created_at) VALUES (?, '1.0.0', 0, ?)", draft, epoch)).toBe(0);
    expect(await bumps("UPDATE products SET status = 'listed' WHERE code = ?", draft)).toBe(1);
    expect(await bumps("UPDATE images SET name = name || '!' WHERE kind = 'custom'")).toBe(0);
    expect(await bumps('UPDATE accounts SET name = name')).toBe(0);
    expect(await bumps("UPDATE licenses SET status = status WHERE product_code = ?", product.code)).toBe(0);
    await other.close();
  });

  it('what is the buyer’s own is read for each caller: another buyer never sees someone’s licenses', async () => {
    const product = bought;
    const [owner, stranger] = [await newBuyer(), await newBuyer()];
    await fund(owner, 1_000_000);
    await purchaseLicenses(owner, { productCode: product.code, skuCode: skuCode(product.code, 'per_instance'), regionId: 'cn-hangzhou', quantity: 2 });
    expect((await getProduct(product.code, owner)).myLicenses!.map((g) => [g.regionId, g.available])).toEqual([['cn-hangzhou', 2]]);
    expect((await getProduct(product.code, stranger)).myLicenses).toEqual([]);
    expect((await getProduct(product.code, null)).myLicenses).toBeNull();
  });
});
