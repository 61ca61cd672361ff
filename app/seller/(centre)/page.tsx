import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { sellerNavItems } from '@/components/seller/nav-items';
import { PageHeader } from '@/components/ui/page-header';
import { formatFen } from '@/lib/domain/money';
import { myApplication } from '@/lib/services/seller-applications';
import { settlement } from '@/lib/services/settlement';
import { requireSeller } from '../require-seller';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerOverview');

const cards = ['products', 'keys', 'deliveries', 'settlement'] as const;

export default async function SellerOverviewPage() {
  const { actor } = await requireSeller();
  const t = await getTranslations('seller.overview');
  const nav = await getTranslations('seller.nav');
  const format = await getFormatter();
  const { application } = await myApplication(actor);
  const thisMonth = (await settlement(actor)).byMonth.at(-1)!;
  const month = format.dateTime(new Date(`${thisMonth.month}-01T00:00:00+08:00`), { year: 'numeric', month: 'long' });
  const hrefOf = (label: string) => sellerNavItems.find((item) => item.label === label)!.href;

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={t('title')}
        subtitle={application?.decidedAt ? t('subtitle', { company: application.companyName, when: format.dateTime(application.decidedAt, { dateStyle: 'medium' }) }) : t('subtitleNoApplication')}
        action={
          application && (
            <Link href="/seller/apply" className="text-sm text-brand-600 hover:underline">
              {t('application')}
            </Link>
          )
        }
      />
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="this-month">
        <h2 id="this-month" className="text-sm font-medium text-slate-500">
          {t('thisMonth', { month })}
        </h2>
        <div className="grid gap-5 sm:grid-cols-3">
          <div>
            <p className="text-sm text-slate-500">{t('net')}</p>
            <p className="text-2xl font-semibold">{formatFen(thisMonth.netFen)}</p>
          </div>
          <div>
            <p className="text-sm text-slate-500">{t('payable')}</p>
            <p className="text-2xl font-semibold text-emerald-700">{formatFen(thisMonth.payableFen)}</p>
          </div>
          <div>
            <p className="text-sm text-slate-500">{t('orders')}</p>
            <p className="text-2xl font-semibold">{thisMonth.orders}</p>
          </div>
        </div>
      </section>
      <section className="space-y-3" aria-labelledby="next-title">
        <h2 id="next-title" className="text-base font-semibold">
          {t('next')}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {cards.map((card) => (
            <li key={card}>
              <Link href={hrefOf(card)} className="block h-full space-y-1 rounded-lg border border-slate-200 bg-white p-5 hover:border-brand-500 hover:shadow-sm">
                <p className="font-medium text-brand-700">{nav(card)} →</p>
                <p className="text-sm text-slate-600">{t(`cards.${card}`)}</p>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
