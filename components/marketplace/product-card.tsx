import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ProductCard as Card } from '@/lib/services/marketplace';
import { formatFen } from '@/lib/domain/money';
import { ProductLogo } from './product-logo';

export function DelistedChip() {
  const t = useTranslations('marketplace');
  return <span className="inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">{t('card.delisted')}</span>;
}

export function CategoryChip({ category }: { category: string }) {
  const t = useTranslations('marketplace');
  return <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{t(`categories.${category}`)}</span>;
}

/** Issue 16: which figure a search without a pricing model sorted and filtered this card by. */
function ComparedPrice({ price }: { price: Card['fromPrice'] }) {
  const t = useTranslations('marketplace');
  if (price.compared === 'model' || price.pricingModel === 'free' || price.priceFen === 0) return null;
  return (
    <p className="mt-1 text-xs text-slate-500" data-testid="compared-price" data-compared-fen={price.comparedFen}>
      {t(`price.compared.${price.pricingModel}`, { price: formatFen(price.comparedFen) })}
    </p>
  );
}

export function ProductCard({ product, showCompared = false }: { product: Card; /** On search results, where prices are sorted and filtered. */ showCompared?: boolean }) {
  const t = useTranslations('marketplace');
  const { pricingModel, priceFen } = product.fromPrice;
  return (
    <Link
      href={`/marketplace/products/${product.code}`}
      data-product-code={product.code}
      className="group flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 transition hover:-translate-y-0.5 hover:border-brand-500/40 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      <div className="flex items-start gap-3">
        <ProductLogo code={product.code} title={product.title} />
        <div className="min-w-0 flex-1">
          <h3 className="line-clamp-2 text-sm leading-snug font-semibold text-slate-900 group-hover:text-brand-700" title={product.title}>
            {product.title}
          </h3>
          <p className="mt-0.5 truncate text-xs text-slate-500" title={product.sellerName}>
            {product.sellerName}
          </p>
        </div>
      </div>
      <div className="flex-1">
        <p className="mt-3 line-clamp-2 text-sm text-slate-600">{product.summary}</p>
        <div className="mt-3 flex flex-wrap items-center gap-1.5">
          <CategoryChip category={product.category} />
          <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{product.platform}</span>
          {product.status === 'delisted' && <DelistedChip />}
        </div>
      </div>
      <div className="mt-4 flex items-baseline justify-between gap-2 border-t border-slate-100 pt-3">
        {pricingModel === 'free' || priceFen === 0 ? (
          <p className="text-sm font-semibold text-emerald-700">{t('price.free')}</p>
        ) : (
          <>
            <p className="text-sm">
              <span className="text-xs text-slate-500">{t('price.from')} </span>
              <span className="font-semibold text-slate-900" data-testid="from-price">
                {formatFen(priceFen)}
              </span>
            </p>
            <span className="shrink-0 text-xs text-slate-500">{t(`pricing.${pricingModel}`)}</span>
          </>
        )}
      </div>
      {showCompared && <ComparedPrice price={product.fromPrice} />}
    </Link>
  );
}

export function ProductGrid({ products, wide = false, showCompared = false }: { products: Card[]; wide?: boolean; showCompared?: boolean }) {
  return (
    <ul className={`grid gap-4 sm:grid-cols-2 ${wide ? 'lg:grid-cols-3 xl:grid-cols-4' : 'xl:grid-cols-3 2xl:grid-cols-4'}`}>
      {products.map((p) => (
        <li key={p.code}>
          <ProductCard product={p} showCompared={showCompared} />
        </li>
      ))}
    </ul>
  );
}
