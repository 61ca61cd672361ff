import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProductGrid } from '@/components/marketplace/product-card';
import { SearchFilters } from '@/components/marketplace/search-filters';
import { parseSearch, searchHref, searchParamsOf, sorts, type RawSearch, type Sort } from '@/components/marketplace/search-params';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { formatFen } from '@/lib/domain/money';
import { listRegions } from '@/lib/services/catalogue';
import { searchProducts } from '@/lib/services/marketplace';

const PAGE_SIZE = 24;

const sortKeys: Record<Sort, string> = { relevance: 'search.sortRelevance', price_asc: 'search.sortPriceAsc', price_desc: 'search.sortPriceDesc', newest: 'search.sortNewest' };

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearch> }): Promise<Metadata> {
  const t = await getTranslations('marketplace');
  const { q } = parseSearch(await searchParams, []);
  return { title: q ? t('search.resultsFor', { q }) : t('meta.search') };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearch> }) {
  const t = await getTranslations('marketplace');
  const tRoot = await getTranslations();
  const regions = (await listRegions()).map((r) => r.id);
  const filters = parseSearch(await searchParams, regions);
  const result = await searchProducts({
    q: filters.q,
    category: filters.category,
    os: filters.os,
    pricing: filters.pricing,
    region: filters.region,
    minPriceFen: filters.minFen,
    maxPriceFen: filters.maxFen,
    sort: filters.sort,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const params = searchParamsOf(filters);
  const without = (...keys: string[]) => searchHref(Object.fromEntries(Object.entries(params).filter(([k]) => !keys.includes(k))));

  const range =
    filters.minFen !== undefined && filters.maxFen !== undefined
      ? t('search.priceRange', { min: formatFen(filters.minFen), max: formatFen(filters.maxFen) })
      : filters.minFen !== undefined
        ? t('search.priceAtLeast', { min: formatFen(filters.minFen) })
        : filters.maxFen !== undefined
          ? t('search.priceAtMost', { max: formatFen(filters.maxFen) })
          : undefined;
  // Issue 16: without a pricing model the bounds are monthly equivalents; with one, its chip says which price.
  const price = range && !filters.pricing ? t('search.priceChipMonthly', { range }) : range;
  const chips = [
    filters.q && { label: `${t('search.keyword')}: ${filters.q}`, href: without('q') },
    filters.category && { label: t(`categories.${filters.category}`), href: without('category') },
    filters.os && { label: t(`os.${filters.os}`), href: without('os') },
    filters.pricing && { label: t(`pricing.${filters.pricing}`), href: without('pricing') },
    filters.region && { label: tRoot(`regions.${filters.region}`), href: without('region') },
    price && { label: price, href: without('min', 'max') },
  ].filter((c): c is { label: string; href: string } => Boolean(c));
  const narrowed = Boolean(filters.category || filters.os || filters.pricing || filters.region || price);
  const heading = filters.q ? t('search.resultsFor', { q: filters.q }) : filters.category ? t(`categories.${filters.category}`) : t('search.allProducts');

  return (
    <div className="mx-auto grid max-w-7xl gap-6 px-4 py-8 sm:px-6 lg:grid-cols-[15rem_1fr]">
      <aside className="lg:sticky lg:top-20 lg:h-fit">
        <SearchFilters values={{ ...params, min: filters.typedMin, max: filters.typedMax }} regions={regions} active={chips.length - (filters.q ? 1 : 0)} priceProblem={filters.priceProblem} />
      </aside>

      <div className="min-w-0 space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold text-slate-900">{heading}</h1>
            <p className="text-sm text-slate-600" data-testid="result-count">
              {t('search.total', { count: result.total })}
            </p>
          </div>
          <nav aria-label={t('search.sort')} className="flex max-w-full items-center gap-2 text-sm">
            <span className="shrink-0 text-slate-500">{t('search.sort')}</span>
            <div className="flex min-w-0 overflow-x-auto rounded-md border border-slate-300 bg-white">
              {sorts.map((s) => (
                <Link
                  key={s}
                  href={searchHref({ ...params, sort: s === 'relevance' ? undefined : s })}
                  aria-current={filters.sort === s ? 'true' : undefined}
                  className={`border-r border-slate-300 px-3 py-1.5 whitespace-nowrap last:border-r-0 ${filters.sort === s ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-50'}`}
                >
                  {t(sortKeys[s])}
                </Link>
              ))}
            </div>
          </nav>
        </div>

        {chips.length > 0 && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="sr-only">{t('search.activeFilters')}</span>
            {chips.map((chip) => (
              <Link key={chip.href} href={chip.href} aria-label={t('search.removeFilter', { name: chip.label })} className="inline-flex items-center gap-1.5 rounded-full border border-brand-100 bg-brand-50 py-1 pr-2 pl-3 text-brand-700 hover:border-brand-500/40">
                {chip.label}
                <span aria-hidden className="text-brand-600">
                  ×
                </span>
              </Link>
            ))}
            <Link href="/marketplace/search" className="px-2 text-slate-600 hover:text-slate-900 hover:underline">
              {t('search.clear')}
            </Link>
          </div>
        )}

        {result.total === 0 ? (
          narrowed ? (
            <EmptyState
              title={t('search.emptyTitle')}
              body={t('search.emptyFilteredBody')}
              action={<ButtonLink href={searchHref({ q: filters.q })} variant="secondary">{t('search.clearFilters')}</ButtonLink>}
            />
          ) : (
            <EmptyState title={t('search.emptyTitle')} body={t('search.emptyQueryBody')} action={<ButtonLink href="/marketplace/search" variant="secondary">{t('search.searchEverything')}</ButtonLink>} />
          )
        ) : result.items.length === 0 ? (
          <EmptyState title={t('search.pageOutOfRange')} body="" action={<ButtonLink href={searchHref(params)} variant="secondary">{t('search.firstPage')}</ButtonLink>} />
        ) : (
          <>
            <ProductGrid products={result.items} showCompared />
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} />
          </>
        )}
      </div>
    </div>
  );
}
