import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instances, ledgerBooks, users } from '../../db/schema';
import { seedProducts } from '../../db/seed/marketplace-data';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { balance, expectCloudError, fund, ledgerSum, licensesOf, ordersOf, productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import { copyImage, createImage, getImage } from './images';
import { getInstance, reInitDisk, releaseInstance, replaceSystemDisk, runInstances, stopInstance } from './instances';
import { listLicenses } from './licenses';
import { purchaseLicenses } from './orders';
import { getProduct, searchProducts } from './marketplace';
import type { Actor } from '../domain/actor';
import { monthlyEquivalentFen } from '../domain/compared-price';
import type { PricingModel } from '../domain/marketplace';

const { db } = throwawayDatabase();
let sellers: Awaited<ReturnType<typeof seedTestMarketplace>>;
beforeAll(async () => {
  sellers = await seedTestMarketplace(db());
});
afterEach(() => clock.reset());

const LNMP = 'lnmp000101'; // per_instance ¥99.00 + hourly ¥0.20, versions 1.0.0 and 2.0.0, all regions
const delisted = seedProducts.find((p) => p.status === 'delisted')!;
const freeProduct = seedProducts.find((p) => p.skus.length === 1 && p.skus[0].model === 'free' && !p.regions)!;
const otherPerInstance = seedProducts.find((p) => p.code !== LNMP && p.status !== 'delisted' && !p.regions && p.skus.some((s) => s.model === 'per_instance'))!;
const notInHangzhou = seedProducts.find((p) => p.regions && !p.regions.includes('cn-hangzhou'))!;

async function buy(actor: Actor, productCode: string, quantity: number, regionId = 'cn-hangzhou', model = 'per_instance') {
  return await purchaseLicenses(actor, { productCode, skuCode: skuCode(productCode, model), regionId, quantity });
}

async function launch(actor: Actor, imageId: string, amount: number, regionId = 'cn-hangzhou', extra: Record<string, unknown> = {}) {
  return await runInstances(actor, { regionId, imageId, instanceTypeId: 'ecs.g7.large', amount, ...extra });
}

async function richBuyer(): Promise<Actor> {
  const buyer = await newBuyer();
  await fund(buyer, 1_000_000);
  return buyer;
}

describe('MKT-2 pricing models and purchase', () => {
  it('a per-instance purchase of N licenses takes N × price from the wallet and splits it 90/10 between seller and platform', async () => {
    const buyer = await richBuyer();
    const seller = sellers.get(seedProducts.find((p) => p.code === LNMP)!.seller)!;
    const payableBefore = (await db().select().from(ledgerBooks).where(eq(ledgerBooks.id, `seller_payable:${seller.accountId}`)).limit(1)).at(0)?.balanceFen ?? 0;
    const result = await buy(buyer, LNMP, 3);
    expect(result.amountFen).toBe(29_700);
    expect(await balance(buyer)).toBe(1_000_000 - 29_700);
    expect((await db().select().from(ledgerBooks).where(eq(ledgerBooks.id, `seller_payable:${seller.accountId}`)).limit(1)).at(0)!.balanceFen - payableBefore).toBe(26_730);
    expect((await licensesOf(buyer, LNMP)).map((l) => [l.status, l.regionId, l.orderId])).toEqual(Array(3).fill(['available', 'cn-hangzhou', result.orderId]));
    expect(await ordersOf(buyer)).toMatchObject([{ id: result.orderId, quantity: 3, unitPriceFen: 9900, amountFen: 29_700, status: 'paid' }]);
    expect(await ledgerSum()).toBe(0);
  });

  it('a free product must still be bought: an order of ¥0 and a license (000 Q4)', async () => {
    const buyer = await newBuyer();
    const result = await buy(buyer, freeProduct.code, 1, 'cn-hangzhou', 'free');
    expect(result.amountFen).toBe(0);
    expect(await ordersOf(buyer)).toMatchObject([{ amountFen: 0, status: 'paid' }]);
    expect(await licensesOf(buyer, freeProduct.code)).toHaveLength(1);
    expect(await balance(buyer)).toBe(0);
  });

  it('an hourly SKU is not bought alone', async () => {
    const buyer = await richBuyer();
    await expectCloudError(async () => await buy(buyer, LNMP, 1, 'cn-hangzhou', 'hourly'), 'InvalidSku.HourlyWithInstance');
    expect(await ordersOf(buyer)).toHaveLength(0);
  });

  it.each([0, 101, 2.5])('quantity %s is refused (MKT-3: 1 to 100)', async (quantity) => {
    await expectCloudError(async () => await buy(await richBuyer(), LNMP, quantity), 'InvalidParameter.Quantity');
  });

  it('a short wallet buys nothing and says both amounts', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 5_000);
    const error = await expectCloudError(async () => await buy(buyer, LNMP, 1), 'InvalidAccountStatus.NotEnoughBalance');
    expect(error.params).toEqual({ reason: 'order', balance: '¥50.00', amount: '¥99.00' });
    expect(await ordersOf(buyer)).toHaveLength(0);
    expect(await licensesOf(buyer)).toHaveLength(0);
    expect(await balance(buyer)).toBe(5_000);
  });

  it('a product not offered in the region cannot be bought there (MKT-1)', async () => {
    const model = notInHangzhou.skus.find((s) => s.model !== 'hourly')!.model;
    await expectCloudError(async () => await buy(await richBuyer(), notInHangzhou.code, 1, 'cn-hangzhou', model), 'InvalidRegion.NotOffered');
  });
});

