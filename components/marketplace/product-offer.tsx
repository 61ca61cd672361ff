// The product page's purchase column: what the service's offer says can be done here (MKT-2, MKT-8).
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';
import type { HourlySku, ProductOffer as Offer } from '@/lib/services/marketplace';
import { launchHref } from './links';
import { priceLabel } from './price';
import { PurchasePanel, type PurchaseResult, type QuotePurchaseAction } from './purchase-panel';
import type { FormAction } from '@/components/ui/form-action';

type Props = { purchaseAction: FormAction<PurchaseResult>; quoteAction: QuotePurchaseAction; productCode: string; offer: Offer; regions: string[]; launchImages: Record<string, string>; signedIn: boolean; walletFen?: number };

export function ProductOffer({ purchaseAction, quoteAction, productCode, offer, regions, launchImages, signedIn, walletFen }: Props) {
  const t = useTranslations('marketplace');
  if (offer.kind === 'delisted') {
    return (
      <section className="rounded-lg border border-amber-200 bg-amber-50 p-5 text-sm text-amber-900">
        <h2 className="text-base font-semibold">{t('purchase.delistedTitle')}</h2>
        <p className="mt-1">{t('purchase.delistedBody')}</p>
      </section>
    );
  }
  if (offer.kind === 'notOffered') return <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-600">{t('product.notOffered')}</p>;
  if (offer.kind === 'hourly') return <HourlyLaunch hourly={offer.hourly} regions={regions} defaultRegion={offer.defaultRegion} launchImages={launchImages} />;
  const { hourly, defaultRegion } = offer;
  return (
    <>
      <PurchasePanel purchaseAction={purchaseAction} quoteAction={quoteAction} productCode={productCode} regions={regions} defaultRegion={defaultRegion} skus={offer.skus} signedIn={signedIn} walletFen={walletFen} launchImages={launchImages} />
      {hourly && (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          {t('purchase.alsoHourly', { price: priceLabel(t, 'hourly', hourly.priceFen) })}{' '}
          <Link href={launchHref(defaultRegion, launchImages[defaultRegion])} className="font-medium text-brand-600 hover:underline">
            {t('purchase.launchWithImage')}
          </Link>
        </p>
      )}
    </>
  );
}

/** MKT-2: an hourly image is not bought alone; it is paid while an instance launched with it runs. */
function HourlyLaunch({ hourly, regions, defaultRegion, launchImages }: { hourly: HourlySku | null; regions: string[]; defaultRegion: string; launchImages: Record<string, string> }) {
  const t = useTranslations('marketplace');
  const tr = useTranslations('regions');
  return (
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
      <p className="text-center text-xs text-slate-500">{t('purchase.inRegion', { region: tr(defaultRegion) })}</p>
      {regions.length > 1 && (
        <div className="border-t border-slate-100 pt-3 text-sm">
          <p className="text-slate-500">{t('purchase.launchIn')}</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {regions
              .filter((r) => r !== defaultRegion)
              .map((r) => (
                <li key={r}>
                  <Link href={launchHref(r, launchImages[r])} className="inline-block rounded-md border border-slate-200 px-2 py-1 text-slate-700 hover:border-brand-500/40 hover:text-brand-700">
                    {tr(r)}
                  </Link>
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
