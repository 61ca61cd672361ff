// What a launch will need before it happens (product.md §10): the licenses it uses, the
// shortfall and the ways to pay for it. Each way offered is one decideLaunch accepts, on the
// facts the launch itself loads; nothing is changed.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { instanceTypes, products } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import type { LaunchNeed } from '../domain/entitlement';
import type { CloudErrorCode, CloudErrorParams } from '../domain/errors';
import { MAX_LAUNCH_AMOUNT } from '../domain/launch-limits';
import { launchCharges, type LaunchCharges } from '../domain/launch-charges';
import { decideLaunch, type LaunchDecision, type LaunchFacts } from '../domain/launch-decision';
import { isBoughtAlone, type PricingModel } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { requireVisibleImage } from './catalogue';
import { loadLaunchFacts } from './launch-facts';
import { poolHourlyFees } from './licenses';
import { read } from './transaction';

/** `charges`: every line the launch charges when paid this way (issue 16). */
export type PaymentOption = { skuCode: string; pricingModel: PricingModel; priceFen: number; costFen: number; covers: 'shortfall' | 'launch'; charges: LaunchCharges };

export type LaunchPreview = LaunchNeed & {
  productTitle: string | null;
  productStatus: string | null;
  /** Ways to pay: buy the shortfall with one of these, or (hourly) buy one per instance with the launch. */
  options: PaymentOption[];
  /** What the launch charges without buying anything (held licenses, or an image without a product); null when it cannot. */
  charges: LaunchCharges | null;
  /** Why the launch cannot happen whichever way is chosen; null when it can. */
  refusal: { code: CloudErrorCode; params: CloudErrorParams } | null;
};

const previewSchema = z.object({
  regionId: z.string().min(1),
  imageId: z.string().min(1),
  instanceTypeId: z.string().min(1),
  amount: z.coerce.number().int().min(1).max(MAX_LAUNCH_AMOUNT),
});

export async function previewLaunch(actor: Actor, input: unknown): Promise<LaunchPreview> {
  authorize(actor, 'instance.run');
  const request = parseInput(previewSchema, input, { amount: 'InvalidParameter.Amount', imageId: 'InvalidImageId.NotFound', regionId: 'RegionId.NotFound', instanceTypeId: 'InvalidInstanceType.ValueNotSupported' });
  return await read(async (db) => {
    // An image the caller cannot see has nothing to preview: it does not exist for them.
    await requireVisibleImage(db, actor, request.imageId, request.regionId);
    const facts = await loadLaunchFacts(db, actor, request);
    const held = decideLaunch(facts, { amount: request.amount });
    // Every SKU that buys something for this launch: the hourly one always, another only when licenses are short.
    const tried = facts.skus
      .filter((sku) => !isBoughtAlone(sku.pricingModel) || held.need.shortfall > 0)
      .map((sku) => ({ sku, decision: decideLaunch(facts, { amount: request.amount, skuCode: sku.code, buyShortfall: true }) }));
    const computeFenPerHour = (await db.select({ fen: instanceTypes.hourlyPriceFen }).from(instanceTypes).where(eq(instanceTypes.id, request.instanceTypeId)).limit(1)).at(0)?.fen ?? 0;
    const pool = held.need.productCode ? await poolHourlyFees(db, actor.accountId, held.need.productCode, request.regionId, request.amount) : [];
    const charged = (decision: LaunchDecision) => chargesOf(facts, decision, { amount: request.amount, computeFenPerHour, pool });
    const options = tried.flatMap(({ sku, decision }): PaymentOption[] =>
      decision.ok && decision.buy
        ? [{ skuCode: sku.code, pricingModel: sku.pricingModel, priceFen: sku.priceFen, costFen: decision.buy.costFen, covers: isBoughtAlone(sku.pricingModel) ? 'shortfall' : 'launch', charges: charged(decision)! }]
        : [],
    );
    // When nothing works, the answer to a way of buying says more than "licenses are short".
    const answer = tried[0]?.decision ?? held;
    const refused = !held.ok && options.length === 0 && !answer.ok ? answer.refusal : null;
    const product = held.need.productCode ? (await db.select({ title: products.title, status: products.status }).from(products).where(eq(products.code, held.need.productCode)).limit(1)).at(0) : undefined;
    return {
      ...held.need,
      productTitle: product?.title ?? null,
      productStatus: product?.status ?? null,
      options,
      charges: charged(held),
      refusal: refused && { code: refused.code, params: refused.params },
    };
  });
}

/**
 * The charges of a launch decideLaunch accepted: the licenses it bought are bound after the
 * pool's (consumeLicenses takes the oldest first), so each instance's hourly fee is its license's.
 */
function chargesOf(facts: LaunchFacts, decision: LaunchDecision, launch: { amount: number; computeFenPerHour: number; pool: number[] }): LaunchCharges | null {
  if (!decision.ok) return null;
  const { buy } = decision;
  const sku = buy && facts.skus.find((s) => s.code === buy.skuCode);
  const bought = buy && sku ? Array.from({ length: buy.quantity }, () => (sku.pricingModel === 'hourly' ? sku.priceFen : 0)) : [];
  return launchCharges({
    amount: launch.amount,
    computeFenPerHour: launch.computeFenPerHour,
    imageFeesPerHour: [...launch.pool, ...bought].slice(0, launch.amount),
    purchase: buy && sku ? { ...buy, unitFen: sku.priceFen } : null,
    balanceFen: facts.limits.balanceFen,
    now: clock.now(),
  });
}
