// Marketplace vocabulary (MKT-1, MKT-2): product codes, categories, pricing models.

export const pricingModels = ['free', 'per_instance', 'hourly', 'monthly', 'yearly'] as const;
export type PricingModel = (typeof pricingModels)[number];

export const categories = ['web', 'database', 'security', 'ai', 'devops', 'windows', 'bigdata', 'os', 'monitoring', 'ecommerce'] as const;
export type Category = (typeof categories)[number];

export const productStatuses = ['draft', 'in_review', 'listed', 'rejected', 'delisted'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** MKT-8: the products a buyer may see, listed or delisted; drafts and rejected ones do not exist for them. */
export const publicProductStatuses = ['listed', 'delisted'] as const satisfies readonly ProductStatus[];

export function isPublicProduct(status: string): boolean {
  return (publicProductStatuses as readonly string[]).includes(status);
}

/** MKT-11: the pricing models whose licenses end and renew by a period. */
export const subscriptionModels = ['monthly', 'yearly'] as const satisfies readonly PricingModel[];
export type SubscriptionModel = (typeof subscriptionModels)[number];

export function isSubscriptionModel(model: string | null | undefined): model is SubscriptionModel {
  return (subscriptionModels as readonly (string | null | undefined)[]).includes(model);
}

/** Product codes look like Alibaba's: four lowercase letters and six digits (e.g. jxsc000204). */
export function isProductCode(value: string): boolean {
  return /^[a-z]{4}[0-9]{6}$/.test(value);
}

/** MKT-2: hourly images are bought only together with an instance launch. */
export function isBoughtAlone(model: PricingModel): boolean {
  return model !== 'hourly';
}

/** What buyers read of a product (SEL-7), enforced by publishing's productInfoSchema; here so the browser's form can read them without publishing's server-side imports. */
export const PRODUCT_TITLE_MAX = 120;
export const PRODUCT_SUMMARY_MAX = 200;
export const PRODUCT_DESCRIPTION_MAX = 5000;

export const MAX_PURCHASE_QUANTITY = 100;
/** A search query longer than this is cut (from a URL) or refused (by the service). */
export const SEARCH_QUERY_MAX = 100;

/** SKUs in a fixed order: free, one-time, hourly, monthly, yearly. */
export function byPricingModel(a: { pricingModel: string }, b: { pricingModel: string }): number {
  return pricingModels.indexOf(a.pricingModel as PricingModel) - pricingModels.indexOf(b.pricingModel as PricingModel);
}
