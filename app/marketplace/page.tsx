import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CategoryIcon } from '@/components/marketplace/category-icon';
import { ProductGrid } from '@/components/marketplace/product-card';
import { shortPrice } from '@/components/marketplace/price';
import { ProductLogo } from '@/components/marketplace/product-logo';
import { SearchForm } from '@/components/marketplace/search-form';
import { listRegions } from '@/lib/services/catalogue';
import { featuredProducts, listCategories, searchProducts } from '@/lib/services/marketplace';

function Section({ title, subtitle, more, children }: { title: string; subtitle: string; more?: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">{title}</h2>
          <p className="text-sm text-slate-600">{subtitle}</p>
        </div>
        {more}
      </div>
      {children}
    </section>
  );
}

export default async function MarketplaceHome() {
  const t = await getTranslations('marketplace');
  const categoryCounts = await listCategories();
  const featured = await featuredProducts(8);
  const newest = (await searchProducts({ sort: 'newest', pageSize: 4 })).items;
  const productTotal = categoryCounts.reduce((sum, c) => sum + c.count, 0);
  const popular = t('home.popularTerms')
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean);
  const moreLink = (href: string) => (
    <Link href={href} className="shrink-0 text-sm font-medium text-brand-600 hover:underline">
      {t('home.viewAll')} →
    </Link>
  );

  return (
    <>
      <section className="bg-gradient-to-br from-slate-900 via-slate-800 to-brand-700 text-white">
        <div className="mx-auto grid max-w-7xl items-center gap-10 px-4 py-14 sm:px-6 lg:grid-cols-[1fr_24rem] lg:py-20">
          <div>
            <p className="text-sm font-medium tracking-wide text-brand-100 uppercase">{t('home.eyebrow')}</p>
            <h1 className="mt-3 max-w-3xl text-3xl font-semibold tracking-tight sm:text-4xl lg:text-5xl">{t('home.heroTitle')}</h1>
            <p className="mt-4 max-w-2xl text-base text-slate-300 sm:text-lg">{t('home.heroSubtitle')}</p>
            <div className="mt-8 max-w-2xl">
              <SearchForm size="lg" id="hero-q" />
            </div>
            <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-400">{t('home.popular')}</span>
              {popular.map((term) => (
                <Link key={term} href={`/marketplace/search?q=${encodeURIComponent(term)}`} className="rounded-full border border-white/15 bg-white/10 px-3 py-1 text-slate-100 hover:bg-white/20">
                  {term}
                </Link>
              ))}
            </div>
            <p className="mt-8 text-sm text-slate-400">{t('home.stats', { products: productTotal, categories: categoryCounts.length, regions: (await listRegions()).length })}</p>
          </div>
          {featured.length > 0 && (
            <div className="hidden rounded-xl border border-white/15 bg-white/10 p-4 backdrop-blur lg:block">
              <p className="px-2 pb-2 text-xs font-semibold tracking-wide text-slate-300 uppercase">{t('home.topPicks')}</p>
              <ul className="space-y-1">
                {featured.slice(0, 4).map((p) => (
                  <li key={p.code}>
                    <Link href={`/marketplace/products/${p.code}`} className="flex items-center gap-3 rounded-lg p-2 hover:bg-white/10">
                      <ProductLogo code={p.code} title={p.title} />
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-sm font-medium text-white">{p.title}</span>
                        <span className="block truncate text-xs text-slate-300">{t(`categories.${p.category}`)}</span>
                      </span>
                      <span className="shrink-0 text-sm font-semibold text-white">{p.fromPrice.priceFen === 0 ? t('price.free') : shortPrice(t, p.fromPrice.pricingModel, p.fromPrice.priceFen)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </section>

      <div className="mx-auto max-w-7xl space-y-12 px-4 py-10 sm:px-6">
        <Section title={t('home.categoriesTitle')} subtitle={t('home.categoriesSubtitle')}>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
            {categoryCounts.map(({ category, count }) => (
              <li key={category}>
                <Link
                  href={`/marketplace/search?category=${category}`}
                  className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-4 transition hover:border-brand-500/40 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                >
                  <CategoryIcon category={category} />
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-semibold text-slate-900">{t(`categories.${category}`)}</span>
                    <span className="block text-xs text-slate-500">{t('home.productCount', { count })}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Section>

        <Section title={t('home.featuredTitle')} subtitle={t('home.featuredSubtitle')} more={moreLink('/marketplace/search')}>
          {featured.length ? <ProductGrid products={featured} wide /> : <p className="text-sm text-slate-600">{t('home.noFeatured')}</p>}
        </Section>

        {newest.length > 0 && (
          <Section title={t('home.newestTitle')} subtitle={t('home.newestSubtitle')} more={moreLink('/marketplace/search?sort=newest')}>
            <ProductGrid products={newest} wide />
          </Section>
        )}

        <section className="rounded-lg border border-slate-200 bg-white p-6 sm:p-8">
          <h2 className="text-xl font-semibold text-slate-900">{t('home.howTitle')}</h2>
          <ol className="mt-6 grid gap-6 md:grid-cols-3">
            {([1, 2, 3] as const).map((n) => (
              <li key={n} className="flex gap-4">
                <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white">{n}</span>
                <span>
                  <span className="block font-semibold text-slate-900">{t(`home.how${n}Title`)}</span>
                  <span className="mt-1 block text-sm text-slate-600">{t(`home.how${n}Body`)}</span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
