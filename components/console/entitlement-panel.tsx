'use client';

import { useTranslations } from 'next-intl';
import { messageKeyOf } from '@/lib/domain/errors';
import { formatFen } from '@/lib/domain/money';
import type { LaunchPreview, PaymentOption } from '@/lib/services/launch-preview';
import type { ActionState } from '@/lib/auth/action';

/**
 * What a launch from a product-coded image needs, live (product.md §10): licenses needed,
 * available and short, and the ways to cover the shortfall. The chosen way is what the launch pays.
 */
/** The page's server action that previews a launch's entitlement. */
export type PreviewAction = (input: { regionId: string; imageId: string; instanceTypeId: string; amount: number }) => Promise<ActionState<LaunchPreview>>;

/** The wizard asks the preview (it also prices the summary); the panel shows its licenses part. */
export function EntitlementPanel({ preview, isFetching, amount, choice, onChoice }: { preview: LaunchPreview | null; isFetching: boolean; amount: number; choice: string; onChoice: (skuCode: string) => void }) {
  const t = useTranslations('entitlement');
  const te = useTranslations('errors');
  if (!preview || !preview.productCode) return isFetching ? <p className="text-sm text-slate-500">{t('checking')}</p> : null;

  const hourly = preview.options.find((o) => o.covers === 'launch');
  const buys = preview.options.filter((o) => o.covers === 'shortfall');
  const label = (o: PaymentOption) =>
    o.covers === 'launch' ? t('optionHourly', { price: formatFen(o.priceFen), count: amount }) : t('optionBuy', { count: preview.shortfall, model: t(`models.${o.pricingModel}`), cost: formatFen(o.costFen) });
  // The launch's own answer when no way of paying works (the same decision the launch makes).
  const refusal = preview.refusal && (preview.refusal.code === 'InvalidProduct.Delisted' ? t('delisted') : te(messageKeyOf(preview.refusal.code), preview.refusal.params));
  const options = [...(preview.shortfall === 0 ? [{ value: '', text: t('optionUseHeld', { count: preview.needed }) }] : []), ...buys.map((o) => ({ value: o.skuCode, text: label(o) })), ...(hourly ? [{ value: hourly.skuCode, text: label(hourly) }] : [])];

  return (
    <section className="rounded-lg border border-brand-100 bg-brand-50/60 p-4 text-sm" aria-label={t('title')} data-testid="entitlement">
      <p className="font-medium text-slate-900">{t('title')}</p>
      <p className="mt-1 text-slate-700">{t('explain', { product: preview.productTitle ?? preview.productCode, productCode: preview.productCode })}</p>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
        {(
          [
            ['needed', preview.needed],
            ['available', preview.available],
            ['shortfall', preview.shortfall],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className={`rounded-md bg-white px-2 py-2 ${key === 'shortfall' && value > 0 ? 'text-red-700 ring-1 ring-red-200' : ''}`}>
            <dt className="text-xs text-slate-500">{t(key)}</dt>
            <dd className="text-lg font-semibold" data-testid={`entitlement-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {refusal ? (
        <p className="mt-3 text-red-700" data-testid="entitlement-refusal">
          {refusal}
        </p>
      ) : (
        <fieldset className="mt-3 space-y-2">
          <legend className="sr-only">{t('howToPay')}</legend>
          {options.map((o) => (
            <label key={o.value || 'held'} className={`flex cursor-pointer items-start gap-2 rounded-md border bg-white p-2.5 ${choice === o.value ? 'border-brand-500 ring-1 ring-brand-500' : 'border-slate-200'}`}>
              <input type="radio" name="payment" value={o.value} checked={choice === o.value} onChange={() => onChoice(o.value)} className="mt-0.5" />
              <span>{o.text}</span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
