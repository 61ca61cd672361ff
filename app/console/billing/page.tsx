import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TopUpForm } from '@/components/console/top-up-form';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { formatFen } from '@/lib/domain/money';
import { walletBalance, walletEntries } from '@/lib/services/wallet';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireSession();
  const t = await getTranslations('billing');
  const format = await getFormatter();
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1);
  const entries = walletEntries(actor, { page });
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <section className="grid gap-5 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-[14rem_1fr]">
        <div>
          <p className="text-sm text-slate-500">{t('balance')}</p>
          <p className="text-3xl font-semibold" data-testid="billing-balance">
            {formatFen(walletBalance(actor))}
          </p>
        </div>
        <TopUpForm />
      </section>
      <section className="space-y-3">
        <h2 className="text-base font-semibold">{t('entries')}</h2>
        {entries.total === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t('emptyEntries')}</p>
        ) : (
          <>
            <Table columns={[{ label: t('when') }, { label: t('reason') }, { label: t('reference') }, { label: t('change'), align: 'right' }]}>
              {entries.items.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">{format.dateTime(e.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td className="px-4 py-3">{t.has(`reasons.${e.reason}`) ? t(`reasons.${e.reason}`) : e.reason}</td>
                  <td className="px-4 py-3 font-mono text-xs">{e.reference ?? '—'}</td>
                  <td className={`px-4 py-3 text-right font-medium whitespace-nowrap ${e.amountFen < 0 ? 'text-slate-900' : 'text-emerald-700'}`}>
                    {e.amountFen > 0 ? '+' : ''}
                    {formatFen(e.amountFen)}
                  </td>
                </tr>
              ))}
            </Table>
            <Pagination page={entries.page} pageSize={entries.pageSize} total={entries.total} params={{}} />
          </>
        )}
      </section>
    </div>
  );
}
