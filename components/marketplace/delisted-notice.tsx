import { useTranslations } from 'next-intl';
import type { ProductCard } from '@/lib/services/marketplace';
import { ProductGrid } from './product-card';

/** MKT-8: a delisted product says so, and offers listed products of its category instead. */
export function DelistedNotice({ substitutes }: { substitutes: ProductCard[] }) {
  const t = useTranslations('marketplace');
  return (
    <section aria-labelledby="delisted-title" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50 p-5" data-testid="delisted-notice">
      <div className="flex gap-3">
        <svg viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-5 shrink-0 text-amber-500" aria-hidden>
          <path fillRule="evenodd" d="M8.5 2.9a1.7 1.7 0 0 1 3 0l6.3 11.4A1.7 1.7 0 0 1 16.3 17H3.7a1.7 1.7 0 0 1-1.5-2.7L8.5 2.9ZM10 7a.8.8 0 0 0-.8.8v3.5a.8.8 0 0 0 1.6 0V7.8A.8.8 0 0 0 10 7Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
        </svg>
        <div className="text-sm text-amber-900">
          <h2 id="delisted-title" className="text-base font-semibold">
            {t('product.delistedTitle')}
          </h2>
          <p className="mt-1 max-w-3xl">{t('product.delistedBody')}</p>
        </div>
      </div>
      <div className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">{t('product.substitutesTitle')}</h3>
        {substitutes.length ? <ProductGrid products={substitutes} wide /> : <p className="text-sm text-slate-600">{t('product.noSubstitutes')}</p>}
      </div>
    </section>
  );
}
