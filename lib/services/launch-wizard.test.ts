// Issue 13: the launch wizard loads marketplace products a page at a time, searched in the
// database, instead of every marketplace image of the region in the page. The pages together
// offer exactly what the wizard offered before (the newest version of each listed product, and a
// delisted one only to a buyer holding its licenses there, MKT-8), in the same order.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, products, productVersions } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { fund } from '../../tests/helpers/marketplace';
import { delistProduct, skuCode } from '../seed/marketplace';
import type { Actor } from '../domain/actor';
import { publicProductStatuses } from '../domain/marketplace';
import { listLicenses } from './licenses';
import { offeringImages } from './catalogue';
import { purchaseLicenses } from './orders';
import { MARKETPLACE_PAGE_SIZE, marketplaceLaunchImage, marketplaceLaunchPage } from './launch-wizard';

const { db } = throwawayDatabase();
const REGION = 'cn-hangzhou';
const LNMP = 'lnmp000101'; // versions 1.0.0 and 2.0.0 in every region
let holder: Actor;
let other: Actor;

beforeAll(async () => {
  await seedTestMarketplace(db());
  holder = await newBuyer('Holder');
  other = await newBuyer('Other');
  await fund(holder, 100_000);
  await purchaseLicenses(holder, { productCode: LNMP, skuCode: skuCode(LNMP, 'per_instance'), regionId: REGION, quantity: 1 });
  await delistProduct(db(), LNMP, new Date());
});

/** What the wizard embedded before issue 13 (marketplaceImagesIn, kept here as the reference): every product's newest image in the region, listed or held. */
async function everyOffer(actor: Actor): Promise<string[]> {
  const held = new Set((await listLicenses(actor)).filter((g) => g.regionId === REGION).map((g) => g.productCode));
  const rows = await db()
    .select({ image: images, status: products.status })
    .from(images)
    .innerJoin(products, eq(products.code, images.productCode))
    .innerJoin(productVersions, and(eq(productVersions.productCode, images.productCode), eq(productVersions.version, images.productVersion)))
    .where(and(offeringImages(REGION), inArray(products.status, publicProductStatuses)))
    .orderBy(asc(products.title), desc(productVersions.sortOrder));
  const newest = new Set<string>();
  return rows
    .filter((r) => !newest.has(r.image.productCode!) && (newest.add(r.image.productCode!), r.status === 'listed' || held.has(r.image.productCode!)))
    .map((r) => r.image.id);
}

async function allPages(actor: Actor, q = ''): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await marketplaceLaunchPage(actor, { regionId: REGION, q, page });
    expect(answer.items.length).toBeLessThanOrEqual(MARKETPLACE_PAGE_SIZE);
    ids.push(...answer.items.map((i) => i.id));
    if (!answer.more) return ids;
  }
}

describe('the launch wizard’s marketplace products, a page at a time (issue 13)', () => {
  it('the pages together are what the wizard offered before, in the same order, each but the last saying there is more', async () => {
    for (const actor of [holder, other]) {
      const expected = await everyOffer(actor);
      expect(expected.length).toBeGreaterThan(MARKETPLACE_PAGE_SIZE);
      expect(await allPages(actor)).toEqual(expected);
      expect(await marketplaceLaunchPage(actor, { regionId: REGION, page: Math.ceil(expected.length / MARKETPLACE_PAGE_SIZE) + 1 })).toMatchObject({ items: [], more: false });
    }
  });

  it('MKT-8: a delisted product is offered only to the buyer who holds its licenses in the region, marked delisted', async () => {
    const held = (await marketplaceLaunchPage(holder, { regionId: REGION, q: 'lnmp' })).items.filter((i) => i.productCode === LNMP);
    expect(held).toMatchObject([{ productStatus: 'delisted', productVersion: '2.0.0' }]);
    expect((await marketplaceLaunchPage(other, { regionId: REGION, q: 'lnmp' })).items.some((i) => i.productCode === LNMP)).toBe(false);
  });

  it('searches every word in the title, the product code or the platform, case aside', async () => {
    const answer = await marketplaceLaunchPage(other, { regionId: REGION, q: 'UBUNTU  nginx' });
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.items.every((i) => `${i.description} ${i.productCode} ${i.platform}`.toLowerCase().includes('ubuntu') && `${i.description} ${i.productCode} ${i.platform}`.toLowerCase().includes('nginx'))).toBe(true);
    expect(await marketplaceLaunchPage(other, { regionId: REGION, q: 'no-such-product-anywhere' })).toMatchObject({ items: [], more: false });
  });

  it('the image the wizard is opened with is found when it is a launchable product’s newest image in the region', async () => {
    const newest = (await marketplaceLaunchPage(holder, { regionId: REGION, q: LNMP })).items[0];
    expect(await marketplaceLaunchImage(holder, REGION, newest.id)).toEqual(newest);
    expect(await marketplaceLaunchImage(other, REGION, newest.id)).toBeNull(); // delisted, not held
    expect(await marketplaceLaunchImage(holder, 'cn-shanghai', newest.id)).toBeNull();
    expect(await marketplaceLaunchImage(holder, REGION, 'm-nothing')).toBeNull();
  });
});
