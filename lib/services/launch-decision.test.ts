// Issue 14: the launch preview and RunInstances ask one decision (decideLaunch), so the preview
// never offers a way to pay that the launch then refuses. A regression for the case that showed
// the old copy was partial, and a property over every kind of fact the decision reads.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images, instances, licenses, orders, platformSettings, products, skus } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { seedProducts } from '../../db/seed/marketplace-data';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { expectCloudError, fund, productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { decideLaunch } from '../domain/launch-decision';
import type { PricingModel } from '../domain/marketplace';
import { createAccount } from './accounts';
import { copyImage, createImage } from './images';
import { runInstances } from './instances';
import { loadLaunchFacts } from './launch-facts';
import { previewLaunch } from './launch-preview';
import { purchaseLicenses } from './orders';
import { creditWallet } from './wallet';

const { db } = throwawayDatabase();
beforeAll(async () => await seedTestMarketplace(db()));
afterEach(() => clock.reset());

const TYPE = 'ecs.t6-c1m1.large'; // 2 vCPUs
const REGION = 'cn-hangzhou';

async function richBuyer(): Promise<Actor> {
  const buyer = await newBuyer();
  await fund(buyer, 10_000_000);
  return buyer;
}

/** What runInstances answers, asked with DryRun: DryRunOperation when every check passed. */
async function launchAnswer(actor: Actor, request: Record<string, unknown>): Promise<string> {
  try {
    await runInstances(actor, { ...request, dryRun: true });
  } catch (error) {
    if (error instanceof CloudError) return error.code;
    throw error;
  }
  throw new Error('a DryRun launch always throws');
}

describe('a product-coded custom image copied to a region where the product is not sold (issue 14)', () => {
  it('the preview offers nothing to buy and says why; the launch refuses the same way (InvalidRegion.NotOffered)', async () => {
    await withoutLaunchMinimum(db());
    const product = seedProducts.find((p) => p.status !== 'delisted' && p.regions && !p.regions.includes(REGION) && p.skus.some((s) => s.model !== 'hourly'))!;
    const home = product.regions![0];
    const model = product.skus.find((s) => s.model !== 'hourly')!.model;
    const buyer = await richBuyer();
    await purchaseLicenses(buyer, { productCode: product.code, skuCode: skuCode(product.code, model), regionId: home, quantity: 1 });
    const [instanceId] = (await runInstances(buyer, { regionId: home, imageId: await productImage(product.code, home), instanceTypeId: TYPE, amount: 1 })).instanceIds;
    await settle();
    const { imageId: custom } = await createImage(buyer, { instanceId, name: 'with-product' });
    await settle();
    const { imageId: copy } = await copyImage(buyer, { imageId: custom, destinationRegionId: REGION });
    await settle();
    expect((await db().select().from(images).where(eq(images.id, copy)).limit(1)).at(0)).toMatchObject({ regionId: REGION, productCode: product.code, status: 'Available' });

    const preview = await previewLaunch(buyer, { regionId: REGION, imageId: copy, instanceTypeId: TYPE, amount: 1 });
    expect(preview).toMatchObject({ productCode: product.code, needed: 1, available: 0, shortfall: 1, options: [] });
    expect(preview.refusal).toEqual({ code: 'InvalidRegion.NotOffered', params: { productCode: product.code, regionId: REGION } });
    await expectCloudError(async () => await runInstances(buyer, { regionId: REGION, imageId: copy, instanceTypeId: TYPE, amount: 1, skuCode: skuCode(product.code, model), buyShortfall: true }), 'InvalidRegion.NotOffered');
  });
});

// ─── The property ────────────────────────────────────────────────────────────

type World = {
  balanceFen: number;
  minLaunchBalanceFen: number;
  instanceQuota: number;
  vcpuQuota: number;
  /** Instances the account already runs in the region (2 vCPUs each). */
  running: number;
  productCoded: boolean;
  imageStatus: 'Available' | 'Creating';
  productStatus: 'listed' | 'delisted' | 'rejected';
  offered: boolean;
  skus: { model: PricingModel; priceFen: number }[];
  heldLicenses: number;
  expiredLicenses: number;
  amount: number;
};

const models: PricingModel[] = ['free', 'per_instance', 'hourly', 'monthly'];
const world: fc.Arbitrary<World> = fc.record({
  balanceFen: fc.oneof(fc.constant(-100), fc.constant(0), fc.integer({ min: 0, max: 60_000 })),
  minLaunchBalanceFen: fc.constantFrom(0, 10_000),
  instanceQuota: fc.integer({ min: 1, max: 6 }),
  vcpuQuota: fc.integer({ min: 2, max: 14 }),
  running: fc.integer({ min: 0, max: 3 }),
  productCoded: fc.boolean(),
  imageStatus: fc.constantFrom('Available' as const, 'Available' as const, 'Creating' as const),
  productStatus: fc.constantFrom('listed' as const, 'listed' as const, 'delisted' as const, 'rejected' as const),
  offered: fc.boolean(),
  skus: fc.subarray(models).chain((chosen) => fc.tuple(...chosen.map((model) => fc.integer({ min: 0, max: 30_000 }).map((priceFen) => ({ model, priceFen }))))),
  heldLicenses: fc.integer({ min: 0, max: 3 }),
  expiredLicenses: fc.integer({ min: 0, max: 1 }),
  amount: fc.integer({ min: 1, max: 3 }),
});

