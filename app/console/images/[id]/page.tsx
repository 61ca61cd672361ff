import { DetailList, type Detail } from '@/components/ui/detail-list';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ImageActions } from '@/components/console/image-actions';
import { DeclineShare } from '@/components/console/decline-share';
import { ImageStatus } from '@/components/console/image-status';
import { SharePanel } from '@/components/console/share-panel';
import { ButtonLink } from '@/components/ui/button';
import { requireSession } from '@/lib/auth/session';
import { listLaunchableImages, listRegions } from '@/lib/services/catalogue';
import { ImageFamilyPanel } from '@/components/console/image-family-panel';
import { deprecateImageAction, setImageFamilyAction, undeprecateImageAction } from '../family-actions';
import { getImage } from '@/lib/services/images';
import { successorFitsAudience } from '@/lib/domain/image-family';
import { orNotFound } from '../../or-not-found';
import { describeImageSharePermission } from '@/lib/services/sharing';
import { copyImageAction, deleteImageAction, taskStatesAction } from '../actions';
import { declineShareAction, shareImageAction, unshareImageAction } from '../share-actions';
import { CopyableId } from '@/components/ui/copy-button';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('image');

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireSession();
  const { id } = await params;
  const { image, lineage, successor } = await orNotFound(async () => await getImage(actor, id), 'InvalidImageId.NotFound');
  const t = await getTranslations();
  const format = await getFormatter();
  const fields: Detail[] = [
    [t('images.fieldId'), <code key="id">{image.id}</code>],
    [t('images.fieldRegion'), t(`regions.${image.regionId}`)],
    [t('images.fieldOwner'), t(`images.owners.${image.ownerAlias}`)],
    [t('images.fieldPlatform'), `${image.platform} · ${image.osType} · ${image.architecture}`],
    [t('images.fieldSize'), `${image.sizeGib} GiB`],
    [t('images.fieldCreated'), format.dateTime(image.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })],
  ];
  if (image.description) fields.push([t('images.fieldDescription'), image.description]);
  if (image.imageFamily) fields.push([t('imageFamily.fieldFamily'), <code key="family">{image.imageFamily}</code>]);
  const own = image.ownerAlias === 'self';
  const sharing = own && image.status === 'Available' ? await describeImageSharePermission(actor, image.id) : null;
  const impact = sharing?.recipients.filter((r) => r.instances > 0) ?? [];
  // Issue 17: the successor picker offers the region's other usable images the deprecation accepts (not one shared with the owner).
  const successors = own && image.status === 'Available' ? (await listLaunchableImages(actor, image.regionId)).filter((i) => i.id !== image.id && !i.deprecatedAt && successorFitsAudience(image, i)).map((i) => ({ id: i.id, name: `${i.name} (${i.id})` })) : [];

  return (
    <div className="max-w-4xl space-y-5">
      <Link href="/console/images" className="text-sm text-brand-600 hover:underline">
        ← {t('images.backToList')}
      </Link>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold">{image.name}</h1>
          <div className="mt-1 flex items-center gap-3">
            <ImageStatus status={image.status} task={image.task} openTaskIds={image.task ? [image.task.id] : []} taskStatesAction={taskStatesAction} />
            {image.deprecatedAt && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{t('imageFamily.deprecatedBadge')}</span>}
            <CopyableId id={image.id} label={t('copy.imageId')} className="text-sm" />
          </div>
        </div>
        <div className="flex gap-2">
          {image.status === 'Available' && <ButtonLink href={`/console/instances/new?region=${image.regionId}&image=${image.id}`}>{t('images.launch')}</ButtonLink>}
          {own && image.status === 'Available' && <ImageActions image={image} regions={(await listRegions()).map((r) => r.id)} afterDelete="/console/images" impact={impact} copyImageAction={copyImageAction} deleteImageAction={deleteImageAction} />}
          {image.ownerAlias === 'others' && <DeclineShare imageId={image.id} imageName={image.name} afterDecline="/console/images?owner=others" declineAction={declineShareAction} />}
        </div>
      </div>

      {image.deprecatedAt && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="note" data-testid="deprecation-notice">
          <p className="font-medium">{t('imageFamily.deprecatedTitle', { date: format.dateTime(image.deprecatedAt, { dateStyle: 'medium' }) })}</p>
          <p className="mt-1">
            {successor ? (
              <>
                {t('imageFamily.successorIs')}{' '}
                <Link href={`/console/images/${successor.id}`} className="font-medium underline" data-testid="successor-link">
                  {successor.name}
                </Link>{' '}
                <span className="font-mono text-xs">{successor.id}</span>
              </>
            ) : (
              t('imageFamily.noSuccessorNamed')
            )}
          </p>
        </div>
      )}

      {image.productCode && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="license-notice">
          <p className="font-medium">{t('images.needsLicenseTitle')}</p>
          <p className="mt-1">
            {t('images.needsLicenseBody', { product: image.productTitle ?? image.productCode, productCode: image.productCode, region: t(`regions.${image.regionId}`) })}{' '}
            <Link href={`/marketplace/products/${image.productCode}`} className="font-medium underline">
              {t('images.buyLicenses')}
            </Link>
          </p>
        </div>
      )}

      <DetailList fields={fields} />

      {own && image.status === 'Available' && (
        <ImageFamilyPanel
          family={image.imageFamily}
          deprecated={Boolean(image.deprecatedAt)}
          successors={successors}
          setFamilyAction={setImageFamilyAction.bind(null, image.id)}
          deprecateAction={deprecateImageAction.bind(null, image.id)}
          undeprecateAction={undeprecateImageAction.bind(null, image.id)}
        />
      )}

      {sharing && (
        <SharePanel
          shareImageAction={shareImageAction}
          unshareImageAction={unshareImageAction}
          imageId={image.id}
          recipients={sharing.recipients.map((r) => ({ ...r, sharedAt: format.dateTime(r.sharedAt, { dateStyle: 'medium', timeStyle: 'short' }) }))}
          maxRecipients={sharing.maxRecipients}
          sharesLeftToday={sharing.sharesLeftToday}
        />
      )}

      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-base font-semibold">{t('images.lineage')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('images.lineageHint')}</p>
        <ol className="mt-4 space-y-0" data-testid="lineage">
          {lineage.map((step, i) => (
            <li key={i} className="relative flex gap-4 pb-5 last:pb-0">
              {i < lineage.length - 1 && <span className="absolute top-6 left-[11px] h-full w-px bg-slate-200" aria-hidden />}
              <span className={`z-10 mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${i === 0 ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-600'}`}>{lineage.length - i}</span>
              <div className="min-w-0 text-sm">
                <p className="font-medium">{t(`images.sources.${step.source}`)}</p>
                <p className="truncate text-slate-600">
                  {step.visible && i > 0 ? (
                    <Link href={`/console/images/${step.imageId}`} className="text-brand-600 underline">
                      {step.name}
                    </Link>
                  ) : (
                    (step.name ?? t('images.hiddenImage'))
                  )}{' '}
                  <span className="font-mono text-xs text-slate-500">
                    {step.imageId && `${step.imageId} · `}
                    {t(`regions.${step.regionId}`)}
                  </span>
                </p>
                {step.fromInstance && (
                  <p className="text-xs text-slate-500">
                    {step.viaInstanceId ? (
                      <>
                        {t('images.fromInstance')} <span className="font-mono">{step.viaInstanceId}</span>
                      </>
                    ) : (
                      t('images.fromOtherInstance')
                    )}
                  </p>
                )}
                {step.productCode && step.source === 'published' && (
                  <p className="text-xs text-slate-500">
                    {t('images.ofProduct')}{' '}
                    <Link href={`/marketplace/products/${step.productCode}`} className="font-mono text-brand-600 underline">
                      {step.productCode}
                    </Link>
                  </p>
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
