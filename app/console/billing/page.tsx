import { PageHeader } from '@/components/ui/page-header';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TopUpForm } from '@/components/console/top-up-form';
import { LedgerTable } from '@/components/console/ledger-table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { simulatedPaymentsAllowed } from '@/lib/domain/payments';
import { formatFen } from '@/lib/domain/money';
import { walletBalance, walletEntries } from '@/lib/services/wallet';
import { spending } from '@/lib/services/spending';
import { BarList, ColumnChart } from '@/components/ui/bar-chart';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { topUpAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('billing');

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireSession();
  const t = await getTranslations('billing');
  const format = await getFormatter();
  const page = pageFromUrl((await searchParams).page);
  const entries = await readWithinPages(page, (page) => walletEntries(actor, { page }));
  const spent = await spending(actor);
  const balance = await walletBalance(actor);
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {balance < 0 && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
          {t('arrears')}
        </p>
      )}
      <section className="grid gap-5 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-[14rem_1fr]">
        <div>
          <p className="text-sm text-slate-500">{t('balance')}</p>
          <p className="text-3xl font-semibold" data-testid="billing-balance">
            {formatFen(balance)}
          </p>
        </div>
        {simulatedPaymentsAllowed(config.mode) ? (
          <TopUpForm topUpAction={topUpAction} />
        ) : (
          <div className="space-y-1.5 text-sm text-slate-600" data-testid="billing-pay-in">
            <h2 className="text-base font-semibold text-slate-900">{t('payInTitle')}</h2>
            <p>{t('payInGateway')}</p>
            <p>{t('payInAdmin')}</p>
          </div>
        )}
      </section>
      <section className="grid gap-5 lg:grid-cols-2" aria-label={t('spendingTitle')}>
        <div className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex items-baseline justify-between">
            <h2 className="text-base font-semibold">{t('spendByDay')}</h2>
            <p className="text-sm text-slate-500" data-testid="spend-total">
              {t('spendTotal', { amount: formatFen(spent.totalFen) })}
            </p>
          </div>
          <ColumnChart
            caption={t('spendByDay')}
            columns={spent.byDay.map((d) => ({ key: d.day, label: format.dateTime(new Date(`${d.day}T00:00:00+08:00`), { month: 'short', day: 'numeric' }), value: d.fen, valueLabel: formatFen(d.fen) }))}
          />
        </div>
        <div className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">{t('spendByProduct')}</h2>
          {spent.byProduct.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noSpending')}</p>
          ) : (
            <BarList rows={spent.byProduct.map((p) => ({ key: p.productCode ?? 'compute', label: p.title ?? t('compute'), value: p.fen, valueLabel: formatFen(p.fen) }))} />
          )}
        </div>
      </section>
      <section className="space-y-3">
        <h2 className="text-base font-semibold">{t('entries')}</h2>
        {entries.total === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t('emptyEntries')}</p>
        ) : (
          <>
            <LedgerTable entries={entries.items} />
            <Pagination page={entries.page} pageSize={entries.pageSize} total={entries.total} params={{}} />
          </>
        )}
      </section>
    </div>
  );
}
