// Whether a launch (RunInstances) may go ahead and what it buys first (MKT-2, MKT-4, MKT-8,
// MKT-12, issue 12), decided from facts the service loads. The launch and its preview (the
// wizard's entitlement panel) both ask this one function, so they cannot disagree.
import { CloudError } from './errors';
import { launchNeed, shortfallError, type LaunchNeed } from './entitlement';
import { imageUnavailable } from './images';
import { arrearsRefusal, launchRefusal, type LaunchLimits } from './launch-limits';
import type { PricingModel } from './marketplace';
import { priceOrder, saleRefusal, unpaidOrderRefusal } from './pricing';

export type LaunchImage = { id: string; status: string; productCode: string | null };
export type LaunchType = { id: string; vcpu: number };
export type LaunchSku = { code: string; pricingModel: PricingModel; priceFen: number };

export type LaunchFacts = {
  regionId: string;
  regionExists: boolean;
  imageId: string;
  /** The image as the caller may see it in the region; null when it does not exist for them. */
  image: LaunchImage | null;
  instanceTypeId: string;
  instanceType: LaunchType | null;
  /** The wallet (below zero: arrears), the quotas and what the account already has in the region. */
  limits: LaunchLimits;
  /** The rest is about the image's product, when it has a code. */
  productStatus: string | null;
  /** MKT-1: one of the product's versions has an image in the region. */
  offered: boolean;
  skus: LaunchSku[];
  /** Usable licenses of the product the account holds in the region. */
  available: number;
};

export type LaunchChoice = {
  amount: number;
  /** A SKU to buy with the launch: the hourly one, or the one that buys the shortfall. */
  skuCode?: string;
  buyShortfall?: boolean;
};

export type LaunchPurchase = { skuCode: string; pricingModel: PricingModel; quantity: number; costFen: number };

export type LaunchDecision =
  | { ok: true; need: LaunchNeed; image: LaunchImage; instanceType: LaunchType; buy: LaunchPurchase | null }
  | { ok: false; need: LaunchNeed; refusal: CloudError };

/** The checks in the order the launch has always made them: the first that fails is the answer. */
export function decideLaunch(facts: LaunchFacts, choice: LaunchChoice): LaunchDecision {
  const { image, instanceType, limits } = facts;
  const productCode = image?.productCode ?? null;
  const need = launchNeed({ productCode, regionId: facts.regionId, amount: choice.amount, available: facts.available });
  const refuse = (refusal: CloudError): LaunchDecision => ({ ok: false, need, refusal });

  if (!facts.regionExists) return refuse(new CloudError('RegionId.NotFound', { regionId: facts.regionId }, 'regionId'));
  const arrears = arrearsRefusal(limits.balanceFen);
  if (arrears) return refuse(arrears);
  if (!image) return refuse(new CloudError('InvalidImageId.NotFound', { imageId: facts.imageId }, 'imageId'));
  const unavailable = imageUnavailable(image);
  if (unavailable) return refuse(unavailable);
  if (!instanceType) return refuse(new CloudError('InvalidInstanceType.ValueNotSupported', { instanceType: facts.instanceTypeId }, 'instanceTypeId'));
  // Checked before buying, so a launch that cannot happen buys nothing and says why.
  const limited = launchRefusal(limits, instanceType.vcpu, choice.amount);
  if (limited) return refuse(limited);
  const ok = (buy: LaunchPurchase | null): LaunchDecision => ({ ok: true, need, image, instanceType, buy });
  if (!productCode) return ok(null);

  const sku = choice.skuCode ? facts.skus.find((s) => s.code === choice.skuCode) : undefined;
  if (choice.skuCode && !sku) return refuse(new CloudError('InvalidSkuCode.NotFound', { skuCode: choice.skuCode }, 'skuCode'));
  // MKT-2: an hourly SKU buys one license per instance; another buys the shortfall when asked (MKT-3).
  const quantity = sku?.pricingModel === 'hourly' ? choice.amount : sku && choice.buyShortfall ? need.shortfall : 0;
  if (!sku || quantity === 0) return need.shortfall > 0 ? refuse(shortfallError(need)) : ok(null);

  const unsellable = saleRefusal({ productCode, productStatus: facts.productStatus, regionId: facts.regionId, regionExists: true, offered: facts.offered });
  if (unsellable) return refuse(unsellable);
  const costFen = priceOrder(sku, quantity).amountFen;
  const unpaid = unpaidOrderRefusal(limits.balanceFen, costFen);
  if (unpaid) return refuse(unpaid);
  // The minimum is what must be left for the compute once the launch's licenses are paid for.
  const leftShort = launchRefusal({ ...limits, balanceFen: limits.balanceFen - costFen }, instanceType.vcpu, choice.amount);
  if (leftShort) return refuse(leftShort);
  return ok({ skuCode: sku.code, pricingModel: sku.pricingModel, quantity, costFen });
}
