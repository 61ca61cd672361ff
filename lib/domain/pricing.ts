// Order amounts and how a sale is split (MKT-2, SEL-8), in integer fen.
import { CloudError } from './errors';
import { isBoughtAlone, MAX_PURCHASE_QUANTITY, type PricingModel } from './marketplace';
import { assertFen, timesFen, type Fen } from './money';

export type PricedOrder = { unitPriceFen: Fen; quantity: number; amountFen: Fen };

export function priceOrder(sku: { pricingModel: PricingModel; priceFen: Fen }, quantity: number): PricedOrder {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_PURCHASE_QUANTITY) {
    throw new CloudError('InvalidParameter.Quantity', {}, 'quantity');
  }
  // An hourly SKU charges by the hour once running (MKT-10): nothing is paid up front.
  const unitPriceFen = sku.pricingModel === 'hourly' ? 0 : assertFen(sku.priceFen);
  return { unitPriceFen, quantity, amountFen: timesFen(unitPriceFen, quantity) };
}

export function assertBuyableAlone(model: PricingModel): void {
  if (!isBoughtAlone(model)) throw new CloudError('InvalidSku.HourlyWithInstance', {}, 'skuCode');
}

/** The platform's commission is rounded down to a whole fen; the seller gets the rest. */
export function splitSale(amountFen: Fen, commissionBps: number): { platformFen: Fen; sellerFen: Fen } {
  assertFen(amountFen);
  const platformFen = Math.floor((amountFen * commissionBps) / 10_000);
  return { platformFen, sellerFen: amountFen - platformFen };
}

/** When a subscription license bought now ends (MKT-11); one-time, free and hourly ones never do. */
export function subscriptionEnd(model: PricingModel, from: Date): Date | null {
  if (model !== 'monthly' && model !== 'yearly') return null;
  return shiftTerm(model, from, 1);
}

/** A subscription's end moved by whole periods: forward for a renewal, back when a renewal is refunded. */
export function shiftTerm(model: 'monthly' | 'yearly', end: Date, periods: number): Date {
  const shifted = new Date(end);
  shifted.setUTCMonth(shifted.getUTCMonth() + periods * (model === 'monthly' ? 1 : 12));
  return shifted;
}

/** MKT-11: a renewal buys 1 to 12 more periods of the same SKU. */
export const MAX_RENEWAL_PERIODS = 12;
