import Link from 'next/link';
import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BatchSelection, RowCheckbox, SelectAllCheckbox } from '@/components/console/batch-selection';
import { ImageActions } from '@/components/console/image-actions';
import { ImageBatchBar } from '@/components/console/image-batch';
import { DeclineShare } from '@/components/console/decline-share';
import { ImageStatus } from '@/components/console/image-status';
import { listParams, type ListSearchParams } from '@/components/console/list-params';
import { ButtonLink } from '@/components/ui/button';
import { CopyableId } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSearch } from '@/components/ui/list-search';
import { listHref } from '@/components/ui/list-href';
import { Table, truncatedLink, type Column } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { parseSort, sortValue } from '@/lib/domain/list-query';
import { listRegions } from '@/lib/services/catalogue';
import { describeImages } from '@/lib/services/images';
import { imageSortKeys } from '@/lib/services/visible-images';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { batchDeleteImagesAction, copyImageAction, deleteImageAction, taskStatesAction } from './actions';
import { declineShareAction } from './share-actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('images');

const tabs = ['self', 'others', 'system', 'marketplace'] as const;

export default async function ImagesPage({ searchParams }: { searchParams: Promise<ListSearchParams & { owner?: string }> }) {
  const { actor, user } = await requireSession();
  const search = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const regions = (await listRegions()).map((r) => r.id);
  const owner = tabs.find((tab) => tab === search.owner) ?? 'self';
  const { region, q } = listParams(search, regions, user.regionId);
  const sort = sortValue(parseSort(search.sort, imageSortKeys, { key: 'created', direction: 'desc' }));
  const page = pageFromUrl(search.page);
  const result = await readWithinPages(page, (page) => describeImages(actor, { regionId: region, ownerAlias: owner, search: q, sort, page, pageSize: 20 }));
  const open = result.items.flatMap((i) => (i.task ? [i.task.id] : []));
  const params = { owner, region, q, sort: sort === '-created' ? undefined : sort };
  const own = owner === 'self';

  const columns: Column[] = [
    ...(own ? [{ label: <SelectAllCheckbox />, className: 'w-11' }] : []),
    { label: t('images.columnName'), sort: 'name' },
    { label: t('images.columnStatus'), className: 'w-44' },
    { label: t('images.columnPlatform'), className: 'w-36' },
    { label: t('images.columnProduct'), className: 'w-40' },
    { label: t('images.columnCreated'), sort: 'created', className: 'w-32' },
    { label: t('images.columnActions'), align: 'right', className: 'w-44' },
  ];
  const table = (
    <>
      <Table fixed columns={columns} sorting={{ current: sort, params }}>
        {result.items.map((image) => (
          <tr key={image.id} data-image-id={image.id} className="align-top">
            {own && (
              <td className="px-4 py-3">
                <RowCheckbox id={image.id} name={image.name} />
              </td>
            )}
            <td className="px-4 py-3">
              <Link href={`/console/images/${image.id}`} className={`${truncatedLink} font-medium text-brand-600 hover:underline`} title={image.name}>
                {image.name}
              </Link>
              <CopyableId id={image.id} label={t('copy.imageId')} />
            </td>
            <td className="px-4 py-3">
              <ImageStatus status={image.status} task={image.task} openTaskIds={open} taskStatesAction={taskStatesAction} />
              {image.deprecatedAt && <span className="mt-1 block text-xs font-medium text-amber-700">{t('imageFamily.deprecatedBadge')}</span>}
              {image.imageFamily && <span className="mt-1 block truncate font-mono text-xs text-slate-500">{image.imageFamily}</span>}
            </td>
            <td className="px-4 py-3">
              <div className="truncate">{image.platform}</div>
              <div className="text-xs text-slate-500">
                {image.osType} · {image.architecture} · {image.sizeGib} GiB
              </div>
            </td>
            <td className="px-4 py-3">
              {image.productCode ? (
                <Link href={`/marketplace/products/${image.productCode}`} className="block text-brand-600 hover:underline" title={image.productTitle ?? undefined}>
                  <span className="block truncate">{image.productTitle}</span>
                  <span className="block truncate font-mono text-xs">{image.productCode}</span>
                </Link>
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </td>
            <td className="px-4 py-3 text-slate-600">{format.dateTime(image.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
            <td className="px-4 py-3">
              <div className="flex flex-wrap justify-end gap-2">
                {image.status === 'Available' && (
                  <ButtonLink size="sm" variant="secondary" href={`/console/instances/new?region=${image.regionId}&image=${image.id}`}>
                    {t('images.launch')}
                  </ButtonLink>
                )}
                {image.ownerAlias === 'self' && image.status === 'Available' && <ImageActions image={image} regions={regions} copyImageAction={copyImageAction} deleteImageAction={deleteImageAction} />}
                {image.ownerAlias === 'others' && <DeclineShare imageId={image.id} imageName={image.name} declineAction={declineShareAction} />}
              </div>
            </td>
          </tr>
        ))}
      </Table>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} />
    </>
  );
  const withBatch = (body: ReactNode) =>
    own ? (
      <BatchSelection ids={result.items.map((i) => i.id)}>
        <ImageBatchBar items={result.items.map((i) => ({ id: i.id, name: i.name, deletable: i.ownerAlias === 'self' && i.status === 'Available' && !i.task }))} batchDeleteAction={batchDeleteImagesAction} />
        {body}
      </BatchSelection>
    ) : (
      body
    );

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('images.title')}</h1>
        <p className="text-sm text-slate-600">{t('images.subtitle', { region: t(`regions.${region}`) })}</p>
      </div>
      <nav className="flex gap-1 overflow-x-auto border-b border-slate-200" aria-label={t('images.title')}>
        {tabs.map((tab) => (
          <Link
            key={tab}
            href={`/console/images${listHref({ owner: tab, region })}`}
            aria-current={tab === owner ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap ${tab === owner ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t(`images.tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      <ListSearch value={q} keep={{ owner, region, sort: params.sort }} placeholder={t('lists.searchImages')} />
      {result.total === 0 ? (
        q ? (
          <EmptyState title={t('lists.noMatches', { q })} body="" action={<ButtonLink href={`/console/images${listHref({ owner, region })}`} variant="secondary">{t('lists.clearSearch')}</ButtonLink>} />
        ) : (
          <EmptyState
            title={t(owner === 'self' ? 'images.emptySelfTitle' : owner === 'others' ? 'images.emptySharedTitle' : 'images.emptyTitle')}
            body={t(owner === 'self' ? 'images.emptySelfBody' : owner === 'others' ? 'images.emptySharedBody' : 'images.emptyBody')}
            action={owner === 'self' ? <ButtonLink href="/console/instances">{t('images.goToInstances')}</ButtonLink> : undefined}
          />
        )
      ) : (
        withBatch(table)
      )}
    </div>
  );
}
