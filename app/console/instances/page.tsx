import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BatchSelection, RowCheckbox, SelectAllCheckbox } from '@/components/console/batch-selection';
import { InstanceActions } from '@/components/console/instance-actions';
import { InstanceBatchBar } from '@/components/console/instance-batch';
import { InstanceFilters } from '@/components/console/instance-filters';
import { listParams } from '@/components/console/list-params';
import { PendingWatcher } from '@/components/console/pending-watcher';
import { ButtonLink } from '@/components/ui/button';
import { CopyableId } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSearch } from '@/components/ui/list-search';
import { Table, truncatedLink } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireSession } from '@/lib/auth/session';
import { instanceStatuses, type InstanceStatus } from '@/lib/domain/instances';
import { parseSort, sortValue } from '@/lib/domain/list-query';
import { formatFen } from '@/lib/domain/money';
import { listRegions } from '@/lib/services/catalogue';
import { describeInstances, instanceSortKeys } from '@/lib/services/instances';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { batchInstanceAction, instanceAction, pendingCountAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('instances');

type Search = { status?: string; region?: string; q?: string; sort?: string; page?: string; launched?: string };

export default async function InstancesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor, user } = await requireSession();
  const search = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const regions = (await listRegions()).map((r) => r.id);

  // The URL is input too: anything unknown is ignored rather than failing the page.
  const status = instanceStatuses.includes(search.status as InstanceStatus) ? (search.status as InstanceStatus) : undefined;
  const { region, q } = listParams(search, regions, user.regionId);
  const sort = sortValue(parseSort(search.sort, instanceSortKeys, { key: 'created', direction: 'desc' }));
  const page = pageFromUrl(search.page);
  const result = await readWithinPages(page, (page) => describeInstances(actor, { status, regionId: region, search: q, sort, page, pageSize: 20 }));
  const pending = status === 'Pending' || !status ? (await describeInstances(actor, { status: 'Pending', regionId: region, pageSize: 1 })).total : 0;
  const launched = Number.parseInt(search.launched ?? '', 10);
  const filtered = Boolean(status || q);
  const params = { status, region, q, sort: sort === '-created' ? undefined : sort };

  return (
    <div className="space-y-5">
      <PageHeader title={t('instances.title')} subtitle={t('lists.instancesIn', { region: t(`regions.${region}`) })} action={<ButtonLink href="/console/instances/new">{t('instances.launch')}</ButtonLink>} />

      {launched > 0 && pending > 0 && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
          {t('instances.launched', { count: launched })}
        </div>
      )}
      <PendingWatcher pending={pending} pendingCountAction={pendingCountAction} />

      <div className="flex flex-wrap items-center gap-3">
        <ListSearch value={q} keep={{ status, region, sort: params.sort }} placeholder={t('lists.searchInstances')} />
        <InstanceFilters />
      </div>

      {result.total === 0 ? (
        filtered ? (
          <EmptyState title={q ? t('lists.noMatches', { q }) : t('instances.emptyFiltered')} body="" action={<ButtonLink href={`/console/instances?region=${region}`} variant="secondary">{t('instances.clearFilters')}</ButtonLink>} />
        ) : (
          <EmptyState title={t('instances.emptyTitle')} body={t('instances.emptyBody')} action={<ButtonLink href="/console/instances/new">{t('instances.launch')}</ButtonLink>} />
        )
      ) : (
        <BatchSelection ids={result.items.map((i) => i.id)}>
          <InstanceBatchBar items={result.items.map((i) => ({ id: i.id, name: i.name, status: i.status as InstanceStatus, holdsLicense: i.licenseId !== null, subscription: i.billing === 'subscription' }))} batchAction={batchInstanceAction} />
          <Table
            fixed
            sorting={{ current: sort, params }}
            columns={[
              { label: <SelectAllCheckbox />, className: 'w-11' },
              { label: t('instances.columnName'), sort: 'name' },
              { label: t('instances.columnStatus'), sort: 'status', className: 'w-28' },
              { label: t('instances.columnType'), sort: 'type', className: 'w-36' },
              { label: t('instances.columnImage'), className: 'w-32' },
              { label: t('instances.columnRegionCreated'), sort: 'created', className: 'w-36' },
              { label: t('instances.columnActions'), align: 'right', className: 'w-48' },
            ]}
          >
            {result.items.map((i) => (
              <tr key={i.id} data-instance-id={i.id} className="align-top hover:bg-slate-50/60">
                <td className="px-4 py-3">
                  <RowCheckbox id={i.id} name={i.name} />
                </td>
                <td className="px-4 py-3">
                  <Link href={`/console/instances/${i.id}`} className={`${truncatedLink} font-medium text-brand-600 hover:underline`} title={i.name}>
                    {i.name}
                  </Link>
                  <CopyableId id={i.id} label={t('copy.instanceId')} />
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={i.status as InstanceStatus} />
                </td>
                <td className="px-4 py-3">
                  <div className="truncate font-mono text-xs">{i.instanceTypeId}</div>
                  <div className="text-xs text-slate-500">
                    {t('instances.specs', { vcpu: i.vcpu, memory: i.memoryGib })} · {t('common.perHour', { price: formatFen(i.hourlyPriceFen) })}
                  </div>
                </td>
                <td className="px-4 py-3">
                  <div className="truncate">{i.platform}</div>
                  <div className="truncate text-xs text-slate-500" title={i.imageName}>
                    {i.imageName}
                  </div>
                </td>
                <td className="px-4 py-3">
                  <div>{t(`regions.${i.regionId}`)}</div>
                  <div className="text-xs text-slate-500">{format.dateTime(i.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</div>
                </td>
                <td className="px-4 py-3">
                  <InstanceActions id={i.id} name={i.name} status={i.status as InstanceStatus} instanceAction={instanceAction} />
                </td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} />
        </BatchSelection>
      )}
    </div>
  );
}
