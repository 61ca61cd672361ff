// What a launch will need before it happens (product.md §10): the licenses it uses, the
// shortfall and the ways to pay for it. Each way offered is one decideLaunch accepts, on the
// facts the launch itself loads; nothing is changed.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { products } from '../../db/schema';
import type { Actor } from '../domain/actor';
import type { LaunchNeed } from '../domain/entitlement';
import type { CloudErrorCode, CloudErrorParams } from '../domain/errors';
import { MAX_LAUNCH_AMOUNT } from '../domain/launch';
import { decideLaunch } from '../domain/launch-decision';
import { isBoughtAlone, type PricingModel } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { requireVisibleImage } from './catalogue';
import { loadLaunchFacts } from './launch-facts';
import { read } from './transaction';

export type PaymentOption = { skuCode: string; pricingModel: PricingModel; priceFen: number; costFen: number; covers: 'shortfall' | 'launch' };

export type LaunchPreview = LaunchNeed & {
  productTitle: string | null;
  productStatus: string | null;
  /** Ways to pay: buy the shortfall with one of these, or (hourly) buy one per instance with the launch. */
  options: PaymentOption[];
  /** Why the launch cannot happen whichever way is chosen; null when it can. */
  refusal: { code: CloudErrorCode; params: CloudErrorParams } | null;
};

const previewSchema = z.object({
  regionId: z.string().min(1),
  imageId: z.string().min(1),
  instanceTypeId: z.string().min(1),
  amount: z.coerce.number().int().min(1).max(MAX_LAUNCH_AMOUNT),
});

export function previewLaunch(actor: Actor, input: unknown): LaunchPreview {
  authorize(actor, 'instance.run');
  const request = parseInput(previewSchema, input, { amount: 'InvalidParameter.Amount', imageId: 'InvalidImageId.NotFound', regionId: 'RegionId.NotFound', instanceTypeId: 'InvalidInstanceType.ValueNotSupported' });
  return read((db) => {
    // An image the caller cannot see has nothing to preview: it does not exist for them.
    requireVisibleImage(db, actor, request.imageId, request.regionId);
    const facts = loadLaunchFacts(db, actor, request);
    const held = decideLaunch(facts, { amount: request.amount });
    // Every SKU that buys something for this launch: the hourly one always, another only when licenses are short.
    const tried = facts.skus
      .filter((sku) => !isBoughtAlone(sku.pricingModel) || held.need.shortfall > 0)
      .map((sku) => ({ sku, decision: decideLaunch(facts, { amount: request.amount, skuCode: sku.code, buyShortfall: true }) }));
    const options = tried.flatMap(({ sku, decision }): PaymentOption[] =>
      decision.ok && decision.buy ? [{ skuCode: sku.code, pricingModel: sku.pricingModel, priceFen: sku.priceFen, costFen: decision.buy.costFen, covers: isBoughtAlone(sku.pricingModel) ? 'shortfall' : 'launch' }] : [],
    );
    // When nothing works, the answer to a way of buying says more than "licenses are short".
    const answer = tried[0]?.decision ?? held;
    const refused = !held.ok && options.length === 0 && !answer.ok ? answer.refusal : null;
    const product = held.need.productCode ? db.select({ title: products.title, status: products.status }).from(products).where(eq(products.code, held.need.productCode)).get() : undefined;
    return {
      ...held.need,
      productTitle: product?.title ?? null,
      productStatus: product?.status ?? null,
      options,
      refusal: refused && { code: refused.code, params: refused.params },
    };
  });
}
