// What a launch will need before it happens (product.md §10): the licenses it uses, the
// shortfall and what buying it costs. The same rule as runInstances, asked without changing anything.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { products, skus } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { launchNeed, type LaunchNeed } from '../domain/entitlement';
import { MAX_LAUNCH_AMOUNT } from '../domain/launch';
import { byPricingModel, isBoughtAlone, type PricingModel } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { priceOrder } from '../domain/pricing';
import { parseInput } from '../domain/validation';
import { requireVisibleImage } from './catalogue';
import { availableLicenseCount } from './licenses';
import { read } from './transaction';

export type PaymentOption = { skuCode: string; pricingModel: PricingModel; priceFen: number; costFen: number; covers: 'shortfall' | 'launch' };

export type LaunchPreview = LaunchNeed & {
  productTitle: string | null;
  productStatus: string | null;
  /** Ways to pay: buy the shortfall with one of these, or (hourly) buy one per instance with the launch. */
  options: PaymentOption[];
};

const previewSchema = z.object({ regionId: z.string().min(1), imageId: z.string().min(1), amount: z.coerce.number().int().min(1).max(MAX_LAUNCH_AMOUNT) });

export function previewLaunch(actor: Actor, input: unknown): LaunchPreview {
  authorize(actor, 'instance.run');
  const request = parseInput(previewSchema, input, { amount: 'InvalidParameter.Amount', imageId: 'InvalidImageId.NotFound', regionId: 'RegionId.NotFound' });
  return read((db) => {
    const image = requireVisibleImage(db, actor, request.imageId, request.regionId);
    const available = image.productCode ? availableLicenseCount(db, actor.accountId, image.productCode, request.regionId) : 0;
    const need = launchNeed({ productCode: image.productCode, regionId: request.regionId, amount: request.amount, available });
    if (!image.productCode) return { ...need, productTitle: null, productStatus: null, options: [] };
    const product = db.select().from(products).where(eq(products.code, image.productCode)).get();
    // A delisted product sells nothing more (MKT-8): only licenses already held can launch it.
    const offered = product?.status === 'listed' ? db.select().from(skus).where(eq(skus.productCode, image.productCode)).all().sort(byPricingModel) : [];
    const options = offered.flatMap((sku): PaymentOption[] => {
      const model = sku.pricingModel as PricingModel;
      if (!isBoughtAlone(model)) return [{ skuCode: sku.code, pricingModel: model, priceFen: sku.priceFen, costFen: 0, covers: 'launch' }];
      if (need.shortfall === 0) return [];
      return [{ skuCode: sku.code, pricingModel: model, priceFen: sku.priceFen, costFen: priceOrder({ pricingModel: model, priceFen: sku.priceFen }, need.shortfall).amountFen, covers: 'shortfall' }];
    });
    return { ...need, productTitle: product?.title ?? null, productStatus: product?.status ?? null, options };
  });
}
