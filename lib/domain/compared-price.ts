// Issue 16: the marketplace sorts and filters prices of different pricing models like with
// like. Without a pricing model chosen, every SKU is compared by its monthly equivalent: an
// hourly price × 730 (the hours of an average month), a yearly price ÷ 12; a monthly price, a
// one-time price and free as they are. With a model chosen, that model's own price is compared.
import type { PricingModel } from './marketplace';

export const HOURS_PER_MONTH = 730;

/** The monthly equivalent is price × times ÷ per, rounded half up to whole fen. */
export const monthlyEquivalentRatio: Readonly<Record<PricingModel, { times: number; per: number }>> = {
  free: { times: 1, per: 1 },
  per_instance: { times: 1, per: 1 },
  hourly: { times: HOURS_PER_MONTH, per: 1 },
  monthly: { times: 1, per: 1 },
  yearly: { times: 1, per: 12 },
};

/**
 * The fen a SKU is compared by when no pricing model is chosen. Integer arithmetic only
 * (floor((2·price·times + per) ÷ 2·per) is price·times/per rounded half up), so the search's
 * SQL computes exactly the same figure with integer division (lib/services/marketplace.ts).
 */
export function monthlyEquivalentFen(model: PricingModel, priceFen: number): number {
  const { times, per } = monthlyEquivalentRatio[model];
  return Math.floor((2 * priceFen * times + per) / (2 * per));
}
