import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache, type ReactNode } from 'react';
import { CategoryChip, DelistedChip, ProductGrid } from '@/components/marketplace/product-card';
import { launchHref } from '@/components/marketplace/links';
import { priceLabel, shortPrice } from '@/components/marketplace/price';
import { ProductLogo } from '@/components/marketplace/product-logo';
import { PurchasePanel } from '@/components/marketplace/purchase-panel';
import { purchaseAction } from '../../actions';
import { ButtonLink } from '@/components/ui/button';
import { currentSession } from '@/lib/auth/session';
import { CloudError } from '@/lib/domain/errors';
import { isBoughtAlone, type PricingModel } from '@/lib/domain/marketplace';
import { listRegions } from '@/lib/services/catalogue';
import { getProduct, type ProductDetail } from '@/lib/services/marketplace';
import { walletBalance } from '@/lib/services/wallet';

/** The product as the caller may see it, once per request (the page and its metadata share it). */
const load = cache(async (code: string) => {
  const session = await currentSession();
  try {
    return { detail: getProduct(code, session?.actor ?? null), session };
  } catch (error) {
    if (error instanceof CloudError && error.code === 'InvalidProductCode.NotFound') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { detail } = await load((await params).code);
  return { title: detail.product.title, description: detail.product.summary };
}

/** Sellers write `commands` in backticks; show them as code. */
function Description({ text }: { text: string }) {
  return (
    <p className="text-sm leading-relaxed text-slate-700">
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em] text-slate-800">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </p>
  );
}

function Card({ title, subtitle, children, id }: { title: string; subtitle?: string; children: ReactNode; id: string }) {
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

/** The newest version's image in each region: what "Launch" opens the wizard with. */
function newestImages(versions: ProductDetail['versions']): Record<string, string> {
  const byRegion: Record<string, string> = {};
  for (const v of versions) for (const image of v.images) byRegion[image.regionId] ??= image.imageId;
  return byRegion;
}

export default async function ProductPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { detail, session } = await load(code);
  const t = await getTranslations('marketplace');
  const tRoot = await getTranslations();
  const format = await getFormatter();
  const { product, skus, substitutes, myLicenses } = detail;
  // Regions in the console's order (home regions first), not alphabetical by id.
  const order = new Map(listRegions().map((r, i) => [r.id, i]));
  const byRegion = (a: string, b: string) => (order.get(a) ?? 99) - (order.get(b) ?? 99);
  const regions = [...detail.regions].sort(byRegion);
  const versions = detail.versions.map((v) => ({ ...v, images: [...v.images].sort((a, b) => byRegion(a.regionId, b.regionId)) }));
  const licenseGroups = myLicenses && [...myLicenses].sort((a, b) => byRegion(a.regionId, b.regionId));
  const delisted = product.status === 'delisted';
  const launchImages = newestImages(versions);
  const defaultRegion = session && regions.includes(session.user.regionId) ? session.user.regionId : regions[0];
  const buyable = skus.filter((s) => isBoughtAlone(s.pricingModel as PricingModel)).map((s) => ({ code: s.code, pricingModel: s.pricingModel as PricingModel, priceFen: s.priceFen }));
  const hourly = skus.find((s) => s.pricingModel === 'hourly');
  const regionName = (r: string) => tRoot(`regions.${r}`);

  let purchase: ReactNode;
  if (delisted) {
    purchase = (
      <section className="rounded-lg border border-amber-200 bg-amber-50 p-5 text-sm text-amber-900">
        <h2 className="text-base font-semibold">{t('purchase.delistedTitle')}</h2>
        <p className="mt-1">{t('purchase.delistedBody')}</p>
      </section>
    );
  } else if (regions.length === 0 || !defaultRegion) {
    purchase = <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-600">{t('product.notOffered')}</p>;
  } else if (buyable.length > 0) {
    purchase = (
      <PurchasePanel
        purchaseAction={purchaseAction}
        productCode={product.code}
        regions={regions}
        defaultRegion={defaultRegion}
        skus={buyable}
        signedIn={Boolean(session)}
        walletFen={session ? walletBalance(session.actor) : undefined}
        launchImages={launchImages}
      />
    );
  } else {
    purchase = (
      <section aria-labelledby="hourly-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="hourly-title" className="text-base font-semibold">
            {t('purchase.hourlyTitle')}
          </h2>
          {hourly && <p className="mt-1 text-2xl font-semibold text-slate-900">{priceLabel(t, 'hourly', hourly.priceFen)}</p>}
        </div>
        <p className="text-sm text-slate-600">{t('purchase.hourlyBody')}</p>
        <ButtonLink href={launchHref(defaultRegion, launchImages[defaultRegion])} className="w-full">
          {t('purchase.launchWithImage')}
        </ButtonLink>
        <p className="text-center text-xs text-slate-500">{t('purchase.inRegion', { region: regionName(defaultRegion) })}</p>
        {regions.length > 1 && (
          <div className="border-t border-slate-100 pt-3 text-sm">
            <p className="text-slate-500">{t('purchase.launchIn')}</p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {regions
                .filter((r) => r !== defaultRegion)
                .map((r) => (
                  <li key={r}>
                    <Link href={launchHref(r, launchImages[r])} className="inline-block rounded-md border border-slate-200 px-2 py-1 text-slate-700 hover:border-brand-500/40 hover:text-brand-700">
                      {regionName(r)}
                    </Link>
                  </li>
                ))}
            </ul>
          </div>
        )}
      </section>
    );
  }

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label="breadcrumb" className="text-sm text-slate-500">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href="/marketplace" className="hover:text-brand-600">
              {t('product.breadcrumbHome')}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li>
            <Link href={`/marketplace/search?category=${product.category}`} className="hover:text-brand-600">
              {t(`categories.${product.category}`)}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li className="max-w-md truncate text-slate-700" aria-current="page">
            {product.title}
          </li>
        </ol>
      </nav>

      <header className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6 sm:flex-row sm:items-start">
        <ProductLogo code={product.code} title={product.title} logoUrl={product.logoUrl} size="lg" />
        <div className="min-w-0 flex-1 space-y-3">
          <div className="space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-2xl font-semibold text-slate-900">{product.title}</h1>
              {delisted && <DelistedChip />}
            </div>
            <p className="text-sm text-slate-600">
              {t('product.seller')}: <span className="font-medium text-slate-800">{product.sellerName}</span>
            </p>
          </div>
          <p className="max-w-3xl text-slate-700">{product.summary}</p>
          <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <div className="flex items-center gap-2">
              <dt className="text-slate-500">{t('product.category')}</dt>
              <dd>
                <CategoryChip category={product.category} />
              </dd>
            </div>
            <div className="flex items-center gap-2">
              <dt className="text-slate-500">{t('product.os')}</dt>
              <dd className="text-slate-800">
                {t(`os.${product.osType === 'windows' ? 'windows' : 'linux'}`)} · {product.platform}
              </dd>
            </div>
            <div className="flex items-center gap-2">
              <dt className="text-slate-500">{t('product.code')}</dt>
              <dd className="font-mono text-xs text-slate-800">{product.code}</dd>
            </div>
            {product.listedAt && (
              <div className="flex items-center gap-2">
                <dt className="text-slate-500">{t('product.listed')}</dt>
                <dd className="text-slate-800">{format.dateTime(product.listedAt, { dateStyle: 'medium' })}</dd>
              </div>
            )}
          </dl>
        </div>
      </header>

      {delisted && (
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
      )}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <Card id="overview" title={t('product.overview')}>
            <Description text={product.description} />
          </Card>

          <Card id="pricing" title={t('product.pricingTitle')} subtitle={t('product.pricingSubtitle')}>
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
          </Card>

          <Card id="versions" title={t('product.versionsTitle')} subtitle={t('product.versionsSubtitle')}>
            <div className="overflow-x-auto rounded-md border border-slate-200">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
                  <tr>
                    <th className="px-4 py-2.5">{t('product.version')}</th>
                    <th className="px-4 py-2.5">{t('product.regions')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {versions.map((v, i) => (
                    <tr key={v.version} className="align-top">
                      <td className="px-4 py-3 whitespace-nowrap">
                        <span className="font-mono text-sm text-slate-900">{v.version}</span>
                        {i === 0 && <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200 ring-inset">{t('product.latest')}</span>}
                      </td>
                      <td className="px-4 py-3">
                        {v.images.length ? (
                          <ul className="flex flex-wrap gap-1.5">
                            {v.images.map((image) => (
                              <li key={image.imageId} title={image.imageId} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                                {regionName(image.regionId)}
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
          </Card>
        </div>

        {/* On a phone the purchase comes right after the header; beside the details on a wide screen. */}
        <aside className="order-first space-y-4 lg:sticky lg:top-20 lg:order-none lg:h-fit">
          {purchase}
          {!delisted && buyable.length > 0 && hourly && defaultRegion && (
            <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
              {t('purchase.alsoHourly', { price: priceLabel(t, 'hourly', hourly.priceFen) })}{' '}
              <Link href={launchHref(defaultRegion, launchImages[defaultRegion])} className="font-medium text-brand-600 hover:underline">
                {t('purchase.launchWithImage')}
              </Link>
            </p>
          )}
          {licenseGroups && (
            <section aria-labelledby="my-licenses" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="my-licenses">
              <div className="flex items-baseline justify-between gap-2">
                <h2 id="my-licenses" className="text-base font-semibold">
                  {t('licenses.title')}
                </h2>
                <Link href="/console/licenses" className="text-sm text-brand-600 hover:underline">
                  {t('licenses.viewAll')}
                </Link>
              </div>
              {licenseGroups.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t('licenses.none')}</p>
              ) : (
                <ul className="mt-3 divide-y divide-slate-100">
                  {licenseGroups.map((group) => (
                    <li key={group.regionId} className="space-y-1.5 py-3 first:pt-0 last:pb-0" data-region={group.regionId}>
                      <div className="flex items-center justify-between gap-2">
                        <span className="text-sm font-medium text-slate-900">{regionName(group.regionId)}</span>
                        {group.available > 0 && (
                          <Link href={launchHref(group.regionId, launchImages[group.regionId])} className="text-xs font-medium text-brand-600 hover:underline">
                            {t('licenses.launch')}
                          </Link>
                        )}
                      </div>
                      <p className="flex flex-wrap gap-2 text-xs">
                        <span className="rounded-full bg-emerald-50 px-2 py-0.5 font-medium text-emerald-700 ring-1 ring-emerald-200 ring-inset">{t('licenses.available', { count: group.available })}</span>
                        <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-600">{t('licenses.inUse', { count: group.inUse.length })}</span>
                      </p>
                      {group.inUse.length > 0 && (
                        <p className="text-xs text-slate-500">
                          {t('licenses.usedBy')}:{' '}
                          {group.inUse.map((u, i) => (
                            <span key={u.licenseId}>
                              {i > 0 && ', '}
                              <Link href={`/console/instances/${u.instanceId}`} className="font-mono text-brand-600 hover:underline">
                                {u.instanceId}
                              </Link>
                            </span>
                          ))}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
