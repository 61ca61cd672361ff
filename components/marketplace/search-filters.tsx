'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { categories, pricingModels } from '@/lib/domain/marketplace';
import type { PriceProblem } from './search-params';

type Values = { q?: string; category?: string; os?: string; pricing?: string; region?: string; min?: string; max?: string; sort?: string };

/**
 * A GET form, so filtering works without JavaScript too; with it, a changed select or radio
 * applies at once and the URL (the only state) is updated without a full page load.
 */
export function SearchFilters({
  values,
  regions,
  active,
  priceProblem,
}: {
  values: Values;
  regions: string[];
  /** How many filters are set, for the phone's toggle. */ active: number;
  /** Why the typed price bounds are not applied, if they are not. */ priceProblem?: PriceProblem;
}) {
  const t = useTranslations('marketplace');
  const tRoot = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);

  const go = (form: HTMLFormElement) => {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim()) query.set(key, value.trim());
    }
    const text = query.toString();
    router.push(text ? `/marketplace/search?${text}` : '/marketplace/search');
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    go(e.currentTarget);
  };
  const applyNow = (e: { currentTarget: { form: HTMLFormElement | null } }) => {
    if (e.currentTarget.form) go(e.currentTarget.form);
  };

  const legend = 'mb-2 block text-xs font-semibold tracking-wide text-slate-500 uppercase';
  const select = `${inputClass} py-1.5`;

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="search-filters"
        className="flex w-full items-center justify-between rounded-lg border border-slate-200 bg-white px-4 py-2.5 text-sm font-medium lg:hidden"
      >
        <span>
          {t('search.showFilters')} {t('search.activeCount', { count: active })}
        </span>
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden className={`size-4 text-slate-500 transition-transform ${open ? 'rotate-180' : ''}`}>
          <path d="m5 8 5 5 5-5" />
        </svg>
      </button>
      <form
        id="search-filters"
        key={JSON.stringify(values)}
        action="/marketplace/search"
        method="get"
        onSubmit={submit}
        className={`${open ? 'mt-2 block' : 'hidden'} space-y-5 rounded-lg border border-slate-200 bg-white p-4 lg:mt-0 lg:block`}
        aria-label={t('search.filters')}
      >
        <h2 className="hidden text-sm font-semibold text-slate-900 lg:block">{t('search.filters')}</h2>
        {/* The words come from the search box at the top; the filters keep them. */}
        {values.q && <input type="hidden" name="q" value={values.q} />}
        {values.sort && <input type="hidden" name="sort" value={values.sort} />}

        <div>
          <label htmlFor="filter-category" className={legend}>
            {t('search.category')}
          </label>
          <select id="filter-category" name="category" defaultValue={values.category ?? ''} onChange={applyNow} className={select}>
            <option value="">{t('search.anyCategory')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          <legend className={legend}>{t('search.os')}</legend>
          <div className="flex overflow-hidden rounded-md border border-slate-300 text-sm">
            {(['', 'linux', 'windows'] as const).map((os) => (
              <label key={os || 'any'} className="flex-1 cursor-pointer border-r border-slate-300 text-center last:border-r-0 has-[:checked]:bg-brand-50 has-[:checked]:font-medium has-[:checked]:text-brand-700 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-100">
                <input type="radio" name="os" value={os} defaultChecked={(values.os ?? '') === os} onChange={applyNow} className="sr-only" />
                <span className="block px-2 py-1.5">{os ? t(`os.${os}`) : t('search.anyOs')}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div>
          <label htmlFor="filter-pricing" className={legend}>
            {t('search.pricing')}
          </label>
          <select id="filter-pricing" name="pricing" defaultValue={values.pricing ?? ''} onChange={applyNow} className={select}>
            <option value="">{t('search.anyPricing')}</option>
            {pricingModels.map((m) => (
              <option key={m} value={m}>
                {t(`pricing.${m}`)}
              </option>
            ))}
          </select>
        </div>

        <div>
          <label htmlFor="filter-region" className={legend}>
            {t('search.region')}
          </label>
          <select id="filter-region" name="region" defaultValue={values.region ?? ''} onChange={applyNow} className={select}>
            <option value="">{t('search.anyRegion')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {tRoot(`regions.${r}`)}
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          {/* Issue 16: the range bounds the chosen model's price, or else the monthly equivalent. */}
          <legend className={legend}>{values.pricing ? t(`search.priceOfModel.${values.pricing}`) : t('search.price')}</legend>
          <div className="flex items-center gap-2">
            <input name="min" inputMode="decimal" aria-label={t('search.min')} placeholder={t('search.min')} defaultValue={values.min} aria-invalid={priceProblem ? true : undefined} aria-describedby={priceProblem ? 'price-problem' : undefined} className={`${inputClass} py-1.5`} />
            <span className="text-slate-400" aria-hidden>
              –
            </span>
            <input name="max" inputMode="decimal" aria-label={t('search.max')} placeholder={t('search.max')} defaultValue={values.max} aria-invalid={priceProblem ? true : undefined} aria-describedby={priceProblem ? 'price-problem' : undefined} className={`${inputClass} py-1.5`} />
          </div>
          {priceProblem ? (
            <p id="price-problem" role="alert" className="mt-1.5 text-xs text-red-700">
              {t(priceProblem === 'minAboveMax' ? 'search.priceMinAboveMax' : 'search.priceNotAnAmount')}
            </p>
          ) : (
            <p className="mt-1.5 text-xs text-slate-500">{values.pricing ? t('search.priceHintModel') : t('search.priceHint')}</p>
          )}
        </fieldset>

        <div className="flex items-center gap-2">
          <Button type="submit" size="sm" className="flex-1">
            {t('search.apply')}
          </Button>
          <Link href="/marketplace/search" className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
            {t('search.clear')}
          </Link>
        </div>
      </form>
    </>
  );
}