describe('MKT-4 launches need one license per instance', () => {
  it('3 instances with 2 licenses: QuotaExceed.BuyImage (403) naming product, region, needed and available; nothing launched or charged', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 2);
    const before = await balance(buyer);
    const error = await expectCloudError(async () => await launch(buyer, await productImage(LNMP), 3), 'QuotaExceed.BuyImage');
    expect(error.httpStatus).toBe(403);
    expect(error.params).toEqual({ productCode: LNMP, regionId: 'cn-hangzhou', needed: 3, available: 2 });
    expect(await db().select().from(instances).where(eq(instances.accountId, buyer.accountId))).toHaveLength(0);
    expect((await licensesOf(buyer, LNMP)).every((l) => l.status === 'available')).toBe(true);
    expect(await balance(buyer)).toBe(before);
  });

  it('with enough licenses each instance holds its own', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 2);
    const { instanceIds } = await launch(buyer, await productImage(LNMP), 2);
    const held = await licensesOf(buyer, LNMP);
    expect(held.map((l) => l.status)).toEqual(['in_use', 'in_use']);
    expect(held.map((l) => l.instanceId).sort()).toEqual([...instanceIds].sort());
    expect(new Set(await Promise.all(instanceIds.map(async (id) => (await getInstance(buyer, id)).licenseId))).size).toBe(2);
  });

  it('"buy the shortfall and launch" buys exactly the missing licenses in the same step', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 2);
    const before = await balance(buyer);
    const { instanceIds } = await launch(buyer, await productImage(LNMP), 3, 'cn-hangzhou', { buyShortfall: true, skuCode: skuCode(LNMP, 'per_instance') });
    expect(instanceIds).toHaveLength(3);
    expect(before - await balance(buyer)).toBe(9_900);
    expect((await licensesOf(buyer, LNMP)).filter((l) => l.status === 'in_use')).toHaveLength(3);
    expect((await ordersOf(buyer)).map((o) => o.quantity).sort()).toEqual([1, 2]);
  });

  it('a failed shortfall purchase launches nothing and buys nothing', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100);
    await expectCloudError(async () => await launch(buyer, await productImage(LNMP), 1, 'cn-hangzhou', { buyShortfall: true, skuCode: skuCode(LNMP, 'per_instance') }), 'InvalidAccountStatus.NotEnoughBalance');
    expect(await ordersOf(buyer)).toHaveLength(0);
    expect(await db().select().from(instances).where(eq(instances.accountId, buyer.accountId))).toHaveLength(0);
  });

  it('an hourly SKU is bought with the launch: a ¥0 order and one license per instance (MKT-2)', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 10_000); // the minimum balance to create pay-as-you-go instances (issue 12)
    const { instanceIds } = await launch(buyer, await productImage(LNMP), 2, 'cn-hangzhou', { skuCode: skuCode(LNMP, 'hourly') });
    expect(instanceIds).toHaveLength(2);
    expect(await ordersOf(buyer)).toMatchObject([{ pricingModel: 'hourly', quantity: 2, amountFen: 0 }]);
    expect((await licensesOf(buyer, LNMP)).map((l) => [l.status, l.pricingModel])).toEqual([
      ['in_use', 'hourly'],
      ['in_use', 'hourly'],
    ]);
  });

  it('a custom image made from a licensed instance, and its copy in another region, both demand licenses (000 Q8, Q9)', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 1);
    const [source] = (await launch(buyer, await productImage(LNMP), 1)).instanceIds;
    await settle();
    const { imageId } = await createImage(buyer, { instanceId: source, name: 'my-lnmp' });
    await settle();
    const custom = await getImage(buyer, imageId);
    expect(custom.image).toMatchObject({ status: 'Available', productCode: LNMP, ownerAlias: 'self' });
    expect(custom.lineage.map((s) => s.source)).toEqual(['instance', 'published']);

    const derived = await expectCloudError(async () => await launch(buyer, imageId, 1), 'QuotaExceed.BuyImage');
    expect(derived.params).toMatchObject({ productCode: LNMP, needed: 1, available: 0 });

    const { imageId: copyId } = await copyImage(buyer, { imageId, destinationRegionId: 'cn-shanghai' });
    await settle();
    expect((await getImage(buyer, copyId)).image).toMatchObject({ regionId: 'cn-shanghai', productCode: LNMP, status: 'Available' });
    expect((await getImage(buyer, copyId)).lineage.map((s) => s.source)).toEqual(['copy', 'instance', 'published']);

    await buy(buyer, LNMP, 1); // a Hangzhou license does not help in Shanghai (MKT-7)
    await expectCloudError(async () => await launch(buyer, copyId, 1, 'cn-shanghai'), 'QuotaExceed.BuyImage');
    await buy(buyer, LNMP, 1, 'cn-shanghai');
    expect((await launch(buyer, copyId, 1, 'cn-shanghai')).instanceIds).toHaveLength(1);
  });
});

