import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CreateBucketForm } from '@/components/console/create-bucket-form';
import { ConfirmButton } from '@/components/console/confirm-button';
import { listParams, type ListSearchParams } from '@/components/console/list-params';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSearch } from '@/components/ui/list-search';
import { Table, truncatedLink } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { parseSort, sortValue } from '@/lib/domain/list-query';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { listRegions } from '@/lib/services/catalogue';
import { bucketSortKeys, describeBuckets } from '@/lib/services/storage';
import { createBucketAction, deleteBucketAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('buckets');

export default async function BucketsPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  const { actor, user } = await requireSession();
  const search = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const { region, q } = listParams(search, (await listRegions()).map((r) => r.id), user.regionId);
  const sort = sortValue(parseSort(search.sort, bucketSortKeys, { key: 'name', direction: 'asc' }));
  const result = await readWithinPages(pageFromUrl(search.page), (page) => describeBuckets(actor, { regionId: region, search: q, sort, page, pageSize: 20 }));
  const params = { region, q, sort: sort === 'name' ? undefined : sort };
  return (
    <div className="max-w-5xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('buckets.title')}</h1>
        <p className="text-sm text-slate-600">{t('buckets.subtitle', { region: t(`regions.${region}`) })}</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <CreateBucketForm regionId={region} createAction={createBucketAction} />
      </section>
      <ListSearch value={q} keep={{ region, sort: params.sort }} placeholder={t('lists.searchBuckets')} />
      {result.total === 0 ? (
        q ? (
          <EmptyState title={t('lists.noMatches', { q })} body="" action={<ButtonLink href={`/console/buckets?region=${region}`} variant="secondary">{t('lists.clearSearch')}</ButtonLink>} />
        ) : (
          <EmptyState title={t('buckets.emptyTitle')} body={t('buckets.emptyBody')} />
        )
      ) : (
        <>
          <Table fixed sorting={{ current: sort, params }} columns={[{ label: t('buckets.name'), sort: 'name' }, { label: t('buckets.objects'), className: 'w-28' }, { label: t('buckets.created'), sort: 'created', className: 'w-48' }, { label: '', align: 'right', className: 'w-32' }]}>
            {result.items.map((b) => (
              <tr key={b.id} data-bucket={b.name}>
                <td className="px-4 py-3">
                  <Link href={`/console/buckets/${b.id}`} className={`${truncatedLink} font-medium text-brand-600 hover:underline`} title={b.name}>
                    {b.name}
                  </Link>
                </td>
                <td className="px-4 py-3">{b.objectCount}</td>
                <td className="px-4 py-3 text-slate-600">{format.dateTime(b.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td className="px-4 py-3 text-right">
                  <ConfirmButton label={t('buckets.delete')} confirm={t('buckets.confirmDelete', { name: b.name })} run={deleteBucketAction.bind(null, b.id)} done={t('toast.bucketDeleted')} />
                </td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} />
        </>
      )}
    </div>
  );
}
