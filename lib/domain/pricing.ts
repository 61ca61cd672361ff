// Order amounts and how a sale is split (MKT-2, SEL-8), in integer fen.
import { CloudError } from './errors';
import { isBoughtAlone, isPublicProduct, isSubscriptionModel, MAX_PURCHASE_QUANTITY, type PricingModel, type SubscriptionModel } from './marketplace';
import { assertFen, formatFen, timesFen, type Fen } from './money';

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
  if (!isSubscriptionModel(model)) return null;
  return shiftTerm(model, from, 1);
}

/** A subscription's end moved by whole periods: forward for a renewal, back when a renewal is refunded. */
export function shiftTerm(model: SubscriptionModel, end: Date, periods: number): Date {
  const shifted = new Date(end);
  shifted.setUTCMonth(shifted.getUTCMonth() + periods * (model === 'monthly' ? 1 : 12));
  return shifted;
}

/** MKT-11: a renewal buys 1 to 12 more periods of the same SKU. */
export const MAX_RENEWAL_PERIODS = 12;

/**
 * Why licenses of a product cannot be sold in a region, or null (MKT-1, MKT-8): the product
 * must be public, not delisted, and offered there (one of its versions has an image in the region).
 */
export function saleRefusal(sale: { productCode: string; productStatus: string | null; regionId: string; regionExists: boolean; offered: boolean }): CloudError | null {
  const { productCode, regionId } = sale;
  if (!sale.productStatus || !isPublicProduct(sale.productStatus)) return new CloudError('InvalidProductCode.NotFound', { productCode }, 'productCode');
  if (sale.productStatus === 'delisted') return new CloudError('InvalidProduct.Delisted', { productCode }, 'productCode');
  if (!sale.regionExists) return new CloudError('RegionId.NotFound', { regionId }, 'regionId');
  if (!sale.offered) return new CloudError('InvalidRegion.NotOffered', { productCode, regionId }, 'regionId');
  return null;
}

/** An order the wallet cannot pay is refused, changing nothing. */
export function unpaidOrderRefusal(balanceFen: Fen, amountFen: Fen): CloudError | null {
  if (amountFen === 0 || balanceFen >= amountFen) return null;
  return new CloudError('InvalidAccountStatus.NotEnoughBalance', { reason: 'order', balance: formatFen(balanceFen), amount: formatFen(amountFen) });
}
