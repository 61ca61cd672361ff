'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/components/ui/form-action';
import { FormError, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { pricingModels } from '@/lib/domain/marketplace';
import { yuanText } from '@/lib/domain/money';

/** Step 3: which pricing models the product sells, each at its price in yuan (MKT-2). */
export function SkuForm({ action: saveAction, current }: { action: FormAction; current: { pricingModel: string; priceFen: number }[] }) {
  const t = useTranslations('publishing');
  const tp = useTranslations('marketplace.pricing');
  const { state, pending, form, error } = useFormAction(saveAction, { success: useTranslations('toast')('saved'), resetOnSuccess: false });
  const priceOf = (m: string) => current.find((s) => s.pricingModel === m);
  return (
    <form {...form} className="space-y-3">
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {pricingModels.map((m) => (
          <li key={m} className="flex items-center gap-3 px-3 py-2 text-sm">
            <label className="flex w-48 items-center gap-2">
              <input type="checkbox" name={`model-${m}`} defaultChecked={Boolean(priceOf(m))} />
              {tp(m)}
            </label>
            {m !== 'free' && (
              <label className="flex items-center gap-2">
                <span className="text-slate-500">¥</span>
                <input name={`price-${m}`} aria-label={t('priceFor', { model: tp(m) })} inputMode="decimal" defaultValue={priceOf(m) ? yuanText(priceOf(m)!.priceFen) : ''} className={`${inputClass} w-32`} />
                <span className="text-xs text-slate-500">{t(`unit.${m}`)}</span>
              </label>
            )}
          </li>
        ))}
      </ul>
      <FormError message={error?.message} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('saved')}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('saveSkus')}
      </Button>
    </form>
  );
}
