import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ImageActions } from '@/components/console/image-actions';
import { DeclineShare } from '@/components/console/decline-share';
import { ImageStatus } from '@/components/console/image-status';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { listRegions } from '@/lib/services/catalogue';
import { describeImages } from '@/lib/services/images';
import { pageFromUrl } from '@/lib/domain/paging';
import { copyImageAction, deleteImageAction, taskStatesAction } from './actions';
import { declineShareAction } from './share-actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('images');

const tabs = ['self', 'others', 'system', 'marketplace'] as const;

export default async function ImagesPage({ searchParams }: { searchParams: Promise<{ owner?: string; page?: string }> }) {
  const { actor, user } = await requireSession();
  const search = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const owner = tabs.find((tab) => tab === search.owner) ?? 'self';
  const page = pageFromUrl(search.page);
  const result = describeImages(actor, { regionId: user.regionId, ownerAlias: owner, page, pageSize: 20 });
  const regions = listRegions().map((r) => r.id);
  const open = result.items.flatMap((i) => (i.task ? [i.task.id] : []));

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('images.title')}</h1>
        <p className="text-sm text-slate-600">{t('images.subtitle', { region: t(`regions.${user.regionId}`) })}</p>
      </div>
      <nav className="flex gap-1 border-b border-slate-200" aria-label={t('images.title')}>
        {tabs.map((tab) => (
          <Link
            key={tab}
            href={`/console/images?owner=${tab}`}
            aria-current={tab === owner ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === owner ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t(`images.tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      {result.total === 0 ? (
        <EmptyState
          title={t(owner === 'self' ? 'images.emptySelfTitle' : owner === 'others' ? 'images.emptySharedTitle' : 'images.emptyTitle')}
          body={t(owner === 'self' ? 'images.emptySelfBody' : owner === 'others' ? 'images.emptySharedBody' : 'images.emptyBody')}
          action={owner === 'self' ? <ButtonLink href="/console/instances">{t('images.goToInstances')}</ButtonLink> : undefined}
        />
      ) : (
        <>
          <Table columns={[{ label: t('images.columnName') }, { label: t('images.columnStatus') }, { label: t('images.columnPlatform') }, { label: t('images.columnProduct') }, { label: t('images.columnCreated') }, { label: t('images.columnActions'), align: 'right' }]}>
            {result.items.map((image) => (
              <tr key={image.id} data-image-id={image.id} className="align-top">
                <td className="max-w-72 px-4 py-3">
                  <Link href={`/console/images/${image.id}`} className="block truncate font-medium text-brand-600 hover:underline" title={image.name}>
                    {image.name}
                  </Link>
                  <div className="font-mono text-xs text-slate-500">{image.id}</div>
                </td>
                <td className="px-4 py-3">
                  <ImageStatus status={image.status} task={image.task} openTaskIds={open} taskStatesAction={taskStatesAction} />
                  {image.deprecatedAt && <span className="mt-1 block text-xs font-medium text-amber-700">{t('imageFamily.deprecatedBadge')}</span>}
                  {image.imageFamily && <span className="mt-1 block truncate font-mono text-xs text-slate-500">{image.imageFamily}</span>}
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <div>{image.platform}</div>
                  <div className="text-xs text-slate-500">
                    {image.osType} · {image.architecture} · {image.sizeGib} GiB
                  </div>
                </td>
                <td className="max-w-56 px-4 py-3">
                  {image.productCode ? (
                    <Link href={`/marketplace/products/${image.productCode}`} className="text-brand-600 hover:underline">
                      <span className="block truncate">{image.productTitle}</span>
                      <span className="font-mono text-xs">{image.productCode}</span>
                    </Link>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">{format.dateTime(image.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td className="px-4 py-3">
                  <div className="flex justify-end gap-2 whitespace-nowrap">
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
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ owner }} />
        </>
      )}
    </div>
  );
}
