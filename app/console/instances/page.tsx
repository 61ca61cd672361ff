import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { InstanceActions } from '@/components/console/instance-actions';
import { InstanceFilters } from '@/components/console/instance-filters';
import { PendingWatcher } from '@/components/console/pending-watcher';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireSession } from '@/lib/auth/session';
import { instanceStatuses, type InstanceStatus } from '@/lib/domain/instances';
import { formatFen } from '@/lib/domain/money';
import { listRegions } from '@/lib/services/catalogue';
import { describeInstances } from '@/lib/services/instances';
import { pageFromUrl } from '@/lib/domain/paging';
import { instanceAction, pendingCountAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('instances');

type Search = { status?: string; region?: string; sort?: string; page?: string; launched?: string };

export default async function InstancesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const regions = listRegions().map((r) => r.id);

  // The URL is input too: anything unknown is ignored rather than failing the page.
  const status = instanceStatuses.includes(search.status as InstanceStatus) ? (search.status as InstanceStatus) : undefined;
  const region = regions.includes(search.region ?? '') ? search.region : undefined;
  const sort = search.sort === 'oldest' ? 'oldest' : 'newest';
  const page = pageFromUrl(search.page);
  const result = describeInstances(actor, { status, regionId: region, sort, page, pageSize: 20 });
  const pending = status === 'Pending' || !status ? describeInstances(actor, { status: 'Pending', pageSize: 1 }).total : 0;
  const launched = Number.parseInt(search.launched ?? '', 10);
  const filtered = Boolean(status || region);

  return (
    <div className="space-y-5">
      <PageHeader title={t('instances.title')} subtitle={t('instances.subtitle')} action={<ButtonLink href="/console/instances/new">{t('instances.launch')}</ButtonLink>} />

      {launched > 0 && pending > 0 && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
          {t('instances.launched', { count: launched })}
        </div>
      )}
      <PendingWatcher pending={pending} pendingCountAction={pendingCountAction} />

      <InstanceFilters regions={regions} />

      {result.total === 0 ? (
        filtered ? (
          <EmptyState title={t('instances.emptyFiltered')} body="" action={<ButtonLink href="/console/instances" variant="secondary">{t('instances.clearFilters')}</ButtonLink>} />
        ) : (
          <EmptyState title={t('instances.emptyTitle')} body={t('instances.emptyBody')} action={<ButtonLink href="/console/instances/new">{t('instances.launch')}</ButtonLink>} />
        )
      ) : (
        <>
          <Table columns={[{ label: t('instances.columnName') }, { label: t('instances.columnStatus') }, { label: t('instances.columnType') }, { label: t('instances.columnImage') }, { label: t('instances.columnRegionCreated') }, { label: t('instances.columnActions'), align: 'right' }]}>
            {result.items.map((i) => (
              <tr key={i.id} data-instance-id={i.id} className="align-top hover:bg-slate-50/60">
                <td className="px-4 py-3">
                  <Link href={`/console/instances/${i.id}`} className="font-medium text-brand-600 hover:underline">
                    {i.name}
                  </Link>
                  <div className="font-mono text-xs whitespace-nowrap text-slate-500">{i.id}</div>
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={i.status as InstanceStatus} />
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <div className="font-mono text-xs">{i.instanceTypeId}</div>
                  <div className="text-xs text-slate-500">
                    {t('instances.specs', { vcpu: i.vcpu, memory: i.memoryGib })} · {t('common.perHour', { price: formatFen(i.hourlyPriceFen) })}
                  </div>
                </td>
                <td className="max-w-44 px-4 py-3">
                  <div>{i.platform}</div>
                  <div className="truncate text-xs text-slate-500" title={i.imageName}>
                    {i.imageName}
                  </div>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <div>{t(`regions.${i.regionId}`)}</div>
                  <div className="text-xs text-slate-500">{format.dateTime(i.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</div>
                </td>
                <td className="px-4 py-3">
                  <InstanceActions id={i.id} name={i.name} status={i.status as InstanceStatus} instanceAction={instanceAction} />
                </td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ status, region, sort: sort === 'newest' ? undefined : sort }} />
        </>
      )}
    </div>
  );
}
