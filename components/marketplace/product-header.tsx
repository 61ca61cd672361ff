import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ProductDetail } from '@/lib/services/marketplace';
import { CategoryChip, DelistedChip } from './product-card';
import { ProductLogo } from './product-logo';

type Product = ProductDetail['product'];

export function ProductBreadcrumb({ product }: { product: Product }) {
  const t = useTranslations('marketplace');
  return (
    <nav aria-label={t('product.breadcrumb')} className="text-sm text-slate-500">
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
  );
}

/** Logo, title, seller, summary and the facts a buyer checks first. */
export function ProductHeader({ product, delisted }: { product: Product; delisted: boolean }) {
  const t = useTranslations('marketplace');
  const format = useFormatter();
  return (
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
  );
}