describe('MKT-5 a license follows its instance and comes back on release', () => {
  it('release then relaunch reuses the same license without a new order', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 1);
    const [first] = (await launch(buyer, await productImage(LNMP), 1)).instanceIds;
    const licenseId = (await getInstance(buyer, first)).licenseId;
    await settle();
    await releaseInstance(buyer, first);
    expect(await licensesOf(buyer, LNMP)).toMatchObject([{ id: licenseId, status: 'available', instanceId: null }]);
    const [second] = (await launch(buyer, await productImage(LNMP), 1)).instanceIds;
    expect((await getInstance(buyer, second)).licenseId).toBe(licenseId);
    expect(await ordersOf(buyer)).toHaveLength(1);
    expect(await listLicenses(buyer, LNMP)).toMatchObject([{ productCode: LNMP, regionId: 'cn-hangzhou', available: 0, inUse: [{ licenseId, instanceId: second }] }]);
  });
});

describe('MKT-6 ReplaceSystemDisk and ReInitDisk', () => {
  async function stoppedLnmpInstance() {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 1);
    const [id] = (await launch(buyer, await productImage(LNMP, 'cn-hangzhou', '1.0.0'), 1)).instanceIds;
    await settle();
    await stopInstance(buyer, id);
    return { buyer, id, licenseId: (await getInstance(buyer, id)).licenseId! };
  }

  it('another version of the same product needs no license (000 Q11)', async () => {
    const { buyer, id, licenseId } = await stoppedLnmpInstance();
    const before = await balance(buyer);
    await replaceSystemDisk(buyer, { instanceId: id, imageId: await productImage(LNMP, 'cn-hangzhou', '2.0.0') });
    expect(await getInstance(buyer, id)).toMatchObject({ imageId: await productImage(LNMP, 'cn-hangzhou', '2.0.0'), licenseId });
    expect(await balance(buyer)).toBe(before);
    expect(await licensesOf(buyer, LNMP)).toHaveLength(1);
  });

  it('another product consumes one of its licenses and frees the old one', async () => {
    const { buyer, id, licenseId } = await stoppedLnmpInstance();
    const otherImage = await productImage(otherPerInstance.code);
    await expectCloudError(async () => await replaceSystemDisk(buyer, { instanceId: id, imageId: otherImage }), 'QuotaExceed.BuyImage');
    expect((await getInstance(buyer, id)).licenseId).toBe(licenseId); // unchanged after the refusal
    await buy(buyer, otherPerInstance.code, 1);
    await replaceSystemDisk(buyer, { instanceId: id, imageId: otherImage });
    const after = await getInstance(buyer, id);
    expect(after.imageId).toBe(otherImage);
    expect(await licensesOf(buyer, otherPerInstance.code)).toMatchObject([{ status: 'in_use', instanceId: id, id: after.licenseId }]);
    expect(await licensesOf(buyer, LNMP)).toMatchObject([{ id: licenseId, status: 'available', instanceId: null }]);
  });

  it('an image without a product code frees the held license', async () => {
    const { buyer, id, licenseId } = await stoppedLnmpInstance();
    const system = (await db().select().from((await import('../../db/schema')).images)).find((i) => i.kind === 'system' && i.regionId === 'cn-hangzhou')!;
    await replaceSystemDisk(buyer, { instanceId: id, imageId: system.id });
    expect((await getInstance(buyer, id)).licenseId).toBeNull();
    expect(await licensesOf(buyer, LNMP)).toMatchObject([{ id: licenseId, status: 'available' }]);
  });

  it('ReInitDisk never charges or takes a license (000 Q12)', async () => {
    const { buyer, id } = await stoppedLnmpInstance();
    const before = { balance: await balance(buyer), orders: (await ordersOf(buyer)).length, licenses: JSON.stringify(await licensesOf(buyer)) };
    await reInitDisk(buyer, id);
    await reInitDisk(buyer, id);
    expect({ balance: await balance(buyer), orders: (await ordersOf(buyer)).length, licenses: JSON.stringify(await licensesOf(buyer)) }).toEqual(before);
  });

  it('both need a stopped instance', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 1);
    const [id] = (await launch(buyer, await productImage(LNMP), 1)).instanceIds;
    await settle();
    await expectCloudError(async () => await reInitDisk(buyer, id), 'IncorrectInstanceStatus');
    await expectCloudError(async () => await replaceSystemDisk(buyer, { instanceId: id, imageId: await productImage(LNMP, 'cn-hangzhou', '1.0.0') }), 'IncorrectInstanceStatus');
  });
});

