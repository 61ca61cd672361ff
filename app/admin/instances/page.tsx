import { getFormatter, getTranslations } from 'next-intl/server';
import { FreezeActions } from '@/components/admin/freeze-actions';
import { InstanceSearch } from '@/components/admin/instance-search';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table } from '@/components/ui/table';
import { instanceStatuses, type InstanceStatus } from '@/lib/domain/instances';
import { listAllInstances } from '@/lib/services/freezes';
import { requireAdmin } from '../require-admin';
import { freezeAction, unfreezeAction } from './actions';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('adminInstances');

type Search = { q?: string; status?: string; page?: string };

export default async function AdminInstancesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor } = await requireAdmin();
  const search = await searchParams;
  const t = await getTranslations('admin.instances');
  const regions = await getTranslations('regions');
  const format = await getFormatter();

  // The URL is input too: an unknown status is ignored, an over-long search is cut.
  const q = (typeof search.q === 'string' && search.q.trim().slice(0, 100)) || undefined;
  const status = instanceStatuses.includes(search.status as InstanceStatus) ? (search.status as InstanceStatus) : undefined;
  const page = pageFromUrl(search.page);
  const result = await readWithinPages(page, (page) => listAllInstances(actor, { q, status, page, pageSize: 20 }));

  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <InstanceSearch q={q} status={status} />
      {result.total === 0 ? (
        <EmptyState title={t('emptyTitle')} body={q || status ? t('emptyFiltered') : t('emptyBody')} />
      ) : (
        <>
          <Table fixed columns={[{ label: t('columnInstance') }, { label: t('columnAccount'), className: 'w-48' }, { label: t('columnStatus'), className: 'w-48' }, { label: t('columnWhere'), className: 'w-40' }, { label: t('columnCreated'), className: 'w-32' }, { label: t('columnActions'), align: 'right', className: 'w-32' }]}>
            {result.items.map(({ instance: i, accountName, productCode }) => (
              <tr key={i.id} data-instance-id={i.id} className="align-top">
                <td className="px-4 py-3">
                  <div className="truncate font-medium" title={i.name}>
                    {i.name}
                  </div>
                  <code className="block truncate text-xs text-slate-500">{i.id}</code>
                  {productCode && (
                    <span className="mt-1 inline-block rounded bg-violet-50 px-1.5 py-0.5 font-mono text-[11px] text-violet-700 ring-1 ring-violet-200 ring-inset">
                      <span className="sr-only">{t('columnProduct')}: </span>
                      {productCode}
                    </span>
                  )}
                </td>
                <td className="px-4 py-3">
                  <div className="truncate" title={accountName}>
                    {accountName}
                  </div>
                  <code className="block truncate text-xs text-slate-500">{i.accountId}</code>
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={i.status as InstanceStatus} />
                  {i.statusReason && <div className="mt-1 text-xs text-slate-600">{t.has(`reasons.${i.statusReason}`) ? t(`reasons.${i.statusReason}`) : i.statusReason}</div>}
                </td>
                <td className="px-4 py-3">
                  <div className="truncate">{regions(i.regionId)}</div>
                  <code className="block truncate text-xs text-slate-500">{i.instanceTypeId}</code>
                </td>
                <td className="px-4 py-3 text-slate-600">
                  <div>{format.dateTime(i.createdAt, { dateStyle: 'medium' })}</div>
                  <div className="text-xs text-slate-500">{format.dateTime(i.createdAt, { timeStyle: 'short' })}</div>
                </td>
                <td className="px-4 py-3">
                  <FreezeActions id={i.id} name={i.name} status={i.status as InstanceStatus} statusReason={i.statusReason} freezeAction={freezeAction} unfreezeAction={unfreezeAction} />
                </td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ q, status }} />
        </>
      )}
    </div>
  );
}
