import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ReplayButton } from '@/components/publishing/replay-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { lastErrorParts, nextRetryAt } from '@/lib/domain/seller-calls';
import { listDeliveries } from '@/lib/services/deliveries';
import { requireSeller } from '../../require-seller';
import { replayDeliveryAction } from './actions';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerDeliveries');

const statuses = ['pending', 'delivered', 'failed'] as const;

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { actor } = await requireSeller();
  const t = await getTranslations('deliveries');
  const format = await getFormatter();
  const query = await searchParams;
  const status = statuses.find((s) => s === query.status);
  const page = pageFromUrl(query.page);
  const result = await readWithinPages(page, (page) => listDeliveries(actor, { status, page }));
  // The verdict in the reader's words; the seller's own answer (code and message) as it came.
  const lastError = (stored: string) => {
    const { verdict, answer } = lastErrorParts(stored);
    if (!t.has(`verdicts.${verdict}`)) return stored;
    return answer ? t('lastErrorAnswer', { verdict: t(`verdicts.${verdict}`), answer }) : t(`verdicts.${verdict}`);
  };
  const tone = { pending: 'bg-amber-50 text-amber-700', delivered: 'bg-emerald-50 text-emerald-700', failed: 'bg-red-50 text-red-700' } as Record<string, string>;
  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <nav className="flex gap-2 text-sm" aria-label={t('filter')}>
        {[undefined, ...statuses].map((s) => (
          <Link key={s ?? 'all'} href={s ? `?status=${s}` : '?'} aria-current={s === status ? 'page' : undefined} className={`rounded-full px-3 py-1 ${s === status ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50'}`}>
            {s ? t(`statuses.${s}`) : t('all')}
          </Link>
        ))}
      </nav>
      {result.total === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <>
          <Table columns={[{ label: t('created') }, { label: t('activity') }, { label: t('product') }, { label: t('orderLine') }, { label: t('status') }, { label: t('attempts'), align: 'right' }, { label: t('lastError') }, { label: '' }]}>
            {result.items.map((d) => (
              <tr key={d.id} data-delivery-id={d.id} data-activity={d.activity}>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                  <Link href={`/seller/deliveries/${d.id}`} className="text-brand-600 hover:underline">
                    {format.dateTime(d.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                  </Link>
                </td>
                <td className="px-4 py-3 font-mono text-xs">{d.activity}</td>
                <td className="px-4 py-3 font-mono text-xs">{d.productCode}</td>
                <td className="px-4 py-3 font-mono text-xs">
                  {d.orderId}
                  <br />
                  <span className="text-slate-500">{d.orderLineId}</span>
                </td>
                <td className="px-4 py-3">
                  <span data-testid="delivery-status" className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone[d.status]}`}>
                    {t(`statuses.${d.status}`)}
                  </span>
                  {nextRetryAt(d) && <span className="mt-1 block text-xs whitespace-nowrap text-slate-500">{t('nextRetry', { when: format.dateTime(nextRetryAt(d)!, { dateStyle: 'medium', timeStyle: 'medium' }) })}</span>}
                </td>
                <td className="px-4 py-3 text-right" data-testid="delivery-tries">
                  {d.tries}
                </td>
                <td className="max-w-56 truncate px-4 py-3 text-xs text-slate-600" title={d.lastError ? lastError(d.lastError) : undefined}>
                  {d.lastError ? lastError(d.lastError) : '—'}
                </td>
                <td className="px-4 py-3 text-right">
                  <ReplayButton deliveryId={d.id} replayAction={replayDeliveryAction} />
                </td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ status }} />
        </>
      )}
    </div>
  );
}