describe('MKT-7 a license works only in its region', () => {
  it('a cn-hangzhou license does not launch in cn-beijing', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 1, 'cn-hangzhou');
    const error = await expectCloudError(async () => await launch(buyer, await productImage(LNMP, 'cn-beijing'), 1, 'cn-beijing'), 'QuotaExceed.BuyImage');
    expect(error.params).toMatchObject({ regionId: 'cn-beijing', needed: 1, available: 0 });
  });
});

describe('MKT-8 delisted products', () => {
  it('cannot be bought, stay out of search, keep working for licenses already held, and suggest substitutes', async () => {
    const buyer = await richBuyer();
    await expectCloudError(async () => await buy(buyer, delisted.code, 1), 'InvalidProduct.Delisted');
    expect((await searchProducts({ q: delisted.title.slice(0, 12) })).items.map((p) => p.code)).not.toContain(delisted.code);
    const detail = await getProduct(delisted.code, buyer);
    expect(detail.product.status).toBe('delisted');
    expect(detail.substitutes.length).toBeGreaterThanOrEqual(2);
    expect(detail.substitutes.every((p) => p.category === delisted.category && p.status === 'listed')).toBe(true);
  });
});

describe('the product page (getProduct): what the page shows, in the order it shows it (issue 14)', () => {
  const hourlyOnly = seedProducts.find((p) => p.status !== 'delisted' && p.skus.every((s) => s.model === 'hourly'))!;
  const regionOrder = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1', 'us-west-1'];

  it('offers licenses with the hourly launch besides, in the buyer’s region, launching the newest version (MKT-2)', async () => {
    const buyer = await richBuyer();
    await db().insert(users).values({ id: buyer.userId!, name: 'Buyer', email: `${buyer.accountId}@example.test`, accountId: buyer.accountId, regionId: 'cn-beijing', createdAt: new Date(), updatedAt: new Date() });
    const detail = await getProduct(LNMP, buyer);
    expect(detail.versions.map((v) => v.version)).toEqual(['2.0.0', '1.0.0']);
    expect(detail.regions).toEqual(regionOrder);
    expect(detail.versions[0].images.map((i) => i.regionId)).toEqual(regionOrder);
    expect(detail.offer).toEqual({ kind: 'licenses', skus: [{ code: skuCode(LNMP, 'per_instance'), pricingModel: 'per_instance', priceFen: 9900 }], hourly: { code: skuCode(LNMP, 'hourly'), priceFen: 20 }, defaultRegion: 'cn-beijing' });
    expect(detail.launchImages).toEqual(Object.fromEntries(await Promise.all(regionOrder.map(async (r) => [r, await productImage(LNMP, r, '2.0.0')]))));
  });

  it('lists the buyer’s licenses in the console’s region order, not by region id', async () => {
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 1, 'cn-beijing');
    await buy(buyer, LNMP, 2, 'cn-hangzhou');
    expect((await getProduct(LNMP, buyer)).myLicenses!.map((g) => [g.regionId, g.available])).toEqual([
      ['cn-hangzhou', 2],
      ['cn-beijing', 1],
    ]);
  });

  it('offers only a launch for an hourly product, nothing for a delisted one; a visitor starts in the first region', async () => {
    expect((await getProduct(hourlyOnly.code, null)).offer).toEqual({ kind: 'hourly', hourly: { code: skuCode(hourlyOnly.code, 'hourly'), priceFen: hourlyOnly.skus[0].priceFen }, defaultRegion: (hourlyOnly.regions ?? regionOrder)[0] });
    expect((await getProduct(delisted.code, null)).offer).toEqual({ kind: 'delisted' });
    expect(await getProduct(LNMP, null)).toMatchObject({ offer: { defaultRegion: 'cn-hangzhou' }, myLicenses: null });
  });
});

