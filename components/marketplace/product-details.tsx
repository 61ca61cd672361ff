// The product page's main column: the description, the pricing options, the versions by region.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { PricingModel } from '@/lib/domain/marketplace';
import type { Sku } from '@/lib/services/orders';
import type { ProductVersionView } from '@/lib/services/marketplace';
import { priceLabel, shortPrice } from './price';

function Section({ title, subtitle, children, id }: { title: string; subtitle?: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {subtitle && <p className="mt-0.5 text-sm text-slate-500">{subtitle}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** Sellers write `commands` in backticks; show them as code. */
export function Overview({ description }: { description: string }) {
  const t = useTranslations('marketplace');
  return (
    <Section id="overview" title={t('product.overview')}>
      <p className="text-sm leading-relaxed text-slate-700">
        {description.split('`').map((part, i) =>
          i % 2 === 1 ? (
            <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em] text-slate-800">
              {part}
            </code>
          ) : (
            part
          ),
        )}
      </p>
    </Section>
  );
}

export function PricingOptions({ skus }: { skus: Sku[] }) {
  const t = useTranslations('marketplace');
  return (
    <Section id="pricing" title={t('product.pricingTitle')} subtitle={t('product.pricingSubtitle')}>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {skus.map((s) => (
          <li key={s.code} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{t(`pricing.${s.pricingModel}`)}</p>
              <p className="text-sm text-slate-600">{t(`product.explain.${s.pricingModel}`)}</p>
            </div>
            <p className="shrink-0 font-semibold whitespace-nowrap text-slate-900">{(s.pricingModel === 'free' ? shortPrice : priceLabel)(t, s.pricingModel as PricingModel, s.priceFen)}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Newest first, as the service returns them: the first is the latest. */
export function VersionsTable({ versions }: { versions: ProductVersionView[] }) {
  const t = useTranslations('marketplace');
  const tr = useTranslations('regions');
  const latest = versions.find((v) => !v.deprecated);
  return (
    <Section id="versions" title={t('product.versionsTitle')} subtitle={t('product.versionsSubtitle')}>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="px-4 py-2.5">{t('product.version')}</th>
              <th className="px-4 py-2.5">{t('product.regions')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {versions.map((v) => (
              <tr key={v.version} className="align-top">
                <td className="px-4 py-3 whitespace-nowrap">
                  <span className="font-mono text-sm text-slate-900">{v.version}</span>
                  {v === latest && <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200 ring-inset">{t('product.latest')}</span>}
                  {v.deprecated && <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">{t('product.deprecated')}</span>}
                </td>
                <td className="px-4 py-3">
                  {v.images.length ? (
                    <ul className="flex flex-wrap gap-1.5">
                      {v.images.map((image) => (
                        <li key={image.imageId} title={image.imageId} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                          {tr(image.regionId)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-500">{t('product.noImages')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