let seller: string | undefined;
let n = 0;

async function setting(key: string, value: number): Promise<void> {
  await db().insert(platformSettings).values({ key, value, updatedAt: new Date() }).onConflictDoUpdate({ target: platformSettings.key, set: { value } });
}

/** A database holding exactly the world's facts: one account, one product, one image in the region. */
async function build(w: World): Promise<{ buyer: Actor; imageId: string; productCode: string }> {
  const sellerAccountId = (seller ??= await createAccount('Seller of generated products'));
  const productCode = `gena${String(++n).padStart(6, '0')}`;
  const buyer = await newBuyer();
  if (w.balanceFen !== 0) await creditWallet(buyer.accountId, w.balanceFen, 'test_credit');
  await setting('minLaunchBalanceFen', w.minLaunchBalanceFen);
  await setting('instanceQuotaPerRegion', w.instanceQuota);
  await setting('vcpuQuotaPerRegion', w.vcpuQuota);
  const now = clock.now();
  const image = { regionId: REGION, name: productCode, osType: 'linux', platform: 'Ubuntu', architecture: 'x86_64', sizeGib: 20, source: 'instance', createdAt: now };
  await db().insert(products).values({ code: productCode, sellerAccountId, title: productCode, category: 'web', summary: '-', description: '-', osType: 'linux', platform: 'Ubuntu', status: w.productStatus, createdAt: now });
  for (const sku of w.skus) await db().insert(skus).values({ code: skuCode(productCode, sku.model), productCode, pricingModel: sku.model, priceFen: sku.priceFen });
  if (w.offered) await db().insert(images).values({ ...image, id: newResourceId('m'), kind: 'marketplace', status: 'Available', productCode, source: 'published' });
  const imageId = newResourceId('m');
  await db().insert(images).values({ ...image, id: imageId, kind: 'custom', ownerAccountId: buyer.accountId, status: w.imageStatus, productCode: w.productCoded ? productCode : null });
  for (let i = 0; i < w.running; i++) {
    await db().insert(instances).values({ id: newResourceId('i'), accountId: buyer.accountId, regionId: REGION, instanceTypeId: TYPE, imageId, name: 'running', status: 'Running', meteredUntil: now, createdAt: now });
  }
  const held = w.skus.length ? w.heldLicenses + w.expiredLicenses : 0; // a license comes from an order of one of the SKUs
  if (held) {
    const orderId = newResourceId('o');
    const sku = w.skus[0];
    await db().insert(orders).values({ id: orderId, accountId: buyer.accountId, productCode, skuCode: skuCode(productCode, sku.model), pricingModel: sku.model, regionId: REGION, quantity: held, unitPriceFen: 0, amountFen: 0, status: 'paid', createdAt: now });
    for (let i = 0; i < held; i++) {
      const expiresAt = i < w.heldLicenses ? null : new Date(now.getTime() - 1000);
      await db().insert(licenses).values({ id: newResourceId('l'), accountId: buyer.accountId, productCode, regionId: REGION, orderId, pricingModel: sku.model, status: 'available', expiresAt, createdAt: now });
    }
  }
  return { buyer, imageId, productCode };
}

describe('the preview and the launch agree on every input (issue 14, MKT-2/4/8/12, issue 12)', () => {
  it('a way to pay is offered exactly when RunInstances accepts it, and a refusal is the one RunInstances gives', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const { buyer, imageId, productCode } = await build(w);
        const request = { regionId: REGION, imageId, instanceTypeId: TYPE, amount: w.amount };
        const preview = await previewLaunch(buyer, request);

        // The loader read the world the test built.
        const facts = await loadLaunchFacts(db(), buyer, request);
        expect(facts).toMatchObject({ offered: w.productCoded && w.offered, available: w.productCoded && w.skus.length ? w.heldLicenses : 0, limits: { balanceFen: w.balanceFen, instances: w.running } });

        // Using licenses already held: the preview allows it when nothing is short and nothing refuses.
        const held = await launchAnswer(buyer, request);
        expect(preview.shortfall === 0 && preview.refusal === null).toBe(held === 'DryRunOperation');
        const decision = decideLaunch(facts, request);
        expect(held).toBe(decision.ok ? 'DryRunOperation' : decision.refusal.code);

        // Each SKU, bought with the launch: offered exactly when the launch takes it.
        for (const sku of w.productCoded ? w.skus : []) {
          const code = skuCode(productCode, sku.model);
          const answer = await launchAnswer(buyer, { ...request, skuCode: code, buyShortfall: true });
          const buysNothing = sku.model !== 'hourly' && preview.shortfall === 0;
          const offered = preview.options.some((o) => o.skuCode === code) || (buysNothing && held === 'DryRunOperation');
          expect({ model: sku.model, offered }).toEqual({ model: sku.model, offered: answer === 'DryRunOperation' });
        }

        // When no way works, the preview's reason is what the launch answers to its first way of buying.
        if (preview.refusal) {
          const first = w.skus.find((s) => s.model === 'hourly' || preview.shortfall > 0);
          expect(await launchAnswer(buyer, first && w.productCoded ? { ...request, skuCode: skuCode(productCode, first.model), buyShortfall: true } : request)).toBe(preview.refusal.code);
        }
      }),
      { numRuns: 150 },
    );
  });
});