describe('marketplace search', () => {
  it('finds a product by a word of its title (FTS5)', async () => {
    expect((await searchProducts({ q: 'LNMP' })).items.map((p) => p.code)).toEqual([LNMP]);
    expect((await searchProducts({ q: 'lnmp nginx' })).items.map((p) => p.code)).toEqual([LNMP]);
  });

  it('finds Chinese titles and takes FTS syntax in the query literally', async () => {
    const chinese = seedProducts.find((p) => /[\u4e00-\u9fa5]{3}/.test(p.title))!;
    const word = chinese.title.match(/[\u4e00-\u9fa5]{3,}/)![0];
    expect((await searchProducts({ q: word })).items.map((p) => p.code)).toContain(chinese.code);
    expect((await searchProducts({ q: '"AND OR NEAR(' })).total).toBe(0);
  });

  it('filters by category, OS, pricing model, region and price, and sorts by price', async () => {
    const all = await searchProducts({ pageSize: 60 });
    expect(all.total).toBe(seedProducts.filter((p) => p.status !== 'delisted').length);
    for (const p of (await searchProducts({ category: 'database', pageSize: 60 })).items) expect(p.category).toBe('database');
    for (const p of (await searchProducts({ os: 'windows', pageSize: 60 })).items) expect(p.osType).toBe('windows');
    const hourly = (await searchProducts({ pricing: 'hourly', pageSize: 60 })).items.map((p) => p.code);
    expect(hourly.sort()).toEqual(seedProducts.filter((p) => p.status !== 'delisted' && p.skus.some((s) => s.model === 'hourly')).map((p) => p.code).sort());
    expect((await searchProducts({ region: 'cn-hangzhou', pageSize: 60 })).items.map((p) => p.code)).not.toContain(notInHangzhou.code);
    const cheap = (await searchProducts({ maxPriceFen: 0, pageSize: 60 })).items;
    expect(cheap.length).toBeGreaterThanOrEqual(6);
    expect(cheap.every((p) => p.fromPrice.priceFen === 0)).toBe(true);
    const page2 = await searchProducts({ pageSize: 10, page: 2 });
    expect(page2.items).toHaveLength(10);
  });
});

