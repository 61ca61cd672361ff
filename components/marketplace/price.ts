// How a price reads for its pricing model (MKT-2): "Free", "¥99.00 one-time", "¥0.20/hour"…
import type { PricingModel } from '@/lib/domain/marketplace';
import { formatFen } from '@/lib/domain/money';

type Translate = (key: string, values?: Record<string, string | number>) => string;

const keys: Record<PricingModel, string> = {
  free: 'price.free',
  per_instance: 'price.oneTime',
  hourly: 'price.perHour',
  monthly: 'price.perMonth',
  yearly: 'price.perYear',
};

/** `t` is a translator of the `marketplace` namespace. */
export function priceLabel(t: Translate, model: PricingModel, priceFen: number): string {
  if (model === 'free' || priceFen === 0) return t('price.free');
  return t(keys[model], { price: formatFen(priceFen) });
}

/** Next to the model's name, "one-time" goes without saying, and so does "free". */
export function shortPrice(t: Translate, model: PricingModel, priceFen: number): string {
  return model === 'per_instance' || model === 'free' ? formatFen(priceFen) : priceLabel(t, model, priceFen);
}