describe('issue 16: price sort and range compare like with like', () => {
  const listed = seedProducts.filter((p) => p.status !== 'delisted');
  /** What the domain says a product is compared by: its cheapest SKU's monthly equivalent, or the chosen model's price. */
  const expected = (code: string, model?: PricingModel) => {
    const skus = listed.find((p) => p.code === code)!.skus.filter((s) => !model || s.model === model);
    return Math.min(...skus.map((s) => (model ? s.priceFen : monthlyEquivalentFen(s.model, s.priceFen))));
  };
  const ascending = (figures: number[]) => figures.every((f, i) => i === 0 || figures[i - 1] <= f);

  it('without a pricing model, sorts by the monthly equivalent (hourly × 730, yearly ÷ 12) and each card says which SKU and figure', async () => {
    const items = (await searchProducts({ sort: 'price_asc', pageSize: 60 })).items;
    expect(items).toHaveLength(listed.length);
    for (const p of items) {
      expect(p.fromPrice.compared).toBe('monthly');
      expect(p.fromPrice.comparedFen).toBe(expected(p.code));
      expect(monthlyEquivalentFen(p.fromPrice.pricingModel, p.fromPrice.priceFen)).toBe(p.fromPrice.comparedFen);
    }
    expect(ascending(items.map((p) => p.fromPrice.comparedFen))).toBe(true);
    const descending = (await searchProducts({ sort: 'price_desc', pageSize: 60 })).items.map((p) => p.fromPrice.comparedFen);
    expect(ascending([...descending].reverse())).toBe(true);
    // LNMP: ¥99.00 one-time is cheaper than ¥0.20/hour × 730 = ¥146.00 a month.
    expect(items.find((p) => p.code === LNMP)!.fromPrice).toEqual({ pricingModel: 'per_instance', priceFen: 9900, comparedFen: 9900, compared: 'monthly' });
  });

  it('with a pricing model chosen, sorts and filters by that model’s own price', async () => {
    const hourly = (await searchProducts({ pricing: 'hourly', sort: 'price_asc', pageSize: 60 })).items;
    expect(hourly.length).toBeGreaterThan(1);
    expect(hourly.every((p) => p.fromPrice.pricingModel === 'hourly' && p.fromPrice.compared === 'model' && p.fromPrice.priceFen === expected(p.code, 'hourly'))).toBe(true);
    expect(ascending(hourly.map((p) => p.fromPrice.priceFen))).toBe(true);
    // LNMP's hourly ¥0.20 is within ¥0–¥0.20 per hour, although its one-time price is ¥99.
    expect((await searchProducts({ pricing: 'hourly', maxPriceFen: 20, pageSize: 60 })).items.map((p) => p.code)).toContain(LNMP);
    expect((await searchProducts({ pricing: 'per_instance', maxPriceFen: 20, pageSize: 60 })).items.map((p) => p.code)).not.toContain(LNMP);
  });

  it('without a model, a price range bounds the monthly equivalent', async () => {
    const [min, max] = [5_000, 20_000];
    const inRange = (await searchProducts({ minPriceFen: min, maxPriceFen: max, pageSize: 60 })).items.map((p) => p.code).sort();
    expect(inRange).toEqual(listed.filter((p) => expected(p.code) >= min && expected(p.code) <= max).map((p) => p.code).sort());
    expect(inRange).toContain(LNMP);
  });
});

describe('launch preview (product.md §10)', () => {
  it('says what a launch needs, the shortfall and its cost, before anything happens', async () => {
    const { previewLaunch } = await import('./launch-preview');
    const buyer = await richBuyer();
    await buy(buyer, LNMP, 2);
    const preview = await previewLaunch(buyer, { regionId: 'cn-hangzhou', imageId: await productImage(LNMP), instanceTypeId: 'ecs.t6-c1m1.large', amount: 3 });
    expect(preview).toMatchObject({ productCode: LNMP, needed: 3, available: 2, shortfall: 1 });
    // Each option also carries the lines it charges (launch-charges.test.ts checks those against the ledger).
    expect(preview.options).toHaveLength(2);
    expect(preview.options).toMatchObject([
      { skuCode: skuCode(LNMP, 'per_instance'), pricingModel: 'per_instance', priceFen: 9900, costFen: 9900, covers: 'shortfall' },
      { skuCode: skuCode(LNMP, 'hourly'), pricingModel: 'hourly', priceFen: 20, costFen: 0, covers: 'launch' },
    ]);
    expect((await licensesOf(buyer, LNMP)).every((l) => l.status === 'available')).toBe(true);
    const enough = await previewLaunch(buyer, { regionId: 'cn-hangzhou', imageId: await productImage(LNMP), instanceTypeId: 'ecs.t6-c1m1.large', amount: 2 });
    expect(enough.shortfall).toBe(0);
    expect(enough.options.map((o) => o.covers)).toEqual(['launch']);
  });

  it('offers nothing to buy for a delisted product, and nothing is needed for a system image', async () => {
    const { previewLaunch } = await import('./launch-preview');
    const buyer = await richBuyer();
    expect(await previewLaunch(buyer, { regionId: 'cn-hangzhou', imageId: await productImage(delisted.code), instanceTypeId: 'ecs.t6-c1m1.large', amount: 1 })).toMatchObject({ shortfall: 1, options: [], productStatus: 'delisted' });
  });
});
